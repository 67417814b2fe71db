import { DynamicModule, Module } from '@nestjs/common';
import { ServerConfig } from '../common/server.config';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { RECEIPT_SINK } from './receipt-sink';
import { RecordReceiptSink } from './record-receipt-sink';

/** The modules callbacks use, as the composition root built them. */
export interface CallbacksUses {
  readonly providers: DynamicModule;
  readonly records: DynamicModule;
}

/** Vendor callbacks (`/callbacks/:providerId/:kind`); `server.publicUrl` is the URL vendors sign. */
@Module({})
export class CallbacksModule {
  static forRoot(server: ServerConfig, uses: CallbacksUses): DynamicModule {
    return {
      module: CallbacksModule,
      imports: [uses.providers, uses.records],
      controllers: [CallbacksController],
      providers: [
        { provide: ServerConfig, useValue: server },
        CallbacksService,
        { provide: RECEIPT_SINK, useClass: RecordReceiptSink },
      ],
    };
  }
}
