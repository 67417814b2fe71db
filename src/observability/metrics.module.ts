import { Controller, DynamicModule, Get, Global, Header, Module, Provider } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { METRICS_CONTENT_TYPE, MetricsListener } from './metrics-listener';

/** Prefix of every metric the gateway defines. */
export const METRIC_PREFIX = 'otg_';

/** Buckets (seconds) of the latency histograms: vendor round trips up to Okta's 3 s limit. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3,
];

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

const REGISTRY: Provider = {
  provide: Registry,
  useFactory: () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
    return registry;
  },
};

/**
 * One Prometheus registry per application (inject `Registry`), with the process metrics.
 * Each feature declares its own metrics in a `<feature>.metrics.ts` registered here.
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
      providers: separate ? [REGISTRY, listener] : [REGISTRY],
      exports: [Registry],
    };
  }
}
