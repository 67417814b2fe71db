import { Injectable } from '@nestjs/common';
import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { AppConfig } from '../config/app.config';
import { Breaker, createBreaker } from './circuit-breaker.factory';
import { countsAgainstProvider } from './circuit-breaker.policy';

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
 * One cockatiel circuit breaker per provider, local to this replica: after
 * `circuitBreaker.consecutiveFailures` failures that count against the provider (or at once on a
 * Retry-After) it is skipped for `cooldownMs` (or the Retry-After), then one attempt probes it
 * (half-open) while the others still skip it; success closes it, failure opens it again.
 */
@Injectable()
export class CircuitBreakers {
  private readonly breakers = new Map<string, Breaker>();

  constructor(config: AppConfig) {
    for (const [id, provider] of Object.entries(config.providers)) {
      this.breakers.set(id, createBreaker(provider.circuitBreaker));
    }
  }

  /** Call right before {@link execute}, with no await between, so the answer still holds. */
  gate(providerId: string, now = Date.now()): BreakerGate {
    const breaker = this.breakers.get(providerId);
    switch (breaker?.policy.state) {
      case undefined:
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

  /** Runs one attempt through the provider's breaker; throws what `attempt` throws. */
  async execute<T>(providerId: string, attempt: () => Promise<T>): Promise<T> {
    const breaker = this.breakers.get(providerId);
    if (!breaker) return attempt();
    let result: Guarded<T>;
    try {
      result = await breaker.policy.execute(() => guard(attempt));
    } catch (error) {
      throw error instanceof BrokenCircuitError ? new CircuitOpenError() : error;
    }
    if ('notCounted' in result) throw result.notCounted;
    return result.ok;
  }

  /** Every provider's breaker state, for metrics and readiness. */
  states(): Record<string, BreakerState> {
    const states: Record<string, BreakerState> = {};
    for (const [id, breaker] of this.breakers) states[id] = stateName(breaker.policy.state);
    return states;
  }
}

function skip(reason: string, reopensAt: number, vendorAsked: boolean): BreakerGate {
  return { pass: false, reason, reopensAt, vendorAsked };
}

async function guard<T>(attempt: () => Promise<T>): Promise<Guarded<T>> {
  try {
    return { ok: await attempt() };
  } catch (error) {
    if (countsAgainstProvider(error)) throw error;
    return { notCounted: error };
  }
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
