import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { RecordsModule } from '../records/records.module';
import { RecordReceiptSink } from './record-receipt-sink';
import { RECEIPT_SINK } from './receipt-sink';

@Module({
  imports: [ProvidersModule, RecordsModule],
  controllers: [CallbacksController],
  providers: [CallbacksService, { provide: RECEIPT_SINK, useClass: RecordReceiptSink }],
})
export class CallbacksModule {}
