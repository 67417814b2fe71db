import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SpanNotes, tracingActive, withSpan } from '../observability/spans';
import { PhoneNumberInfo } from '../phone/phone-number';
import { ProtectionService } from '../protection/protection.service';
import { ProtectionFinding, Screening } from '../protection/protection.types';
import { AttemptRunner } from './attempt-runner';
import { toOutcome } from './delivery-outcome';
import { DeliveryRecorder } from './delivery-recorder';
import {
  BlockedOutcome,
  DeliveryClock,
  DeliveryOutcome,
  DeliveryRequest,
  FailedOutcome,
  FailureCause,
} from './delivery.types';
import { IdempotencyService } from './idempotency.service';
import { MessageComposer } from './messages/message-composer';

/**
 * The use case, top to bottom: claim the eventId (a duplicate gets the first answer and counts
 * nowhere twice), read the number and ask toll-fraud protection (which may block before any
 * money is spent), compose the message, send it through the providers of its route within the
 * deadline, record and log the outcome, complete the claim.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly protection: ProtectionService,
    private readonly messages: MessageComposer,
    private readonly runner: AttemptRunner,
    private readonly recorder: DeliveryRecorder,
  ) {}

  async deliver(request: DeliveryRequest, clock: DeliveryClock): Promise<DeliveryOutcome> {
    const claim = await this.idempotency.claim(request.eventId, clock);
    if (claim.kind === 'answer') return claim.outcome;
    if (claim.kind === 'refuse') {
      return failed(randomUUID(), request, clock, claim.cause, claim.reason);
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.deliverOnce(request, clock);
    } catch (error) {
      await this.idempotency.release(claim, error);
      throw error;
    }
    await this.idempotency.complete(claim, outcome, clock);
    return outcome;
  }

  private async deliverOnce(
    request: DeliveryRequest,
    clock: DeliveryClock,
  ): Promise<DeliveryOutcome> {
    const deliveryId = randomUUID();
    const screening = tracingActive()
      ? await withSpan('otg.protection', {}, (span) => this.screen(request, deliveryId, span))
      : await this.protection.screen(request, deliveryId);
    const outcome = await this.decide(deliveryId, request, screening, clock);
    await this.recorder.record(outcome, request, screening, clock);
    return outcome;
  }

  private async screen(
    request: DeliveryRequest,
    deliveryId: string,
    span?: SpanNotes,
  ): Promise<Screening> {
    const screening = await this.protection.screen(request, deliveryId);
    const { phone, verdict } = screening;
    span?.set({
      'otg.protection.action': phone ? verdict.action : 'invalid-number',
      ...(phone?.country ? { 'otg.country': phone.country } : {}),
      ...('findings' in verdict ? { 'otg.protection.rule': verdict.findings[0].rule } : {}),
    });
    return screening;
  }

  private decide(
    deliveryId: string,
    request: DeliveryRequest,
    { phone, verdict }: Screening,
    clock: DeliveryClock,
  ): Promise<DeliveryOutcome> | DeliveryOutcome {
    if (!phone) return failed(deliveryId, request, clock, 'invalid-number', 'not a phone number');
    switch (verdict.action) {
      case 'blocked':
        return blocked(deliveryId, request, clock, verdict.findings[0]);
      case 'unavailable':
        return failed(deliveryId, request, clock, 'store-unavailable', verdict.reason);
      case 'allowed':
      case 'would-block':
        return this.send(deliveryId, request, phone, clock);
    }
  }

  private async send(
    deliveryId: string,
    request: DeliveryRequest,
    phone: PhoneNumberInfo,
    clock: DeliveryClock,
  ): Promise<DeliveryOutcome> {
    const composed = this.messages.compose(request, phone.e164, deliveryId);
    const run = await this.runner.run(phone.country, composed, clock.deadlineAt);
    const base = { deliveryId, channel: request.channel, durationMs: since(clock) };
    return toOutcome(run, base, phone.country);
  }
}

function failed(
  deliveryId: string,
  request: DeliveryRequest,
  clock: DeliveryClock,
  cause: FailureCause,
  reason: string,
): FailedOutcome {
  return { ...nothingSent(deliveryId, request, clock), kind: 'failed', cause, reason };
}

function blocked(
  deliveryId: string,
  request: DeliveryRequest,
  clock: DeliveryClock,
  { rule, reason }: ProtectionFinding,
): BlockedOutcome {
  return { ...nothingSent(deliveryId, request, clock), kind: 'blocked', rule, reason };
}

function nothingSent(deliveryId: string, request: DeliveryRequest, clock: DeliveryClock) {
  return { deliveryId, channel: request.channel, attempts: [], durationMs: since(clock) };
}

function since(clock: DeliveryClock): number {
  return Math.round(performance.now() - clock.startedAt);
}
