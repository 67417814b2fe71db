import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { KeyValueStore } from './key-value-store';
import { MemoryStore } from './memory.store';
import { RedisConnection } from './redis-connection';
import { RedisStore } from './redis.store';
import { StoreConfig } from './store.config';

/**
 * What a feature needs to build its own state on the same backend, e.g. rate limits with
 * `rate-limiter-flexible`: `new RateLimiterMemory(opts)` for `memory`, and
 * `new RateLimiterRedis({ storeClient: backend.client, keyPrefix: backend.keyPrefix + 'rl', ... })`
 * for `redis` (the shared fail-fast ioredis client; add an `insuranceLimiter` for Redis outages).
 */
export type StoreBackend =
  | { readonly driver: 'memory' }
  | { readonly driver: 'redis'; readonly client: Redis; readonly keyPrefix: string };

/** Injection token of the {@link StoreBackend}. */
export const STORE_BACKEND = Symbol('STORE_BACKEND');

/** How the store is doing, for readiness and metrics. */
export type StoreStatus =
  | { driver: 'memory'; available: true; entries: number; maxEntries: number }
  | { driver: 'redis'; available: boolean; problem?: string };

/** Builds the configured driver, waits briefly for Redis at boot, and closes it at shutdown. */
@Injectable()
export class StoreRuntime implements OnModuleInit, OnApplicationShutdown {
  readonly store: KeyValueStore;
  readonly backend: StoreBackend;
  private readonly memory?: MemoryStore;
  private readonly connection?: RedisConnection;

  constructor(private readonly config: StoreConfig) {
    if (config.driver === 'redis') {
      this.connection = new RedisConnection(config.redis);
      this.store = new RedisStore(
        this.connection,
        config.redis.keyPrefix,
        config.redis.commandTimeoutMs,
      );
      this.backend = {
        driver: 'redis',
        client: this.connection.client,
        keyPrefix: config.redis.keyPrefix,
      };
    } else {
      this.store = this.memory = new MemoryStore(config.memoryMaxEntries);
      this.backend = { driver: 'memory' };
    }
  }

  status(): StoreStatus {
    if (this.connection) {
      const problem = this.connection.lastProblem;
      return {
        driver: 'redis',
        available: this.connection.available,
        ...(problem ? { problem } : {}),
      };
    }
    return {
      driver: 'memory',
      available: true,
      entries: this.memory?.size ?? 0,
      maxEntries: this.config.memoryMaxEntries,
    };
  }

  /** Lets the first hooks find Redis connected; never blocks the boot longer than a connect. */
  async onModuleInit(): Promise<void> {
    await this.connection?.ready(this.config.redis.connectTimeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
