import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { DeliveryObservers } from '../delivery/delivery-observers';
import { DeliveryIndexStore } from './delivery-index.store';
import { EventCorrelator } from './event-correlator.service';
import { EventHookAuthGuard } from './event-hook-auth.guard';
import { EventHookController } from './event-hook.controller';
import { EventHookMetrics } from './event-hook.metrics';
import { EventHookService } from './event-hook.service';
import { EventsConfig } from './events.config';
import { OktaEventProcessor } from './okta-event.processor';
import { VerificationReports } from './verification-reports.service';

/** The modules the event hook uses, as the composition root built them. */
export interface EventsUses {
  readonly store: DynamicModule;
  /** Delivery records, to attach Okta's events to. */
  readonly records: DynamicModule;
  /** The delivery use case, whose observers the correlator joins. */
  readonly delivery: DynamicModule;
  /** Protection, told of verified codes and failed sends (its watch list). */
  readonly protection: DynamicModule;
  /** The providers, told when a code they delivered is verified (VerificationReports). */
  readonly providers: DynamicModule;
}

/**
 * The Okta event hook (`/hooks/okta/events`, `events.*`). At start the correlator joins the
 * delivery observers, so that each delivery is indexed for Okta's events to find it. Verified
 * codes and failed sends feed protection's watch list (VerificationFeedback).
 */
@Module({})
export class EventsModule implements OnModuleInit {
  constructor(
    private readonly observers: DeliveryObservers,
    private readonly correlator: EventCorrelator,
  ) {}

  static forRoot(config: EventsConfig, uses: EventsUses): DynamicModule {
    return {
      module: EventsModule,
      imports: [uses.store, uses.records, uses.delivery, uses.protection, uses.providers],
      controllers: [EventHookController],
      providers: [
        { provide: EventsConfig, useValue: config },
        EventHookService,
        OktaEventProcessor,
        EventCorrelator,
        DeliveryIndexStore,
        EventHookMetrics,
        EventHookAuthGuard,
        VerificationReports,
      ],
    };
  }

  onModuleInit(): void {
    this.observers.add(this.correlator);
  }
}
