import { DynamicModule, Module } from '@nestjs/common';
import { AttemptRunner } from './attempt-runner';
import { DeliveryObservers } from './delivery-observers';
import { DeliveryRecorder } from './delivery-recorder';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryPolicy } from './delivery.policy';
import { DeliveryService } from './delivery.service';
import { IdempotencyService } from './idempotency.service';
import { MessageComposer } from './messages/message-composer';
import { MessagesConfig } from './messages/messages.config';
import { Router } from './router';
import { RoutingConfig } from './routing.config';

/** Delivery's own configuration: `routing.*`, `messages.*`, and the policy from `hook.*`. */
export interface DeliverySections {
  readonly routing: RoutingConfig;
  readonly messages: MessagesConfig;
  readonly policy: DeliveryPolicy;
}

/** The modules delivery uses, as the composition root built them (one instance each). */
export interface DeliveryUses {
  readonly store: DynamicModule;
  readonly providers: DynamicModule;
  readonly protection: DynamicModule;
  readonly records: DynamicModule;
}

/**
 * The delivery use case. Exports the service, the delivery metrics (the hook counts its near
 * misses there) and the observers registry (a feature that wants to know of every delivery
 * joins it).
 */
@Module({})
export class DeliveryModule {
  static forRoot(sections: DeliverySections, uses: DeliveryUses): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [uses.store, uses.providers, uses.protection, uses.records],
      providers: [
        { provide: RoutingConfig, useValue: sections.routing },
        { provide: MessagesConfig, useValue: sections.messages },
        { provide: DeliveryPolicy, useValue: sections.policy },
        DeliveryService,
        IdempotencyService,
        AttemptRunner,
        Router,
        DeliveryRecorder,
        DeliveryObservers,
        DeliveryMetrics,
        MessageComposer,
      ],
      exports: [DeliveryService, DeliveryMetrics, DeliveryObservers],
    };
  }
}
