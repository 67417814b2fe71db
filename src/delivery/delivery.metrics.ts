import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { LabelCache } from '../observability/label-cache';
import { LATENCY_BUCKETS, METRIC_PREFIX } from '../observability/metrics.module';
import { OtpMessage } from '../providers/telephony-provider';
import type { RunResult } from './attempt-runner';
import { smsShape } from './sms-segments';

/**
 * How close a request came to Okta's deadline:
 * - `answer`: the answer was ready in the last 20 % of `hook.deadlineMs`;
 * - `attempt-cut`: an attempt was abandoned at a time limit that the deadline, not its
 *   provider's `timeoutMs`, had set (the vendor might have answered with more time);
 * - `untried`: providers were left untried because the deadline came.
 */
export type NearMiss = 'answer' | 'attempt-cut' | 'untried';
const NEAR_MISSES: readonly NearMiss[] = ['answer', 'attempt-cut', 'untried'];

/** The answer is a near miss past this share of the deadline. */
export const NEAR_MISS_SHARE = 0.8;

/**
 * Attempts by provider and outcome with their latency, deadline near misses, and the encoding
 * and segment count of each SMS sent. Label children are cached (see LabelCache).
 */
@Injectable()
export class DeliveryMetrics {
  private readonly attempts: LabelCache<Counter.Internal>;
  private readonly attemptSeconds: LabelCache<Histogram.Internal<string>>;
  private readonly nearMisses: LabelCache<Counter.Internal>;
  private readonly smsSegments: LabelCache<Histogram.Internal<string>>;
  private readonly withoutVendorId: LabelCache<Counter.Internal>;

  constructor(registry: Registry) {
    const registers = [registry];
    const attempts = new Counter({
      name: `${METRIC_PREFIX}delivery_attempts_total`,
      help: 'Attempts to send through a provider, by outcome (sent, timeout, skipped, or the failure class).',
      labelNames: ['provider', 'outcome'],
      registers,
    });
    const attemptSeconds = new Histogram({
      name: `${METRIC_PREFIX}delivery_attempt_duration_seconds`,
      help: 'Time from starting an attempt to its outcome; attempts skipped by an open breaker are not observed.',
      labelNames: ['provider', 'outcome'],
      buckets: [...LATENCY_BUCKETS],
      registers,
    });
    const nearMisses = new Counter({
      name: `${METRIC_PREFIX}deadline_near_misses_total`,
      help: 'Answers ready in the last 20% of hook.deadlineMs (answer), attempts cut short by the deadline (attempt-cut), providers left untried for lack of time (untried).',
      labelNames: ['kind'],
      registers,
    });
    const smsSegments = new Histogram({
      name: `${METRIC_PREFIX}sms_segments`,
      help: 'Segments of each SMS sent (GSM-7: 160, then 153 per part; UCS-2: 70, then 67), by encoding; text="sent" is what went out, text="before-transliteration" the same SMS before messages.encoding changed it.',
      labelNames: ['encoding', 'text'],
      buckets: [1, 2, 3, 4, 5, 6, 8, 10],
      registers,
    });
    const withoutVendorId = new Counter({
      name: `${METRIC_PREFIX}delivery_sent_without_vendor_id_total`,
      help: 'Messages a vendor accepted (2xx) without an id the gateway could read: sent, never failed over, under the delivery id (their receipts cannot be matched).',
      labelNames: ['provider'],
      registers,
    });
    this.withoutVendorId = new LabelCache((provider) => withoutVendorId.labels({ provider }));
    this.attempts = new LabelCache((provider, outcome) => attempts.labels({ provider, outcome }));
    this.attemptSeconds = new LabelCache((provider, outcome) =>
      attemptSeconds.labels({ provider, outcome }),
    );
    this.nearMisses = new LabelCache((kind) => nearMisses.labels({ kind }));
    // Exported at 0 from the start, so that an alert on their rate has a series to read.
    for (const kind of NEAR_MISSES) nearMisses.inc({ kind }, 0);
    this.smsSegments = new LabelCache((encoding, text) => smsSegments.labels({ encoding, text }));
  }

  /**
   * One delivery's attempts, and its SMS when one was sent; with `beforeTransliteration`, that
   * text's shape too, so that the saving is the difference of the two sums.
   */
  observeRun(message: OtpMessage, result: RunResult, beforeTransliteration?: string): void {
    for (const attempt of result.attempts) {
      this.attempts.get(attempt.providerId, attempt.outcome).inc();
      if (attempt.outcome === 'skipped') continue;
      this.attemptSeconds
        .get(attempt.providerId, attempt.outcome)
        .observe(attempt.latencyMs / 1000);
    }
    if (result.outOfTime) this.nearMiss('untried');
    if (result.sent && message.channel === 'sms') {
      const shape = smsShape(message.text);
      this.smsSegments.get(shape.encoding, 'sent').observe(shape.segments);
      if (beforeTransliteration === undefined) return;
      const before =
        beforeTransliteration === message.text ? shape : smsShape(beforeTransliteration);
      this.smsSegments.get(before.encoding, 'before-transliteration').observe(before.segments);
    }
  }

  nearMiss(kind: NearMiss): void {
    this.nearMisses.get(kind).inc();
  }

  /** A vendor accepted a message without an id we could read (SendResult.withoutVendorId). */
  sentWithoutVendorId(provider: string): void {
    this.withoutVendorId.get(provider).inc();
  }
}
