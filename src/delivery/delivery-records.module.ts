import { DynamicModule, Module } from '@nestjs/common';
import { DeliveryRecordService } from './delivery-record.service';
import { DeliveryStatusMetrics } from './delivery-status.metrics';

/**
 * Delivery records in the shared store, and the metrics of where deliveries end. Delivery writes
 * the records; `GET /deliveries/:id` reads them, vendor receipts and Okta events add to them.
 * `store`: the StoreModule the composition root built.
 */
@Module({})
export class DeliveryRecordsModule {
  static forRoot(store: DynamicModule): DynamicModule {
    return {
      module: DeliveryRecordsModule,
      imports: [store],
      providers: [DeliveryRecordService, DeliveryStatusMetrics],
      exports: [DeliveryRecordService, DeliveryStatusMetrics],
    };
  }
}
