import { Controller, DynamicModule, Get, Global, Header, Module, Provider } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { registerBuildInfo } from './build-info';
import { METRICS_CONTENT_TYPE, MetricsListener } from './metrics-listener';
import { RefusalMetrics } from './refusal.metrics';

export { LATENCY_BUCKETS, METRIC_PREFIX } from './metric-conventions';

/** `GET /metrics` in the Prometheus text format, on the main port. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Header('content-type', METRICS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

/** Where `/metrics` is served: `metricsPort` unset means the main port. */
export interface MetricsOptions {
  readonly metricsPort?: number;
  readonly host: string;
}

/**
 * prom-client's totals of its labelled `nodejs_active_{handles,requests,resources}` gauges:
 * gauges with a counter's `_total` suffix, which `promtool check metrics` refuses; `sum()` of the
 * labelled gauge is the same figure.
 */
const GAUGES_NAMED_AS_COUNTERS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

const REGISTRY: Provider = {
  provide: Registry,
  useFactory: () => {
    const registry = new Registry();
    // Standard names (process_*, nodejs_*), no prefix: stock Node.js dashboards read them.
    collectDefaultMetrics({ register: registry });
    for (const name of GAUGES_NAMED_AS_COUNTERS) registry.removeSingleMetric(name);
    registerBuildInfo(registry);
    return registry;
  },
};

/**
 * One Prometheus registry per application (inject `Registry`), with the process metrics, the
 * build info and the refused requests ({@link RefusalMetrics}, bound to the error filter by the
 * composition root). Each feature declares its own metrics in a `<feature>.metrics.ts`.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    const { metricsPort, host } = options;
    const separate = metricsPort !== undefined;
    const listener: Provider = {
      provide: MetricsListener,
      inject: [Registry],
      useFactory: (registry: Registry) =>
        new MetricsListener(registry, { port: metricsPort ?? 0, host }),
    };
    return {
      module: MetricsModule,
      controllers: separate ? [] : [MetricsController],
      providers: separate ? [REGISTRY, RefusalMetrics, listener] : [REGISTRY, RefusalMetrics],
      exports: [Registry, RefusalMetrics],
    };
  }
}
