import { Inject, Injectable } from '@nestjs/common';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { AdaptiveAssessment } from './adaptive.policy';
import { KeyCounters } from './key-counters';
import { ProtectionConfig } from './protection.config';
import { FeedbackResult, ProtectionMetrics } from './protection.metrics';
import { TrustRecords } from './trust';
import { ticketKey, TICKET_TTL_MS, VerificationTicket } from './verification-ticket';

/**
 * The verification feedback, exported for the event hook: a delivery protection let through is
 * counted as sent under its watch-list keys and leaves a ticket; when Okta reports its code
 * verified, the keys count it verified (in the bucket it was sent in) and its number, user and
 * network earn trust; when its send failed, the sent count is taken back. Each ticket settles
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
    const bucket = this.counters.bucketNow();
    const ticket: VerificationTicket = { rank: 1, bucket, ...count };
    await Promise.all([
      this.store.set(ticketKey(deliveryId), ticket, TICKET_TTL_MS),
      this.counters.add(count.keys, bucket, 's', 1),
    ]);
  }

  /** Okta reported the delivery's code verified. */
  async verified(deliveryId: string): Promise<FeedbackResult> {
    if (!this.enabled) return 'unknown';
    const ticket = await this.settle(deliveryId);
    if (typeof ticket === 'string') return this.counted(ticket);
    await Promise.all([
      this.counters.add(ticket.keys, ticket.bucket, 'v', 1),
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
    await this.counters.add(ticket.keys, ticket.bucket, 's', -1);
    return this.counted('not-sent');
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
