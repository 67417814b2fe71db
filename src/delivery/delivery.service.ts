import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HookConfig } from '../hook/hook.config';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { ProtectionConfig } from '../protection/protection.config';
import { AttemptRunner } from './attempt-runner';
import { composeMessage } from './compose-message';
import { DeliveryRecorder } from './delivery-recorder';
import { toOutcome } from './delivery-outcome';
import {
  DeliveryClock,
  DeliveryOutcome,
  DeliveryRequest,
  FailedOutcome,
  FailureCause,
} from './delivery.types';
import { IdempotencyService } from './idempotency.service';
import { Router } from './router';

/**
 * The use case. Idempotency wraps the whole delivery, so that a duplicate eventId gets the
 * first answer and counts nowhere twice; inside it: normalize the number, (protection, when it
 * arrives), pick providers, try them through their circuit breakers within the deadline,
 * record and log the outcome.
 */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly router: Router,
    private readonly runner: AttemptRunner,
    private readonly recorder: DeliveryRecorder,
    private readonly hook: HookConfig,
    private readonly protection: ProtectionConfig,
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
    const phone = normalizePhoneNumber(request.phoneNumber, this.protection.defaultRegion);
    const outcome = phone
      ? await this.send(deliveryId, request, phone, clock)
      : failed(deliveryId, request, clock, 'invalid-number', 'not a phone number');
    await this.recorder.record(outcome, request, phone, clock);
    return outcome;
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
    const message = composeMessage(request, phone.e164, deliveryId, this.hook.defaultSmsTemplate);
    const run = await this.runner.run(candidates, message, clock.deadlineAt);
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
  const base = { deliveryId, channel: request.channel, attempts: [], durationMs: since(clock) };
  return { ...base, kind: 'failed', cause, reason };
}

function since(clock: DeliveryClock): number {
  return Math.round(performance.now() - clock.startedAt);
}
