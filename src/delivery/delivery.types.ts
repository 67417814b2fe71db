import { Channel } from '../providers/channel';
import { ProviderErrorCode } from '../providers/provider-error';

/** One OTP to deliver, as the delivery use case sees it (no Okta wire names). */
export interface DeliveryRequest {
  /** Okta's id for this hook call; the same id means the same delivery. */
  readonly eventId?: string;
  /** `com.okta.user.telephony.pre-enrollment`, `...mfa-verification`, ... */
  readonly requestType?: string;
  readonly channel: Channel;
  readonly phoneNumber: string;
  readonly code: string;
  /** Okta's rendered SMS text, when it sent one. */
  readonly text?: string;
  readonly locale?: string;
  /** Okta's `otpExpires` (ISO-8601), for a template's `{expiresInMinutes}`. */
  readonly otpExpires?: string;
  /** Okta's `userProfile.firstName`; used only with `messages.allowPersonalData`. */
  readonly firstName?: string;
  readonly userId?: string;
  readonly userLogin?: string;
  readonly clientIp?: string;
}

/** How one attempt ended: sent, abandoned at its time limit, a classified failure, or skipped. */
export type AttemptOutcome = 'sent' | 'timeout' | 'skipped' | ProviderErrorCode;

export interface Attempt {
  readonly providerId: string;
  readonly outcome: AttemptOutcome;
  readonly latencyMs: number;
  /** Safe description of a failure: no secret, code or full number. */
  readonly reason?: string;
}

/** Why no provider could send. */
export type FailureCause =
  | 'invalid-number'
  | 'no-provider'
  | 'permanent'
  | 'exhausted'
  | 'breakers-open'
  | 'deadline'
  | 'store-unavailable'
  | 'duplicate-pending';

interface OutcomeBase {
  readonly deliveryId: string;
  readonly channel: Channel;
  readonly attempts: readonly Attempt[];
  readonly durationMs: number;
}

export interface SentOutcome extends OutcomeBase {
  readonly kind: 'sent';
  readonly providerId: string;
  readonly transactionId: string;
}

export interface FailedOutcome extends OutcomeBase {
  readonly kind: 'failed';
  readonly cause: FailureCause;
  /** Safe, human-readable summary. */
  readonly reason: string;
}

export interface BlockedOutcome extends OutcomeBase {
  readonly kind: 'blocked';
  /** The protection rule that stopped it, e.g. `country-deny`. */
  readonly rule: string;
  readonly reason: string;
}

export type DeliveryOutcome = SentOutcome | FailedOutcome | BlockedOutcome;

/** When the hook started and when Okta must have its answer (performance.now() clock). */
export interface DeliveryClock {
  readonly startedAt: number;
  readonly deadlineAt: number;
}
