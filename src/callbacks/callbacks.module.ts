import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { LoggingReceiptSink, RECEIPT_SINK } from './receipt-sink';

@Module({
  imports: [ProvidersModule],
  controllers: [CallbacksController],
  providers: [CallbacksService, { provide: RECEIPT_SINK, useClass: LoggingReceiptSink }],
})
export class CallbacksModule {}
