import { Module } from '@nestjs/common';
import { EventHookAuthGuard } from './event-hook-auth.guard';
import { ProtectionModule } from '../protection/protection.module';
import { RecordsModule } from '../records/records.module';
import { StoreModule } from '../store/store.module';
import { DeliveryIndexStore } from './delivery-index.store';
import { EventCorrelator } from './event-correlator.service';
import { EventHookController } from './event-hook.controller';
import { EventHookMetrics } from './event-hook.metrics';
import { EventHookService } from './event-hook.service';
import { OktaEventProcessor } from './okta-event.processor';

/**
 * The Okta event hook (`/hooks/okta/events`). Exports {@link EventCorrelator}: the delivery flow
 * indexes each delivery there, so that Okta's events can find it. Verified codes and failed
 * sends feed protection's watch list (VerificationFeedback).
 */
@Module({
  imports: [StoreModule, RecordsModule, ProtectionModule],
  controllers: [EventHookController],
  providers: [
    EventHookService,
    OktaEventProcessor,
    EventCorrelator,
    DeliveryIndexStore,
    EventHookMetrics,
    EventHookAuthGuard,
  ],
  exports: [EventCorrelator],
})
export class EventsModule {}
