import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { ProtectionConfig } from '../protection/protection.config';
import { ProtectionService } from '../protection/protection.service';
import { ALLOWED, ProtectionFinding, ProtectionVerdict } from '../protection/protection.types';
import { AttemptRunner } from './attempt-runner';
import { DeliveryRecorder } from './delivery-recorder';
import { toOutcome } from './delivery-outcome';
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
import { Router } from './router';

/**
 * The use case. Idempotency wraps the whole delivery, so that a duplicate eventId gets the
 * first answer and counts nowhere twice; inside it: normalize the number, toll-fraud
 * protection (which may block before any money is spent), pick providers, try them through
 * their circuit breakers within the deadline, record and log the outcome.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly router: Router,
    private readonly runner: AttemptRunner,
    private readonly recorder: DeliveryRecorder,
    private readonly messages: MessageComposer,
    private readonly protectionConfig: ProtectionConfig,
    private readonly protection: ProtectionService,
  ) {}

  deliver(request: DeliveryRequest, clock: DeliveryClock): Promise<DeliveryOutcome> {
    const once = () => this.deliverOnce(request, clock);
    if (!request.eventId) return once();
    return this.idempotency.once(request.eventId, clock, {
      deliver: once,
      refuse: (cause, reason) => failed(randomUUID(), request, clock, cause, reason),
    });
  }

  private async deliverOnce(
    request: DeliveryRequest,
    clock: DeliveryClock,
  ): Promise<DeliveryOutcome> {
    const deliveryId = randomUUID();
    const phone = normalizePhoneNumber(request.phoneNumber, this.protectionConfig.defaultRegion);
    const verdict = phone ? await this.protection.check(request, phone, deliveryId) : ALLOWED;
    const outcome = phone
      ? await this.decide(deliveryId, request, phone, verdict, clock)
      : failed(deliveryId, request, clock, 'invalid-number', 'not a phone number');
    await this.recorder.record(outcome, request, { phone, verdict }, clock);
    return outcome;
  }

  private decide(
    deliveryId: string,
    request: DeliveryRequest,
    phone: PhoneNumberInfo,
    verdict: ProtectionVerdict,
    clock: DeliveryClock,
  ): Promise<DeliveryOutcome> | DeliveryOutcome {
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
    const candidates = this.router.candidates(phone.country, request.channel);
    if (candidates.length === 0) {
      const reason = `no provider routes ${request.channel} to ${phone.country ?? 'this number'}`;
      return failed(deliveryId, request, clock, 'no-provider', reason);
    }
    const { message, beforeTransliteration } = this.messages.compose(
      request,
      phone.e164,
      deliveryId,
    );
    const run = await this.runner.run(candidates, message, clock.deadlineAt, beforeTransliteration);
    return toOutcome(run, { deliveryId, channel: request.channel, durationMs: since(clock) });
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
