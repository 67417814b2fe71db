import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { DeliveryRecord } from '../delivery/delivery-record';
import { DeliveryLookupService } from './delivery-lookup.service';
import { DeliverySearchService, SearchPage } from './delivery-search.service';

/** Support staff: a user's deliveries, and what happened to one OTP (admin Bearer token). */
@Controller('deliveries')
@UseGuards(AdminAuthGuard)
export class DeliveriesController {
  constructor(
    private readonly lookup: DeliveryLookupService,
    private readonly searches: DeliverySearchService,
  ) {}

  /** `?user=&phoneLast4=&from=&to=&status=&provider=&limit=&cursor=` (docs/records.md). */
  @Get()
  search(@Query() query: Record<string, unknown>): Promise<SearchPage> {
    return this.searches.search(query);
  }

  /** By the transaction id Okta shows, or the delivery id. */
  @Get(':transactionId')
  find(@Param('transactionId') transactionId: string): Promise<DeliveryRecord> {
    return this.lookup.get(transactionId);
  }
}
