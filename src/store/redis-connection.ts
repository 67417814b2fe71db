import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { describeRedisError } from './redis-error';
import { RedisConfig } from './store.config';

/** Longest pause between two reconnection attempts while Redis is down. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * The one ioredis client of the process, set up to fail fast so that Redis never blows Okta's
 * deadline: no offline queue (a command while disconnected fails at once), a short command
 * timeout, no resending of commands cut by a disconnection, and reconnection in the background
 * forever. Availability changes are logged once each, never per command.
 */
export class RedisConnection {
  readonly client: Redis;
  private readonly logger = new Logger('Store');
  private up = false;
  private closing = false;
  private lastError?: string;

  constructor(config: RedisConfig) {
    this.client = new Redis(config.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      commandTimeout: config.commandTimeoutMs,
      connectTimeout: config.connectTimeoutMs,
      enableAutoPipelining: true,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), MAX_RECONNECT_DELAY_MS),
      reconnectOnError: () => false,
    });
    this.client.on('ready', () => this.markUp());
    this.client.on('error', (error: Error) => this.markDown(describeRedisError(error)));
    this.client.on('close', () => this.markDown('connection closed'));
  }

  /** Whether the client is connected and ready for commands. */
  get available(): boolean {
    return this.up;
  }

  /** What went wrong last, in our words (no URL, no credentials). */
  get lastProblem(): string | undefined {
    return this.lastError;
  }

  /** Waits for the first connection, up to `ms`; the service starts either way. */
  async ready(ms: number): Promise<void> {
    if (this.up) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.client.once('ready', () => resolve())),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
    ]);
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private markUp(): void {
    if (!this.up) this.logger.log('redis connected');
    this.up = true;
    this.lastError = undefined;
  }

  private markDown(problem: string): void {
    if (this.closing) return;
    if (this.up || this.lastError === undefined) {
      this.logger.warn({ problem }, 'redis unavailable; reconnecting in the background');
    }
    this.up = false;
    this.lastError = problem;
  }
}
