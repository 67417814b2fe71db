import { RunResult } from './attempt-runner';
import { DeliveryOutcome, DeliveryRequest, FailureCause } from './delivery.types';

interface OutcomeBase {
  readonly deliveryId: string;
  readonly channel: DeliveryRequest['channel'];
  readonly durationMs: number;
}

/**
 * What the attempts add up to: sent through one provider, or why none could send. `country` (of
 * the number) names the route when there was none.
 */
export function toOutcome(
  run: RunResult,
  base: OutcomeBase,
  country: string | undefined,
): DeliveryOutcome {
  const attempts = run.attempts;
  // `...base` last: on Node 20 a spread followed by more properties is about ten times slower.
  if (run.sent) {
    return {
      attempts,
      kind: 'sent',
      providerId: run.sent.providerId,
      transactionId: run.sent.result.transactionId,
      ...base,
    };
  }
  const [cause, reason] = failure(run, base.channel, country);
  return { attempts, kind: 'failed', cause, reason, ...base };
}

function failure(
  run: RunResult,
  channel: string,
  country: string | undefined,
): [FailureCause, string] {
  const attempts = run.attempts;
  if (run.unrouted) {
    return ['no-provider', `no provider routes ${channel} to ${country ?? 'this number'}`];
  }
  if (run.permanent) {
    const { providerId, outcome } = run.permanent;
    return ['permanent', `${providerId} refused the recipient (${outcome}); not failed over`];
  }
  if (run.outOfTime) {
    return ['deadline', 'the hook deadline came before a provider accepted the message'];
  }
  if (attempts.length > 0 && attempts.every((a) => a.outcome === 'skipped')) {
    return ['breakers-open', "every provider's circuit breaker is open"];
  }
  if (attempts.some((a) => a.outcome === 'timeout')) {
    return ['deadline', 'every provider failed or was abandoned at its time limit'];
  }
  return ['exhausted', 'every provider failed'];
}

/** The id Okta gets as `transactionId` and /deliveries finds: the vendor's, else our delivery id. */
export function transactionIdOf(outcome: DeliveryOutcome): string {
  return outcome.kind === 'sent' ? outcome.transactionId : outcome.deliveryId;
}
