import { Controller, Get, Global, Header, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Prefix of every metric the gateway defines. */
export const METRIC_PREFIX = 'otg_';

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
