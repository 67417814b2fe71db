import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { tracingChannel } from 'node:diagnostics_channel';
import { Histogram, Registry } from 'prom-client';
import { LabelCache } from '../observability/label-cache';
import { METRIC_PREFIX } from '../observability/metrics.module';

/** What ioredis publishes about each command on its `ioredis:command` tracing channel. */
interface CommandContext {
  readonly command: string;
}

/** Redis answers in well under a millisecond on a healthy network; the command timeout caps it. */
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2];

/**
 * `otg_redis_command_duration_seconds{command}`: from sending each Redis command to its answer
 * or failure, for every command of the process (the store's, the rate limiter's), as ioredis
 * publishes them on its diagnostics channel. With the memory driver nothing is published, and the
 * family has no series.
 */
@Injectable()
export class RedisCommandMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly channel = tracingChannel<unknown, CommandContext>('ioredis:command');
  private readonly started = new WeakMap<CommandContext, number>();
  private readonly byCommand: LabelCache<{ observe(seconds: number): void }>;
  /** A settled command (answered or failed) publishes `asyncEnd` last. */
  private readonly subscribers = {
    start: (context: CommandContext) => void this.started.set(context, performance.now()),
    end: () => undefined,
    asyncStart: () => undefined,
    asyncEnd: (context: CommandContext) => this.observe(context),
    error: () => undefined,
  };

  constructor(registry: Registry) {
    const seconds = new Histogram({
      name: `${METRIC_PREFIX}redis_command_duration_seconds`,
      help: 'Time from sending a Redis command to its answer or failure, by command.',
      labelNames: ['command'],
      buckets: BUCKETS,
      registers: [registry],
    });
    this.byCommand = new LabelCache((command) =>
      seconds.labels({ command: command.toLowerCase() }),
    );
  }

  onModuleInit(): void {
    this.channel.subscribe(this.subscribers);
  }

  onApplicationShutdown(): void {
    this.channel.unsubscribe(this.subscribers);
  }

  private observe(context: CommandContext): void {
    const startedAt = this.started.get(context);
    if (startedAt === undefined) return;
    this.started.delete(context);
    const seconds = (performance.now() - startedAt) / 1000;
    this.byCommand.get(context.command).observe(seconds);
  }
}
