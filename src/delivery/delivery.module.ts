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
import { DeliveryService } from './delivery.service';
import { IdempotencyService } from './idempotency.service';
import { Router } from './router';

/** The delivery use case; exports the service and the breakers (their state is in readiness). */
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
  ],
  exports: [DeliveryService, CircuitBreakers],
})
export class DeliveryModule {}
