import { Injectable, Logger } from '@nestjs/common';
import { DeliveryPolicy } from './delivery.policy';
import { ProviderError } from '../providers/provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../providers/telephony-provider';
import { pickLastResort, SkippedProvider } from './circuit-breaker.policy';
import { CircuitBreakers, CircuitOpenError } from './circuit-breakers';
import { attemptBudget } from './deadline';
import { DeliveryMetrics } from './delivery.metrics';
import { Attempt } from './delivery.types';
import { AttemptTimeoutError, sendWithin } from './send-within';

export interface RunResult {
  readonly attempts: Attempt[];
  /** Set when a provider accepted the message. */
  readonly sent?: { providerId: string; result: SendResult };
  /** Set when the last failure forbids failover (invalid recipient, opted out). */
  readonly permanent?: Attempt;
  /** True when candidates were left untried because the deadline came. */
  readonly outOfTime: boolean;
}

/** How one attempt ended: its record, and whether the run stops there. */
type Step =
  | { readonly attempt: Attempt; readonly stop?: Omit<RunResult, 'attempts' | 'outOfTime'> }
  | 'skipped'
  | 'out-of-time';

/**
 * Tries providers in order until one accepts the message. A provider whose circuit breaker is
 * open is skipped (outcome `skipped`); if every candidate was skipped, the one whose breaker
 * reopens first is tried anyway (never against a vendor's Retry-After). Each attempt gets its
 * provider's timeout, cut to what is left before the hook deadline; failures that allow failover
 * move on, the others stop. Failover policy lives here, never in a vendor strategy.
 */
@Injectable()
export class AttemptRunner {
  private readonly logger = new Logger('DeliveryService');

  constructor(
    private readonly hook: DeliveryPolicy,
    private readonly breakers: CircuitBreakers,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async run(
    candidates: readonly TelephonyProvider[],
    message: OtpMessage,
    deadlineAt: number,
    /** The SMS text before transliteration, for the segments metric. */
    beforeTransliteration?: string,
  ): Promise<RunResult> {
    const result = await this.tryInOrder(candidates, message, deadlineAt);
    this.metrics.observeRun(message, result, beforeTransliteration);
    return result;
  }

  private async tryInOrder(
    candidates: readonly TelephonyProvider[],
    message: OtpMessage,
    deadlineAt: number,
  ): Promise<RunResult> {
    const attempts: Attempt[] = [];
    const skipped: SkippedProvider<TelephonyProvider>[] = [];
    for (const provider of candidates) {
      const gate = this.breakers.gate(provider.id);
      const step = gate.pass ? await this.attempt(provider, message, deadlineAt, true) : 'skipped';
      if (step === 'out-of-time') return { attempts, outOfTime: true };
      if (step === 'skipped') {
        const why = gate.pass ? { reason: 'circuit open', reopensAt: 0, vendorAsked: false } : gate;
        attempts.push(skippedAttempt(provider.id, why.reason));
        skipped.push({ provider, reopensAt: why.reopensAt, vendorAsked: why.vendorAsked });
        continue;
      }
      attempts.push(step.attempt);
      if (step.stop) return { attempts, ...step.stop, outOfTime: false };
    }
    const lastResort = skipped.length === attempts.length ? pickLastResort(skipped) : undefined;
    if (!lastResort) return { attempts, outOfTime: false };
    const step = await this.attempt(lastResort, message, deadlineAt, false);
    if (step === 'out-of-time' || step === 'skipped') return { attempts, outOfTime: true };
    return { attempts: [...attempts, step.attempt], ...step.stop, outOfTime: false };
  }

  private async attempt(
    provider: TelephonyProvider,
    message: OtpMessage,
    deadlineAt: number,
    throughBreaker: boolean,
  ): Promise<Step> {
    const startedAt = performance.now();
    const budget = attemptBudget(
      startedAt,
      deadlineAt,
      this.hook.answerMarginMs,
      provider.timeoutMs,
    );
    if (budget === 0) return 'out-of-time';
    const send = () => sendWithin(provider, message, budget);
    try {
      const result = await (throughBreaker ? this.breakers.execute(provider.id, send) : send());
      if (result.withoutVendorId) this.sentWithoutVendorId(provider.id, result.withoutVendorId);
      const attempt: Attempt = {
        providerId: provider.id,
        outcome: 'sent',
        latencyMs: since(startedAt),
      };
      return { attempt, stop: { sent: { providerId: provider.id, result } } };
    } catch (error) {
      if (error instanceof CircuitOpenError) return 'skipped';
      if (error instanceof AttemptTimeoutError && budget < provider.timeoutMs) {
        this.metrics.nearMiss('attempt-cut');
      }
      const attempt = failedAttempt(provider.id, error, since(startedAt));
      const permanent = error instanceof ProviderError && !error.failover;
      return permanent ? { attempt, stop: { permanent: attempt } } : { attempt };
    }
  }

  /** A 2xx without a readable id is sent all the same; the operator hears of it. */
  private sentWithoutVendorId(providerId: string, reason: string): void {
    this.metrics.sentWithoutVendorId(providerId);
    this.logger.warn(
      { provider: providerId, reason },
      'vendor accepted the message without an id we can read; sent, under the delivery id',
    );
  }
}

function skippedAttempt(providerId: string, reason: string): Attempt {
  return { providerId, outcome: 'skipped', latencyMs: 0, reason };
}

function failedAttempt(providerId: string, error: unknown, latencyMs: number): Attempt {
  if (error instanceof AttemptTimeoutError) {
    return { providerId, outcome: 'timeout', latencyMs, reason: error.message };
  }
  const failure = error as ProviderError;
  return { providerId, outcome: failure.code, latencyMs, reason: failure.message };
}

function since(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
