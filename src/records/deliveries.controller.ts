import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { DeliveryLookupService } from './delivery-lookup.service';
import { DeliveryRecord } from '../delivery/delivery-record';

/** Support staff: what happened to one OTP, by the transaction id Okta shows (or delivery id). */
@Controller('deliveries')
@UseGuards(AdminAuthGuard)
export class DeliveriesController {
  constructor(private readonly lookup: DeliveryLookupService) {}

  @Get(':transactionId')
  find(@Param('transactionId') transactionId: string): Promise<DeliveryRecord> {
    return this.lookup.get(transactionId);
  }
}
