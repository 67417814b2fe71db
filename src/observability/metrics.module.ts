import { Controller, Get, Global, Header, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Prefix of every metric the gateway defines. */
export const METRIC_PREFIX = 'otg_';

/** Buckets (seconds) of the latency histograms: vendor round trips up to Okta's 3 s limit. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3,
];

/** `GET /metrics` in the Prometheus text format. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * One Prometheus registry per application (inject `Registry`), with the process metrics.
 * Each feature declares its own metrics in a `<feature>.metrics.ts` registered here.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
        return registry;
      },
    },
  ],
  exports: [Registry],
})
export class MetricsModule {}
