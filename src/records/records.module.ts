import { DynamicModule, Module } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { AdminConfig } from '../auth/admin.config';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryLookupService } from './delivery-lookup.service';

/**
 * `GET /deliveries/:id` for support staff, behind the admin token (`admin.*`). `records`: the
 * DeliveryRecordsModule the composition root built.
 */
@Module({})
export class RecordsModule {
  static forRoot(admin: AdminConfig, records: DynamicModule): DynamicModule {
    return {
      module: RecordsModule,
      imports: [records],
      controllers: [DeliveriesController],
      providers: [{ provide: AdminConfig, useValue: admin }, DeliveryLookupService, AdminAuthGuard],
    };
  }
}
