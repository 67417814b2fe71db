import { DynamicModule, Module } from '@nestjs/common';
import { tracingActive } from '../observability/spans';
import { KEY_VALUE_STORE } from './key-value-store';
import { StoreConfig } from './store.config';
import { RedisCommandMetrics } from './redis-command.metrics';
import { StoreMetrics } from './store.metrics';
import { STORE_BACKEND, StoreRuntime } from './store.runtime';
import { TracedStore } from './traced.store';

/**
 * The shared state of the gateway (`store.*`): the {@link KeyValueStore} features use, the
 * backend for features that bring their own library (rate limits), its status, and its config
 * section. The composition root builds it once and hands that module to every feature that uses
 * the store, so they all share one connection.
 */
@Module({})
export class StoreModule {
  static forRoot(config: StoreConfig): DynamicModule {
    return {
      module: StoreModule,
      providers: [
        { provide: StoreConfig, useValue: config },
        { provide: StoreRuntime, useFactory: () => StoreRuntime.open(config) },
        StoreMetrics,
        RedisCommandMetrics,
        {
          provide: KEY_VALUE_STORE,
          useFactory: (r: StoreRuntime) => (tracingActive() ? new TracedStore(r.store) : r.store),
          inject: [StoreRuntime],
        },
        {
          provide: STORE_BACKEND,
          useFactory: (r: StoreRuntime) => r.backend,
          inject: [StoreRuntime],
        },
      ],
      exports: [StoreConfig, KEY_VALUE_STORE, STORE_BACKEND, StoreRuntime],
    };
  }
}
