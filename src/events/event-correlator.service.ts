import { Injectable, Logger } from '@nestjs/common';
import { PhoneNumberInfo } from '../phone/phone-number';
import { phoneTag } from '../phone/phone-tag';
import { Channel } from '../providers/channel';
import { DeliveryObserver } from '../delivery/delivery-observers';
import { DeliveryRecordService, NewDeliveryRecord } from '../delivery/delivery-record.service';
import { VerificationFeedback } from '../protection/verification-feedback';
import { DeliveryIndexStore } from './delivery-index.store';
import { IndexedDelivery, matchDelivery } from './delivery-matcher';
import { Correlation, EventHookMetrics } from './event-hook.metrics';
import { EventsConfig } from './events.config';
import { NormalizedPhoneVerification } from './phone-verification.normalizer';
import { PhoneVerificationEvent } from './phone-verification-event';

/**
 * Ties Okta's phone-verification events to the gateway's deliveries: by Okta's transaction id
 * when it is the one the gateway returned, else by user, number and time (delivery-matcher.ts).
 * An event that comes before its delivery waits (`evt-park`) for the correlation window; the
 * delivery, once indexed, takes it. Each event is attached once, whichever replica sees it.
 */
@Injectable()
export class EventCorrelator implements DeliveryObserver {
  private readonly logger = new Logger('OktaEvents');
  private readonly windowMs: number;
  /** Without an event hook no event can arrive, so deliveries are not indexed for one. */
  private readonly indexing: boolean;

  constructor(
    private readonly index: DeliveryIndexStore,
    private readonly records: DeliveryRecordService,
    private readonly metrics: EventHookMetrics,
    private readonly feedback: VerificationFeedback,
    events: EventsConfig,
  ) {
    this.windowMs = events.correlationWindowSeconds * 1000;
    this.indexing = events.auth.headers.length > 0;
  }

  /**
   * Every delivery: count a sent code (a failed one is taken back from protection's
   * counters), index the delivery, adopt events that came first.
   */
  async delivered(record: NewDeliveryRecord, phone?: PhoneNumberInfo): Promise<void> {
    if (record.outcome === 'sent') this.metrics.codeSent(record.channel, record.country);
    if (record.outcome === 'failed') await this.feedback.notSent(record.deliveryId);
    const userId = record.okta.userId;
    if (!userId || !this.indexing) return;
    const entry = toIndexed(record, userId, phone);
    await this.index.addDelivery(userId, entry);
    void this.adoptParked(userId, entry);
  }

  /** Attaches the event to its delivery, or parks it until the delivery is indexed. */
  async correlate({ event, facts }: NormalizedPhoneVerification): Promise<Correlation> {
    const transactionId = event.summary.transactionId;
    if (transactionId && (await this.attach(transactionId, event))) return 'transaction-id';
    if (!facts.userId) return 'unmatched';
    const found = await this.match(facts.userId, facts);
    if (found) return (await this.attach(found, event)) ? 'user-phone' : 'unmatched';
    await this.index.park(facts.userId, { event, facts });
    // Looked again after parking: a delivery indexed meanwhile may have missed the parked event.
    const late = await this.match(facts.userId, facts);
    if (late && (await this.attach(late, event))) return 'user-phone';
    return 'parked';
  }

  /** The user's sent delivery nearest to a verification on this channel: the code it verified. */
  async verifiedDelivery(
    userId: string,
    channel: Channel,
    publishedMs: number,
  ): Promise<IndexedDelivery | undefined> {
    const sent = (await this.index.deliveries(userId)).filter((d) => d.outcome === 'sent');
    return matchDelivery({ userId, channel, publishedMs }, sent, this.windowMs);
  }

  private async match(
    userId: string,
    facts: NormalizedPhoneVerification['facts'],
  ): Promise<string | undefined> {
    return matchDelivery(facts, await this.index.deliveries(userId), this.windowMs)?.deliveryId;
  }

  private async adoptParked(userId: string, entry: IndexedDelivery): Promise<void> {
    try {
      for (const parked of await this.index.parked(userId)) {
        if (!matchDelivery(parked.facts, [entry], this.windowMs)) continue;
        if (await this.attach(entry.deliveryId, parked.event)) this.metrics.correlation('late');
      }
    } catch (error) {
      this.logger.warn(
        { problem: error instanceof Error ? error.message : 'unknown' },
        'parked okta events not adopted',
      );
    }
  }

  /** Attaches once across replicas; false when there is no such record (the claim is released). */
  private async attach(id: string, event: PhoneVerificationEvent): Promise<boolean> {
    if (!(await this.index.claimLink(event.uuid))) return true;
    const attached = await this.records.attachEvent(id, {
      at: new Date().toISOString(),
      eventType: event.eventType,
      uuid: event.uuid,
      ...(event.dateAndTime ? { published: event.dateAndTime } : {}),
      ...(event.summary.result ? { result: event.summary.result } : {}),
      event,
    });
    if (!attached) await this.index.releaseLink(event.uuid);
    return attached;
  }
}

function toIndexed(
  record: NewDeliveryRecord,
  userId: string,
  phone?: PhoneNumberInfo,
): IndexedDelivery {
  const digits = phone?.e164.replace(/\D/g, '');
  return {
    deliveryId: record.deliveryId,
    at: record.createdAt,
    channel: record.channel,
    outcome: record.outcome,
    ...(record.country ? { country: record.country } : {}),
    ...(record.outcome === 'sent' && record.providerId
      ? { sentBy: { providerId: record.providerId, transactionId: record.transactionId } }
      : {}),
    ...(phone && digits
      ? {
          phone: {
            callingCode: phone.callingCode,
            digits: digits.length,
            tail: digits.slice(-2),
            tag: phoneTag(userId, phone.e164),
          },
        }
      : {}),
  };
}
