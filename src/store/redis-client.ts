import Redis, { ChainableCommander, Cluster, RedisOptions } from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import { parseHostPort } from './redis-topology.config';
import { readTlsFiles } from './redis-tls';
import { redisTopology } from './store-rules';
import { DEFAULT_REDIS_URL, RedisConfig } from './store.config';

/** The one ioredis client of the process, whatever the topology. */
export type RedisClient = Redis | Cluster;

/** Longest pause between two reconnection attempts while Redis is down. */
const MAX_RECONNECT_DELAY_MS = 2000;

const backoff = (times: number): number =>
  Math.min(50 * 2 ** Math.min(times, 6), MAX_RECONNECT_DELAY_MS);

/** What a single server and a sentinel-watched primary share: one connection, one queue. */
const standalone: RedisOptions = {
  enableOfflineQueue: false,
  enableAutoPipelining: true,
  retryStrategy: backoff,
  reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 1 : false),
};

/**
 * The client of `store.redis`, set up to fail fast in every topology so that Redis never blows
 * Okta's deadline: no offline queue (a command while disconnected fails at once), a short
 * command timeout, no resending of commands cut by a disconnection, no cluster retry delays, and
 * reconnection in the background forever. A `READONLY` answer (the server was demoted to a
 * replica) reconnects at once, which asks the sentinels or the DNS name for the new primary;
 * with sentinels, the connection also follows their announcements (sentinel-switch.ts).
 */
export function createRedisClient(config: RedisConfig): RedisClient {
  const tls = config.tls ? tlsOptions(config) : undefined;
  const node: RedisOptions = {
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: config.connectTimeoutMs,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    ...(tls ? { tls } : {}),
  };
  switch (redisTopology(config)) {
    case 'sentinel':
      return sentinelClient(config, node, tls);
    case 'cluster':
      return clusterClient(config, node);
    case 'standalone':
      return new Redis(config.url ?? DEFAULT_REDIS_URL, { ...node, ...standalone });
  }
}

function sentinelClient(
  config: RedisConfig,
  node: RedisOptions,
  tls: ConnectionOptions | undefined,
): Redis {
  const sentinel = config.sentinel!;
  return new Redis({
    ...node,
    ...standalone,
    name: sentinel.masterName,
    sentinels: sentinel.sentinels.map(parseHostPort),
    username: sentinel.username,
    password: sentinel.password,
    sentinelPassword: sentinel.sentinelPassword,
    sentinelRetryStrategy: backoff,
    sentinelCommandTimeout: config.connectTimeoutMs,
    ...(tls ? { enableTLSForSentinelMode: true, sentinelTLS: tls } : {}),
  });
}

function clusterClient(config: RedisConfig, node: RedisOptions): Cluster {
  const cluster = config.cluster!;
  return new Cluster(cluster.nodes.map(parseHostPort), {
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    clusterRetryStrategy: backoff,
    // Retry delays would let one command outlive commandTimeoutMs; failing lets the caller decide.
    retryDelayOnFailover: 0,
    retryDelayOnClusterDown: 0,
    slotsRefreshTimeout: config.connectTimeoutMs,
    redisOptions: {
      ...node,
      username: cluster.username,
      password: cluster.password,
      reconnectOnError: () => false,
    },
  });
}

function tlsOptions(config: RedisConfig): ConnectionOptions {
  const files = readTlsFiles(config.tls!);
  // The boot checks the same files (store-rules.ts); failing here means they changed since.
  if (files.problems) throw new Error(files.problems.join('; '));
  return files.options;
}

/** Runs a MULTI and gives its results; a command error inside it fails the whole call. */
export async function transaction(multi: ChainableCommander): Promise<[Error | null, unknown][]> {
  const results = await multi.exec();
  const failed = results?.find(([error]) => error !== null);
  if (!results || failed) throw failed?.[0] ?? new Error('transaction discarded');
  return results;
}
