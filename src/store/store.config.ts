import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { IntRange } from '../common/config-decorators';
import { RedisClusterConfig, RedisSentinelConfig, RedisTlsConfig } from './redis-topology.config';

/** Where Redis is when no topology is configured. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * `store.redis`: one topology, a single server (`url`), `sentinel` or `cluster`, optionally over
 * `tls`; the checks across keys are in store-rules.ts.
 */
export class RedisConfig {
  /**
   * A single server (`rediss://` for TLS); {@link DEFAULT_REDIS_URL} when no topology is set.
   * Empty counts as absent, so `${REDIS_URL:-}` can stay beside a sentinel or cluster block.
   */
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  url?: string;
  @IsOptional() @ValidateNested() @Type(() => RedisSentinelConfig) sentinel?: RedisSentinelConfig;
  @IsOptional() @ValidateNested() @Type(() => RedisClusterConfig) cluster?: RedisClusterConfig;
  @IsOptional() @ValidateNested() @Type(() => RedisTlsConfig) tls?: RedisTlsConfig;
  /** Prefix of every key the gateway writes. */
  @IsString() keyPrefix = 'otg:';
  /** Longest one Redis command may take before it counts as Redis being unavailable. */
  @IntRange(10, 2000) commandTimeoutMs = 200;
  /** Longest a (re)connection attempt may take; reconnection goes on in the background. */
  @IntRange(100, 30_000) connectTimeoutMs = 1000;
}

export class StoreConfig {
  /** `memory` for one replica, `redis` for several. */
  @IsIn(['memory', 'redis']) driver: 'memory' | 'redis' = 'memory';
  @ValidateNested() @Type(() => RedisConfig) redis = new RedisConfig();
  /** What a hook does while Redis is down: send without dedupe, or answer Okta's error object. */
  @IsIn(['fail-open', 'fail-closed']) onUnavailable: 'fail-open' | 'fail-closed' = 'fail-open';
  /** How long an answer is remembered for a repeated Okta eventId. */
  @IntRange(1, 86_400) idempotencyTtlSeconds = 600;
  /** How long delivery records are kept. */
  @IntRange(60, 2_592_000) recordTtlSeconds = 604_800;
  /** Upper bound on entries the memory driver keeps (oldest evicted first). */
  @IntRange(100, 10_000_000) memoryMaxEntries = 20_000;
}
