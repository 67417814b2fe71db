import { Injectable } from '@nestjs/common';
import { HookConfig } from '../hook/hook.config';
import { ProviderError } from '../providers/provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../providers/telephony-provider';
import { attemptBudget } from './deadline';
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

/**
 * Tries providers in order until one accepts the message. Each attempt gets its provider's
 * timeout, cut to what is left before the hook deadline; failures that allow failover move on,
 * the others stop. Failover policy lives here, never in a vendor strategy.
 */
@Injectable()
export class AttemptRunner {
  constructor(private readonly hook: HookConfig) {}

  async run(
    candidates: readonly TelephonyProvider[],
    message: OtpMessage,
    deadlineAt: number,
  ): Promise<RunResult> {
    const attempts: Attempt[] = [];
    for (const provider of candidates) {
      const startedAt = performance.now();
      const budget = attemptBudget(
        startedAt,
        deadlineAt,
        this.hook.answerMarginMs,
        provider.timeoutMs,
      );
      if (budget === 0) return { attempts, outOfTime: true };
      try {
        const result = await sendWithin(provider, message, budget);
        attempts.push({ providerId: provider.id, outcome: 'sent', latencyMs: since(startedAt) });
        return { attempts, sent: { providerId: provider.id, result }, outOfTime: false };
      } catch (error) {
        const attempt = failedAttempt(provider.id, error, since(startedAt));
        attempts.push(attempt);
        if (error instanceof ProviderError && !error.failover) {
          return { attempts, permanent: attempt, outOfTime: false };
        }
      }
    }
    return { attempts, outOfTime: false };
  }
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
