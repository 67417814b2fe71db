import { readTlsFiles } from './redis-tls';
import { RedisConfig, StoreConfig } from './store.config';

/** The ways to reach Redis; `store.redis` sets exactly one (none: the default URL). */
export type RedisTopology = 'standalone' | 'sentinel' | 'cluster';

/** The topology `store.redis` describes, once {@link checkStore} found no problem. */
export function redisTopology(redis: RedisConfig): RedisTopology {
  if (redis.sentinel) return 'sentinel';
  if (redis.cluster) return 'cluster';
  return 'standalone';
}

/**
 * What `store.redis` needs beyond each key's own type, checked only with the `redis` driver (a
 * memory store ignores the block): one topology, TLS asked for the same way everywhere, TLS
 * files that can be used, and a key prefix that leaves hash slots to the gateway's own keys.
 */
export function checkStore(store: StoreConfig): string[] {
  if (store.driver !== 'redis') return [];
  const { redis } = store;
  const problems: string[] = [];
  const set = (['url', 'sentinel', 'cluster'] as const).filter((key) => redis[key] !== undefined);
  if (set.length > 1) {
    problems.push(
      `store.redis: set only one of url, sentinel and cluster (found ${set.join(', ')})`,
    );
  }
  if (redis.tls && redis.url?.startsWith('redis://')) {
    problems.push(
      'store.redis.url: redis:// is plain text while store.redis.tls is set; use rediss://',
    );
  }
  if (redis.cluster && /[{}]/.test(redis.keyPrefix)) {
    problems.push(
      'store.redis.keyPrefix: no { or } with a cluster (a hash tag in the prefix would put every key in one slot)',
    );
  }
  if (redis.tls) problems.push(...(readTlsFiles(redis.tls).problems ?? []));
  return problems;
}
