import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';
import { BreakerState } from './circuit-breaker';
import { ProviderRegistry } from './provider.registry';

const STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

/**
 * `otg_circuit_breaker_state{provider, state}`: one series per state, 1 for the breaker's
 * current state and 0 for the others (the Prometheus convention for an enum); read at scrape
 * time.
 */
@Injectable()
export class CircuitBreakerMetrics {
  constructor(registry: Registry, providers: ProviderRegistry) {
    new Gauge({
      name: `${METRIC_PREFIX}circuit_breaker_state`,
      help: 'Circuit breaker state per provider on this replica: 1 for the current state (closed, open, half-open), 0 for the others.',
      labelNames: ['provider', 'state'],
      registers: [registry],
      collect() {
        for (const [provider, current] of Object.entries(providers.breakerStates())) {
          for (const state of STATES) this.set({ provider, state }, state === current ? 1 : 0);
        }
      },
    });
  }
}
