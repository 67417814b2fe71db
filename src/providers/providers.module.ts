import { DynamicModule, Module } from '@nestjs/common';
import { CircuitBreakerMetrics } from './circuit-breaker.metrics';
import { ProviderRegistryConfig } from './provider-registry.config';
import { ProviderRegistry } from './provider.registry';

/**
 * The configured providers and their circuit breakers (`providers.*`). The composition root
 * builds it once and hands that module to the features that send or take callbacks.
 */
@Module({})
export class ProvidersModule {
  static forRoot(config: ProviderRegistryConfig): DynamicModule {
    return {
      module: ProvidersModule,
      providers: [
        { provide: ProviderRegistryConfig, useValue: config },
        ProviderRegistry,
        CircuitBreakerMetrics,
      ],
      exports: [ProviderRegistry],
    };
  }
}
