import { Module } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { StoreModule } from '../store/store.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryLookupService } from './delivery-lookup.service';
import { DeliveryRecordService } from '../delivery/delivery-record.service';
import { DeliveryStatusMetrics } from '../delivery/delivery-status.metrics';

/**
 * Delivery records and `GET /deliveries/:id`. Exports {@link DeliveryRecordService}: the
 * delivery use case saves records, vendor receipts (`applyReceipt`) and Okta events
 * (`attachEvent`) update them.
 */
@Module({
  imports: [StoreModule],
  controllers: [DeliveriesController],
  providers: [DeliveryRecordService, DeliveryLookupService, DeliveryStatusMetrics, AdminAuthGuard],
  exports: [DeliveryRecordService, DeliveryStatusMetrics],
})
export class RecordsModule {}
