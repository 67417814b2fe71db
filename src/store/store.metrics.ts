import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';
import { StoreRuntime } from './store.runtime';

/** `otg_store_available{driver}`: 1 while the store answers, 0 while Redis is down. */
@Injectable()
export class StoreMetrics {
  constructor(registry: Registry, runtime: StoreRuntime) {
    new Gauge({
      name: `${METRIC_PREFIX}store_available`,
      help: 'Whether the shared-state store answers (1) or not (0); read at scrape time.',
      labelNames: ['driver'],
      registers: [registry],
      collect() {
        const status = runtime.status();
        this.set({ driver: status.driver }, status.available ? 1 : 0);
      },
    });
  }
}
