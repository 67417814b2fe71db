import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HookConfig } from '../hook/hook.config';
import { maskPhone, normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { ProtectionConfig } from '../protection/protection.config';
import { AttemptRunner, RunResult } from './attempt-runner';
import { composeMessage } from './compose-message';
import { DeliveryOutcome, DeliveryRequest, FailureCause } from './delivery.types';
import { Router } from './router';

/** When the hook started and when Okta must have its answer (performance.now() clock). */
export interface DeliveryClock {
  readonly startedAt: number;
  readonly deadlineAt: number;
}

/**
 * The use case: normalize the number, pick providers, try them within the deadline, report.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    private readonly router: Router,
    private readonly runner: AttemptRunner,
    private readonly hook: HookConfig,
    private readonly protection: ProtectionConfig,
  ) {}

  async deliver(request: DeliveryRequest, clock: DeliveryClock): Promise<DeliveryOutcome> {
    const deliveryId = randomUUID();
    const base = { deliveryId, channel: request.channel, attempts: [] };
    const phone = normalizePhoneNumber(request.phoneNumber, this.protection.defaultRegion);
    if (!phone) {
      return this.report({
        ...base,
        kind: 'failed',
        cause: 'invalid-number',
        reason: 'not a phone number',
        durationMs: since(clock),
      });
    }
    const candidates = this.router.candidates(phone.country, request.channel);
    if (candidates.length === 0) {
      const reason = `no provider routes ${request.channel} to ${phone.country ?? 'this number'}`;
      return this.report(
        { ...base, kind: 'failed', cause: 'no-provider', reason, durationMs: since(clock) },
        phone,
      );
    }
    const message = composeMessage(request, phone.e164, deliveryId, this.hook.defaultSmsTemplate);
    const run = await this.runner.run(candidates, message, clock.deadlineAt);
    return this.report(toOutcome(run, { ...base, durationMs: since(clock) }), phone);
  }

  private report(outcome: DeliveryOutcome, phone?: PhoneNumberInfo): DeliveryOutcome {
    const fields = {
      deliveryId: outcome.deliveryId,
      outcome: outcome.kind,
      channel: outcome.channel,
      country: phone?.country,
      to: phone ? maskPhone(phone.e164, phone.callingCode) : undefined,
      attempts: outcome.attempts,
      durationMs: outcome.durationMs,
      ...(outcome.kind === 'sent'
        ? { provider: outcome.providerId, transactionId: outcome.transactionId }
        : {}),
      ...(outcome.kind === 'failed' ? { cause: outcome.cause, reason: outcome.reason } : {}),
    };
    if (outcome.kind === 'sent') this.logger.log(fields, 'delivery sent');
    else this.logger.warn(fields, `delivery ${outcome.kind}`);
    return outcome;
  }
}

function toOutcome(
  run: RunResult,
  base: { deliveryId: string; channel: DeliveryRequest['channel']; durationMs: number },
): DeliveryOutcome {
  const attempts = run.attempts;
  if (run.sent) {
    return {
      ...base,
      attempts,
      kind: 'sent',
      providerId: run.sent.providerId,
      transactionId: run.sent.result.transactionId,
    };
  }
  const [cause, reason]: [FailureCause, string] = run.permanent
    ? [
        'permanent',
        `${run.permanent.providerId} refused the recipient (${run.permanent.outcome}); not failed over`,
      ]
    : run.outOfTime
      ? ['deadline', 'the hook deadline came before a provider accepted the message']
      : attempts.some((a) => a.outcome === 'timeout')
        ? ['deadline', 'every provider failed or was abandoned at its time limit']
        : ['exhausted', 'every provider failed'];
  return { ...base, attempts, kind: 'failed', cause, reason };
}

function since(clock: DeliveryClock): number {
  return Math.round(performance.now() - clock.startedAt);
}
