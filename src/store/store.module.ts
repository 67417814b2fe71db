import { Module } from '@nestjs/common';
import { KEY_VALUE_STORE } from './key-value-store';
import { StoreConfig } from './store.config';
import { StoreMetrics } from './store.metrics';
import { STORE_BACKEND, StoreRuntime } from './store.runtime';

/**
 * The shared state of the gateway (`store.*`): the {@link KeyValueStore} features use, the
 * backend for features that bring their own library (rate limits), and its status.
 */
@Module({
  providers: [
    {
      provide: StoreRuntime,
      useFactory: (c: StoreConfig) => StoreRuntime.open(c),
      inject: [StoreConfig],
    },
    StoreMetrics,
    { provide: KEY_VALUE_STORE, useFactory: (r: StoreRuntime) => r.store, inject: [StoreRuntime] },
    { provide: STORE_BACKEND, useFactory: (r: StoreRuntime) => r.backend, inject: [StoreRuntime] },
  ],
  exports: [KEY_VALUE_STORE, STORE_BACKEND, StoreRuntime],
})
export class StoreModule {}
