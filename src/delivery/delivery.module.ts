import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProtectionModule } from '../protection/protection.module';
import { ProvidersModule } from '../providers/providers.module';
import { RecordsModule } from '../records/records.module';
import { StoreModule } from '../store/store.module';
import { AttemptRunner } from './attempt-runner';
import { CircuitBreakerMetrics } from './circuit-breaker.metrics';
import { CircuitBreakers } from './circuit-breakers';
import { DeliveryRecorder } from './delivery-recorder';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryService } from './delivery.service';
import { IdempotencyService } from './idempotency.service';
import { MessageComposer } from './messages/message-composer';
import { Router } from './router';

/**
 * The delivery use case; exports the service, the breakers (their state is in readiness) and
 * the delivery metrics (the hook counts its near misses there).
 */
@Module({
  imports: [ProvidersModule, StoreModule, RecordsModule, ProtectionModule, EventsModule],
  providers: [
    DeliveryService,
    IdempotencyService,
    AttemptRunner,
    Router,
    CircuitBreakers,
    CircuitBreakerMetrics,
    DeliveryRecorder,
    DeliveryMetrics,
    MessageComposer,
  ],
  exports: [DeliveryService, CircuitBreakers, DeliveryMetrics],
})
export class DeliveryModule {}
