import { ErrorBody, errorBody } from '../common/api-error.body';
import { Attempt, DeliveryOutcome, FailedOutcome } from '../delivery/delivery.types';

export const TELEPHONY_ACTION = 'com.okta.telephony.action';

export type OktaStatus = 'SUCCESSFUL' | 'PENDING' | 'FAILED';

export interface OktaCommandResponse {
  commands: [
    {
      type: typeof TELEPHONY_ACTION;
      value: [
        {
          status: OktaStatus;
          provider: string;
          transactionId: string;
          transactionMetadata: string;
        },
      ];
    },
  ];
}

export type OktaHookResponse = OktaCommandResponse | ErrorBody;

/** Okta's `provider` value when no vendor was involved (a protection block). */
export const GATEWAY_PROVIDER = 'okta-telephony-gateway';

/**
 * Builds the answer Okta expects (okta-contract.md §2): `commands` for a send or a block
 * answered `FAILED` (the rule and its reason, with the figures of a watch-list block, in
 * `transactionMetadata`), the error object when no provider could send (Okta then uses its own).
 */
export function toOktaResponse(
  outcome: DeliveryOutcome,
  onBlock: 'failed' | 'error',
): OktaHookResponse {
  switch (outcome.kind) {
    case 'sent':
      return command('SUCCESSFUL', outcome.providerId, outcome.transactionId, metadata(outcome));
    case 'blocked':
      if (onBlock === 'error') {
        return errorBody(summary(outcome.channel), [
          { location: 'protection', reason: outcome.reason },
        ]);
      }
      return command(
        'FAILED',
        GATEWAY_PROVIDER,
        outcome.deliveryId,
        metadata(outcome, `blocked=${outcome.rule}; why=${outcome.reason}`),
      );
    case 'failed':
      return failure(outcome);
  }
}

function command(
  status: OktaStatus,
  provider: string,
  transactionId: string,
  transactionMetadata: string,
): OktaCommandResponse {
  return {
    commands: [
      { type: TELEPHONY_ACTION, value: [{ status, provider, transactionId, transactionMetadata }] },
    ],
  };
}

function failure(outcome: FailedOutcome): ErrorBody {
  const causes = outcome.attempts
    .filter((a) => a.outcome !== 'sent')
    .map((a) => ({ location: a.providerId, reason: describeCause(a) }));
  return errorBody(summary(outcome.channel), [
    ...causes,
    { location: 'delivery', reason: outcome.reason },
  ]);
}

function summary(channel: string): string {
  return channel === 'sms' ? 'Failed to deliver SMS OTP' : 'Failed to deliver voice OTP';
}

/** `deliveryId=…; durationMs=…; attempts=a:sent(120ms)` — what support needs, nothing secret. */
function metadata(outcome: DeliveryOutcome, extra?: string): string {
  const parts = [
    `deliveryId=${outcome.deliveryId}`,
    `durationMs=${outcome.durationMs}`,
    `attempts=${outcome.attempts.map(describeAttempt).join(',') || 'none'}`,
  ];
  return (extra ? [extra, ...parts] : parts).join('; ');
}

/** One failed attempt as an error cause, whose location already names the provider. */
function describeCause(attempt: Attempt): string {
  const why = attempt.reason ? `: ${attempt.reason}` : '';
  if (attempt.outcome === 'skipped') return `skipped${why}`;
  if (attempt.outcome === 'timeout') return `timeout after ${attempt.latencyMs} ms`;
  return `${attempt.outcome} after ${attempt.latencyMs} ms${why}`;
}

function describeAttempt(attempt: Attempt): string {
  const why = attempt.reason ? `: ${attempt.reason}` : '';
  return `${attempt.providerId}:${attempt.outcome}(${attempt.latencyMs}ms${why})`;
}
