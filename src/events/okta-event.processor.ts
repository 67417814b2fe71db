import { Injectable, Logger } from '@nestjs/common';
import { asObject } from './debug-data';
import { EventCorrelator } from './event-correlator.service';
import { EventHookMetrics } from './event-hook.metrics';
import { verifiedPhoneChannel } from './factor-verification';
import {
  FACTOR_VERIFICATION_EVENTS,
  OktaEventHookDelivery,
  OktaLogEvent,
  PHONE_VERIFICATION_EVENTS,
} from './okta-log-event.types';
import { DeliveryIndexStore } from './delivery-index.store';
import { oktaUserOf, text } from './okta-resources';
import { VerificationFeedback } from '../protection/verification-feedback';
import { normalizePhoneVerification } from './phone-verification.normalizer';
import { VerificationReports } from './verification-reports.service';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const FACTOR_EVENTS: ReadonlySet<string> = new Set(FACTOR_VERIFICATION_EVENTS);

/**
 * One event hook delivery, after Okta has its answer: events oldest first (Okta may batch and
 * reorder), each `uuid` once across replicas, counted by type. Phone-verification sends are
 * normalized, counted and tied to their delivery; phone-factor verifications are counted
 * against the country of the code they follow, reported to protection's verification feedback
 * and to the vendor that sent it when it wants to hear (VerificationReports); every other type is
 * counted and ignored.
 */
@Injectable()
export class OktaEventProcessor {
  private readonly logger = new Logger('OktaEvents');

  constructor(
    private readonly index: DeliveryIndexStore,
    private readonly correlator: EventCorrelator,
    private readonly metrics: EventHookMetrics,
    private readonly feedback: VerificationFeedback,
    private readonly reports: VerificationReports,
  ) {}

  async process(delivery: OktaEventHookDelivery, headers: Headers): Promise<void> {
    const events = [...delivery.data.events].sort((a, b) => publishedAt(a) - publishedAt(b));
    for (const event of events) {
      try {
        if (await this.index.claimEvent(event.uuid)) await this.handle(delivery, event, headers);
        else this.metrics.repeat();
      } catch (error) {
        const problem = error instanceof Error ? error.message : 'unknown';
        this.logger.warn(
          { uuid: event.uuid, eventType: event.eventType, problem },
          'okta event not processed',
        );
      }
    }
  }

  private async handle(
    delivery: OktaEventHookDelivery,
    event: OktaLogEvent,
    headers: Headers,
  ): Promise<void> {
    this.metrics.event(event.eventType);
    const channel = Object.hasOwn(PHONE_VERIFICATION_EVENTS, event.eventType)
      ? PHONE_VERIFICATION_EVENTS[event.eventType as keyof typeof PHONE_VERIFICATION_EVENTS]
      : undefined;
    if (channel) return this.phoneVerification(delivery, event, channel, headers);
    if (FACTOR_EVENTS.has(event.eventType)) return this.factorVerification(event);
  }

  private async phoneVerification(
    delivery: OktaEventHookDelivery,
    raw: OktaLogEvent,
    channel: 'sms' | 'voice',
    headers: Headers,
  ): Promise<void> {
    const normalized = normalizePhoneVerification(delivery, raw, channel, headers);
    const { summary, phone, uuid, eventType } = normalized.event;
    if (summary.oktaFallback) this.metrics.fallback(channel, summary.country);
    if (summary.deniedByOkta) this.metrics.deniedByOkta(channel, summary.country);
    const correlation = await this.correlator.correlate(normalized);
    this.metrics.correlation(correlation);
    this.logger.log(
      {
        uuid,
        eventType,
        result: summary.result,
        oktaFallback: summary.oktaFallback,
        phone: phone.alternateId,
        country: summary.country,
        correlation,
      },
      'okta phone verification event',
    );
  }

  /**
   * Counts a phone-factor verification, and tells protection's feedback and the vendor of the
   * code it followed.
   */
  private async factorVerification(event: OktaLogEvent): Promise<void> {
    const channel = verifiedPhoneChannel(event);
    const userId = oktaUserOf(event).id;
    if (!channel) return;
    const delivery = userId
      ? await this.correlator.verifiedDelivery(userId, channel, publishedAt(event))
      : undefined;
    this.metrics.codeVerified(channel, delivery?.country);
    if (!delivery) return;
    await this.feedback.verified(delivery.deliveryId);
    await this.reports.report(delivery);
  }
}

/** `published` in ms; an event without a readable time sorts last. */
function publishedAt(event: OktaLogEvent): number {
  const time = Date.parse(text(asObject(event).published) ?? '');
  return Number.isNaN(time) ? Number.MAX_SAFE_INTEGER : time;
}
