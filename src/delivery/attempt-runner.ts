import { Injectable, Logger } from '@nestjs/common';
import { SpanNotes, tracingActive, withSpan } from '../observability/spans';
import { CircuitOpenError } from '../providers/circuit-breaker';
import { ProviderError } from '../providers/provider-error';
import { RegisteredProvider } from '../providers/provider.registry';
import { OtpMessage, SendResult } from '../providers/telephony-provider';
import { attemptBudget } from './deadline';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryPolicy } from './delivery.policy';
import { Attempt } from './delivery.types';
import { pickLastResort, SkippedProvider } from './last-resort';
import { ComposedMessage } from './messages/message-composer';
import { Router } from './router';
import { AttemptTimeoutError, sendWithin } from './send-within';

export interface RunResult {
  readonly attempts: Attempt[];
  /** Set when a provider accepted the message. */
  readonly sent?: { providerId: string; result: SendResult };
  /** Set when the last failure forbids failover (invalid recipient, opted out). */
  readonly permanent?: Attempt;
  /** True when candidates were left untried because the deadline came. */
  readonly outOfTime: boolean;
  /** True when no provider routes the message's channel to its country. */
  readonly unrouted?: true;
}

/** How one attempt sends: its time budget, whether through the breaker, and when it began. */
interface Sending {
  readonly budget: number;
  readonly throughBreaker: boolean;
  readonly startedAt: number;
}

/** How one attempt ended: its record, and whether the run stops there. */
type Step =
  | { readonly attempt: Attempt; readonly stop?: Omit<RunResult, 'attempts' | 'outOfTime'> }
  | 'skipped'
  | 'out-of-time';

const UNROUTED: RunResult = { attempts: [], outOfTime: false, unrouted: true };

/**
 * Sends one message through the providers its route names (Router), in order, until one
 * accepts it. A provider whose circuit breaker is open is skipped (outcome `skipped`); if every
 * candidate was skipped, the one whose breaker reopens first is tried anyway (never against a
 * vendor's Retry-After). Each attempt gets its provider's timeout, cut to what is left before the
 * hook deadline; failures that allow failover move on, the others stop. Failover policy lives
 * here, never in a vendor strategy.
 */
@Injectable()
export class AttemptRunner {
  private readonly logger = new Logger('DeliveryService');

  constructor(
    private readonly policy: DeliveryPolicy,
    private readonly router: Router,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async run(
    country: string | undefined,
    { message, beforeTransliteration }: ComposedMessage,
    deadlineAt: number,
  ): Promise<RunResult> {
    const candidates = this.router.candidates(country, message.channel);
    if (candidates.length === 0) return UNROUTED;
    const result = await this.tryInOrder(candidates, message, deadlineAt);
    this.metrics.observeRun(message, result, beforeTransliteration);
    return result;
  }

  private async tryInOrder(
    candidates: readonly RegisteredProvider[],
    message: OtpMessage,
    deadlineAt: number,
  ): Promise<RunResult> {
    const attempts: Attempt[] = [];
    const skipped: SkippedProvider<RegisteredProvider>[] = [];
    for (const candidate of candidates) {
      const gate = candidate.breaker.gate();
      const step = gate.pass ? await this.attempt(candidate, message, deadlineAt, true) : 'skipped';
      if (step === 'out-of-time') return { attempts, outOfTime: true };
      if (step === 'skipped') {
        const why = gate.pass ? { reason: 'circuit open', reopensAt: 0, vendorAsked: false } : gate;
        attempts.push(skippedAttempt(candidate.provider.id, why.reason));
        skipped.push({
          provider: candidate,
          reopensAt: why.reopensAt,
          vendorAsked: why.vendorAsked,
        });
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

  /** One attempt within what is left of the deadline: with tracing on, an `otg.attempt` span. */
  private async attempt(
    candidate: RegisteredProvider,
    message: OtpMessage,
    deadlineAt: number,
    throughBreaker: boolean,
  ): Promise<Step> {
    const { provider } = candidate;
    const startedAt = performance.now();
    const budget = attemptBudget(
      startedAt,
      deadlineAt,
      this.policy.answerMarginMs,
      provider.timeoutMs,
    );
    if (budget === 0) return 'out-of-time';
    const sending = { budget, throughBreaker, startedAt };
    if (!tracingActive()) return this.send(candidate, message, sending);
    const attributes = { 'otg.provider': provider.id, 'otg.vendor': provider.type };
    return withSpan('otg.attempt', attributes, async (span) => {
      const step = await this.send(candidate, message, sending);
      if (span) noteStep(span, step);
      return step;
    });
  }

  private async send(
    { provider, breaker }: RegisteredProvider,
    message: OtpMessage,
    { budget, throughBreaker, startedAt }: Sending,
  ): Promise<Step> {
    const send = () => sendWithin(provider, message, budget);
    try {
      const result = await (throughBreaker ? breaker.execute(send) : send());
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

/** The attempt's outcome class on its span; anything but `sent` is a failed span. */
function noteStep(span: SpanNotes, step: Step): void {
  const outcome = typeof step === 'string' ? step : step.attempt.outcome;
  span.set({ 'otg.outcome': outcome });
  if (outcome !== 'sent') span.fail(outcome);
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
