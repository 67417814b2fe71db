import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { settleWithin } from '../common/settle-within';
import { createRedisClient, RedisClient } from './redis-client';
import { describeRedisError } from './redis-error';
import { SentinelSwitchWatch } from './sentinel-switch';
import { RedisTopology, redisTopology } from './store-rules';
import { RedisConfig } from './store.config';

/**
 * The one Redis client of the process (a single server, a sentinel-watched primary or a
 * cluster; see {@link createRedisClient} for how it fails fast) and whether it can take
 * commands now. Availability changes are logged once each, never per command.
 */
export class RedisConnection {
  readonly client: RedisClient;
  readonly topology: RedisTopology;
  private readonly switchWatch?: SentinelSwitchWatch;
  private readonly logger = new Logger('Store');
  /** Whether the last change logged was a connection (for the log lines only). */
  private up = false;
  private closing = false;
  private lastError?: string;
  /** The failure of the last command while connected (a cluster that is down, a timeout). */
  private failing?: string;

  constructor(config: RedisConfig) {
    this.topology = redisTopology(config);
    this.client = createRedisClient(config);
    if (this.client instanceof Redis && this.topology === 'sentinel') {
      this.switchWatch = new SentinelSwitchWatch(this.client);
    }
    this.client.on('ready', () => this.markUp());
    this.client.on('error', (error: Error) => this.markDown(describeRedisError(error)));
    // A close follows the error that caused it (a refused TLS handshake): keep the cause.
    this.client.on('close', () => this.markDown(this.lastError ?? 'connection closed'));
  }

  /**
   * Whether the client is connected and ready for commands: to the primary (a sentinel's
   * answer) or, for a cluster, to its nodes. Commands are only sent while it is.
   */
  get connected(): boolean {
    return this.client.status === 'ready';
  }

  /**
   * Whether the store answers: connected, and the last command did not fail. A cluster that
   * lost a primary without replica answers `CLUSTERDOWN` over connections that stay up, so
   * only the commands tell; the first one that succeeds again clears it.
   */
  get available(): boolean {
    return this.connected && this.failing === undefined;
  }

  /** While unavailable, what went wrong last, in our words (no URL, no credentials). */
  get lastProblem(): string | undefined {
    if (this.available) return undefined;
    return this.connected ? this.failing : this.lastError;
  }

  /** The outcome of one command: `undefined` when it succeeded, else its problem. */
  commandDone(problem?: string): void {
    this.failing = problem;
  }

  /** Waits for the first connection, up to `ms`; the service starts either way. */
  async ready(ms: number): Promise<void> {
    if (this.connected) return;
    const connected = new Promise<void>((resolve) => this.client.once('ready', () => resolve()));
    await settleWithin(connected, ms, () => undefined);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.switchWatch?.close();
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private markUp(): void {
    if (!this.up) this.logger.log({ topology: this.topology }, 'redis connected');
    this.up = true;
    this.lastError = undefined;
    this.failing = undefined;
  }

  private markDown(problem: string): void {
    if (this.closing) return;
    const known = this.lastError !== undefined;
    this.lastError = problem;
    // An error on a client still ready (a cluster node it lost) is no outage: commands tell.
    if (this.connected) return;
    if (this.up || !known) {
      this.logger.warn({ problem }, 'redis unavailable; reconnecting in the background');
    }
    this.up = false;
  }
}
