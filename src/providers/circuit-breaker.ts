import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { Breaker, createBreaker } from './circuit-breaker.factory';
import { countsAgainstProvider } from './circuit-breaker.policy';
import { CircuitBreakerConfig } from './provider.config';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Whether the next attempt through a provider may go ahead. */
export type BreakerGate =
  | { readonly pass: true }
  | {
      readonly pass: false;
      readonly reason: string;
      readonly reopensAt: number;
      readonly vendorAsked: boolean;
    };

/** The breaker refused the attempt after all (its cooldown ended a millisecond later than ours). */
export class CircuitOpenError extends Error {
  constructor() {
    super('circuit open');
  }
}

const PASS: BreakerGate = { pass: true };
/** Failures the vendor is not to blame for come out of the breaker as values, then are rethrown. */
type Guarded<T> = { readonly ok: T } | { readonly notCounted: unknown };

/**
 * One provider's cockatiel circuit breaker, local to this replica: after
 * `circuitBreaker.consecutiveFailures` failures that count against the provider (or at once on a
 * Retry-After) it is skipped for `cooldownMs` (or the Retry-After), then one attempt probes it
 * (half-open) while the others still skip it; success closes it, failure opens it again.
 */
export class CircuitBreaker {
  private readonly breaker: Breaker;

  constructor(settings: CircuitBreakerConfig) {
    this.breaker = createBreaker(settings);
  }

  /** Call right before {@link execute}, with no await between, so the answer still holds. */
  gate(now = Date.now()): BreakerGate {
    const breaker = this.breaker;
    switch (breaker.policy.state) {
      case CircuitState.Closed:
        return PASS;
      case CircuitState.HalfOpen:
        return skip('circuit half-open, a probe is in flight', now, false);
      case CircuitState.Open:
      case CircuitState.Isolated:
        if (now >= breaker.openUntil) return PASS;
        return skip(
          `circuit open${breaker.vendorAsked ? ' (Retry-After)' : ''}, next probe in ${breaker.openUntil - now} ms`,
          breaker.openUntil,
          breaker.vendorAsked,
        );
    }
  }

  /** Runs one attempt through the breaker; throws what `attempt` throws. */
  execute<T>(attempt: () => Promise<T>): Promise<T> {
    return this.breaker.policy
      .execute(() => guard(attempt))
      .then(
        (result: Guarded<T>) => {
          if ('notCounted' in result) throw result.notCounted;
          return result.ok;
        },
        (error: unknown) => {
          throw error instanceof BrokenCircuitError ? new CircuitOpenError() : error;
        },
      );
  }

  /** For metrics and readiness. */
  get state(): BreakerState {
    return stateName(this.breaker.policy.state);
  }
}

function skip(reason: string, reopensAt: number, vendorAsked: boolean): BreakerGate {
  return { pass: false, reason, reopensAt, vendorAsked };
}

function guard<T>(attempt: () => Promise<T>): Promise<Guarded<T>> {
  return attempt().then(
    (ok) => ({ ok }),
    (error: unknown) => {
      if (countsAgainstProvider(error)) throw error;
      return { notCounted: error };
    },
  );
}

function stateName(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.HalfOpen:
      return 'half-open';
    case CircuitState.Open:
    case CircuitState.Isolated:
      return 'open';
  }
}
