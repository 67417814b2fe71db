import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { getHeapStatistics } from 'node:v8';
import { KeyValueStore } from './key-value-store';
import { HEAP_SHORTFALL_ADVICE, heapShortfall } from './memory-budget';
import { MemoryStore } from './memory.store';
import type { RedisClient } from './redis-client';
import type { RedisConnection } from './redis-connection';
import type { RedisTopology } from './store-rules';
import { StoreConfig } from './store.config';

/**
 * What a feature needs to build its own state on the same backend, e.g. rate limits with
 * `rate-limiter-flexible`: `new RateLimiterMemory(opts)` for `memory`, and
 * `new RateLimiterRedis({ storeClient: backend.client, keyPrefix: backend.keyPrefix + 'rl', ... })`
 * for `redis` (the shared fail-fast ioredis client, a `Redis` or a `Cluster`: one key per
 * command; add an `insuranceLimiter` for Redis outages).
 */
export type StoreBackend =
  | { readonly driver: 'memory' }
  | { readonly driver: 'redis'; readonly client: RedisClient; readonly keyPrefix: string };

/** Injection token of the {@link StoreBackend}. */
export const STORE_BACKEND = Symbol('STORE_BACKEND');

/** How the store is doing, for readiness and metrics. */
export type StoreStatus =
  | { driver: 'memory'; available: true; entries: number; maxEntries: number }
  | { driver: 'redis'; topology: RedisTopology; available: boolean; problem?: string };

/** The built driver: the memory store, or the Redis connection and the store over it. */
type Driver =
  | { readonly memory: MemoryStore }
  | { readonly connection: RedisConnection; readonly store: KeyValueStore };

/**
 * Builds the configured driver ({@link StoreRuntime.open}), waits briefly for Redis at boot, and
 * closes it at shutdown.
 */
export class StoreRuntime implements OnModuleInit, OnApplicationShutdown {
  readonly store: KeyValueStore;
  readonly backend: StoreBackend;
  private readonly memory?: MemoryStore;
  private readonly connection?: RedisConnection;

  private constructor(
    private readonly config: StoreConfig,
    driver: Driver,
  ) {
    if ('memory' in driver) {
      this.store = this.memory = driver.memory;
      this.backend = { driver: 'memory' };
    } else {
      this.connection = driver.connection;
      this.store = driver.store;
      this.backend = {
        driver: 'redis',
        client: driver.connection.client,
        keyPrefix: config.redis.keyPrefix,
      };
    }
  }

  /** The runtime of the configured driver; ioredis is loaded only when the driver is `redis`. */
  static async open(config: StoreConfig): Promise<StoreRuntime> {
    if (config.driver === 'memory') {
      const shortfall = heapShortfall(config.memoryMaxEntries, getHeapStatistics().heap_size_limit);
      if (shortfall) new Logger('Store').warn(shortfall, HEAP_SHORTFALL_ADVICE);
      return new StoreRuntime(config, { memory: new MemoryStore(config.memoryMaxEntries) });
    }
    // Lazy: ioredis and its command table are ~2 MB of heap that the memory driver never uses.
    const [{ RedisConnection }, { RedisStore }] = await Promise.all([
      import('./redis-connection'),
      import('./redis.store'),
    ]);
    const { redis } = config;
    const connection = new RedisConnection(redis);
    const store = new RedisStore(connection, redis.keyPrefix, redis.commandTimeoutMs);
    return new StoreRuntime(config, { connection, store });
  }

  status(): StoreStatus {
    if (this.connection) {
      const problem = this.connection.lastProblem;
      return {
        driver: 'redis',
        topology: this.connection.topology,
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
