import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { Clock } from '../common/clock';
import { StoreBackend } from '../store/store.runtime';
import { StoreConfig } from '../store/store.config';
import { RateLimitRuleConfig } from './protection.config';
import { RateLimitPolicy } from './rate-limit.policy';
import { rateLimitName, RateLimitRule } from './rate-limit.rule';

/** What a limiter counts: `limit` deliveries per fixed window of `windowSeconds`. */
export interface LimiterSpec {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * Every `protection.rateLimits[]` rule with its counters: one limiter for the rule and one per
 * override (`<name>#<n>`), so an override's keys count apart.
 */
export function rateLimitPolicy(
  rules: readonly RateLimitRuleConfig[],
  backend: StoreBackend,
  store: StoreConfig,
  clock: Clock,
): RateLimitPolicy {
  return new RateLimitPolicy(
    rules.map((rule) => {
      const name = rateLimitName(rule);
      const spec = { name, limit: rule.limit, windowSeconds: rule.windowSeconds };
      const overrides = (rule.overrides ?? []).map((o, i) =>
        createLimiter({ ...spec, name: `${name}#${i + 1}`, limit: o.limit }, backend, store),
      );
      return new RateLimitRule(rule, createLimiter(spec, backend, store), overrides);
    }),
    clock,
  );
}

/**
 * The counter of one rate-limit rule on the configured store: in process for `memory`, in
 * Redis for `redis` (so that every replica counts together), under `<keyPrefix>rl:<name>`.
 *
 * On Redis, a key found over its limit is also remembered in process until its window ends,
 * so that a flood on one key costs no further round trip. While Redis is unavailable,
 * `fail-open` counts in process instead (each replica alone: limits loosen at most by the
 * replica count, they never vanish); `fail-closed` rejects with the store error.
 */
export function createLimiter(
  spec: LimiterSpec,
  backend: StoreBackend,
  store: StoreConfig,
): RateLimiterAbstract {
  const options = {
    points: spec.limit,
    duration: spec.windowSeconds,
    keyPrefix: `rl:${spec.name}`,
  };
  if (backend.driver === 'memory') return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    keyPrefix: `${backend.keyPrefix}rl:${spec.name}`,
    storeClient: backend.client,
    rejectIfRedisNotReady: true,
    inMemoryBlockOnConsumed: spec.limit + 1,
    insuranceLimiter:
      store.onUnavailable === 'fail-open' ? new RateLimiterMemory(options) : undefined,
  });
}
