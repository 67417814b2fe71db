import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';
import { BreakerState } from './circuit-breaker';
import { ProviderRegistry } from './provider.registry';

const VALUE: Readonly<Record<BreakerState, number>> = { closed: 0, open: 1, 'half-open': 2 };

/** `otg_circuit_breaker_state{provider}`: 0 closed, 1 open, 2 half-open; read at scrape time. */
@Injectable()
export class CircuitBreakerMetrics {
  constructor(registry: Registry, providers: ProviderRegistry) {
    new Gauge({
      name: `${METRIC_PREFIX}circuit_breaker_state`,
      help: 'Circuit breaker state per provider on this replica: 0 closed, 1 open, 2 half-open.',
      labelNames: ['provider'],
      registers: [registry],
      collect() {
        for (const [provider, state] of Object.entries(providers.breakerStates())) {
          this.set({ provider }, VALUE[state]);
        }
      },
    });
  }
}
