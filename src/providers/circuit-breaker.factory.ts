import {
  circuitBreaker,
  CircuitBreakerPolicy,
  FailureReason,
  handleAll,
  IBackoff,
  IBreaker,
  IHalfOpenAfterBackoffContext,
} from 'cockatiel';
import { CircuitBreakerConfig } from './provider.config';
import { openDuration, vendorPause } from './circuit-breaker.policy';

/** One provider's cockatiel breaker, and when (and why) it lets attempts through again. */
export interface Breaker {
  readonly policy: CircuitBreakerPolicy;
  openUntil: number;
  /** The vendor asked for the pause (Retry-After). */
  vendorAsked: boolean;
}

/**
 * A cockatiel breaker that opens after `consecutiveFailures`, or at once on a Retry-After, and
 * stays open for the Retry-After or `cooldownMs`.
 */
export function createBreaker(settings: CircuitBreakerConfig): Breaker {
  const holder: { breaker?: Breaker } = {};
  const backoff = (
    context: IHalfOpenAfterBackoffContext,
  ): IBackoff<IHalfOpenAfterBackoffContext> => {
    const error = errorOf(context.result);
    const duration = openDuration(error, settings.cooldownMs);
    holder.breaker!.openUntil = Date.now() + duration;
    holder.breaker!.vendorAsked = vendorPause(error) !== undefined;
    return { duration, next: backoff };
  };
  const counter = new ConsecutiveOrRetryAfter(settings.consecutiveFailures, () =>
    errorOf(holder.breaker?.policy.lastFailure),
  );
  const policy = circuitBreaker(handleAll, { halfOpenAfter: { next: backoff }, breaker: counter });
  return (holder.breaker = { policy, openUntil: 0, vendorAsked: false });
}

/**
 * Opens after `threshold` consecutive failures, or at once when the vendor sent Retry-After.
 * cockatiel sets `lastFailure` right before asking, so it is the failure being counted.
 */
class ConsecutiveOrRetryAfter implements IBreaker {
  state = 0;

  constructor(
    private readonly threshold: number,
    private readonly lastError: () => unknown,
  ) {}

  success(): void {
    this.state = 0;
  }

  failure(): boolean {
    this.state += 1;
    return this.state >= this.threshold || vendorPause(this.lastError()) !== undefined;
  }
}

function errorOf(reason: FailureReason<unknown> | undefined): unknown {
  return reason && 'error' in reason ? reason.error : undefined;
}
