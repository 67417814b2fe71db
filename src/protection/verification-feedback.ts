import { Inject, Injectable } from '@nestjs/common';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { AdaptiveAssessment } from './adaptive.policy';
import { KeyCounters } from './key-counters';
import { ProtectionConfig } from './protection.config';
import { FeedbackResult, ProtectionMetrics } from './protection.metrics';
import { Parties, TrustRecords } from './trust';
import { NumberWindow, ticketKey, TICKET_TTL_MS, VerificationTicket } from './verification-ticket';

/**
 * The verification feedback, exported for the event hook: a delivery protection let through is
 * counted as sent under its watch-list keys and leaves a ticket; when Okta reports its code
 * verified, the keys count it verified (in the bucket it was sent in) and its number and user
 * earn trust; when its send failed, the sent count is taken back. A number counts once
 * per window, sent and verified, however many codes it gets: a person who typed a wrong number
 * and asked again four times weighs as one unverified number, not five. Each ticket settles
 * once across replicas.
 */
@Injectable()
export class VerificationFeedback {
  private readonly enabled: boolean;

  constructor(
    config: ProtectionConfig,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    private readonly counters: KeyCounters,
    private readonly trust: TrustRecords,
    private readonly metrics: ProtectionMetrics,
  ) {
    this.enabled = config.adaptive.enabled;
  }

  /** Protection let the delivery through: count it and leave its ticket. */
  async sent(deliveryId: string, count: NonNullable<AdaptiveAssessment['count']>): Promise<void> {
    const now = this.counters.bucketNow();
    const window = count.keys.length > 0 ? await this.numberWindow(count.parties, now) : undefined;
    const counted = window?.first ?? false;
    const ticket: VerificationTicket = {
      rank: 1,
      bucket: window?.bucket ?? now,
      ...count,
      counted,
      ...(window ? { numberWindow: window.key } : {}),
    };
    await Promise.all([
      this.store.set(ticketKey(deliveryId), ticket, TICKET_TTL_MS),
      counted ? this.counters.add(count.keys, now, 's', 1) : undefined,
    ]);
  }

  /** Okta reported the delivery's code verified. */
  async verified(deliveryId: string): Promise<FeedbackResult> {
    if (!this.enabled) return 'unknown';
    const ticket = await this.settle(deliveryId);
    if (typeof ticket === 'string') return this.counted(ticket);
    const first =
      ticket.numberWindow !== undefined &&
      (await this.store.setIfAbsent(`${ticket.numberWindow}:v`, 1, this.counters.windowMs * 2));
    await Promise.all([
      first ? this.counters.add(ticket.keys, ticket.bucket, 'v', 1) : undefined,
      this.trust.credit(ticket.parties),
    ]);
    return this.counted('verified');
  }

  /** No vendor took the delivery: if it was counted as sent, it must not look unverified. */
  async notSent(deliveryId: string): Promise<FeedbackResult> {
    if (!this.enabled) return 'unknown';
    const ticket = await this.settle(deliveryId);
    // Most failed deliveries were never counted (invalid number, store down): nothing to report.
    if (ticket === 'unknown') return ticket;
    if (typeof ticket === 'string') return this.counted(ticket);
    if (ticket.counted) await this.counters.add(ticket.keys, ticket.bucket, 's', -1);
    return this.counted('not-sent');
  }

  /** The number's window: claimed now (`first`), or the bucket it was first counted in. */
  private async numberWindow(
    parties: Parties,
    bucket: number,
  ): Promise<{ key: string; bucket: number; first: boolean }> {
    const key = `pn:${parties.phone}:${Math.floor(bucket / this.counters.windowBuckets)}`;
    const ttl = this.counters.windowMs * 2;
    if (await this.store.setIfAbsent<NumberWindow>(key, { bucket }, ttl)) {
      return { key, bucket, first: true };
    }
    const claimed = await this.store.get<NumberWindow>(key);
    return { key, bucket: claimed?.bucket ?? bucket, first: false };
  }

  /** The ticket, if this call is the one to settle it. */
  private async settle(deliveryId: string): Promise<VerificationTicket | 'unknown' | 'repeat'> {
    const ticket = await this.store.get<VerificationTicket>(ticketKey(deliveryId));
    if (!ticket) return 'unknown';
    const settled = { ...ticket, rank: 2 } as const;
    return (await this.store.advance(ticketKey(deliveryId), settled, TICKET_TTL_MS))
      ? ticket
      : 'repeat';
  }

  private counted(result: FeedbackResult): FeedbackResult {
    this.metrics.feedback(result);
    return result;
  }
}
