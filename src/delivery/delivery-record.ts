import { Attempt } from './delivery.types';
import { ProtectionFinding } from '../protection/protection.types';
import { Channel } from '../providers/channel';
import { ReceiptStatus } from '../providers/provider-callbacks';

/**
 * Where a delivery stands. A sent delivery starts `queued` and only moves forward, by vendor
 * receipts: queued → sent → delivered | undelivered | failed. A delivery no provider accepted
 * is `failed`, one protection stopped is `blocked`; both are final.
 */
export type DeliveryStatus = ReceiptStatus | 'blocked';

const RANK: Readonly<Record<DeliveryStatus, number>> = {
  queued: 1,
  sent: 2,
  delivered: 3,
  undelivered: 3,
  failed: 3,
  blocked: 3,
};

/** Every delivery status, in the order of a record's life. */
export const DELIVERY_STATUSES = Object.keys(RANK) as readonly DeliveryStatus[];

/** Order of statuses: a receipt moves a record only to a higher rank (first final status wins). */
export function statusRank(status: DeliveryStatus): number {
  return RANK[status];
}

/**
 * What happened to one OTP, as support staff see it at `GET /deliveries/:id`. Never the code,
 * the message text or the full number (`to` is masked).
 */
export interface DeliveryRecord {
  readonly deliveryId: string;
  /** The id Okta got back: the vendor's message or call id, or the delivery id when none sent. */
  readonly transactionId: string;
  /** The provider that accepted the message, when one did. */
  readonly providerId?: string;
  /** What Okta was answered. */
  readonly outcome: 'sent' | 'failed' | 'blocked';
  readonly status: DeliveryStatus;
  /** When the status was last set (ISO 8601). */
  readonly statusAt: string;
  /** Why nothing was sent (a FailureCause), or the protection rule that blocked it. */
  readonly cause?: string;
  readonly reason?: string;
  readonly requestType?: string;
  readonly channel: Channel;
  readonly country?: string;
  /** The destination, masked: `+44********56`. */
  readonly to: string;
  /** Okta's ids for the request and the user: `userId` (`00u…`) and `login`. */
  readonly okta: { readonly eventId?: string; readonly userId?: string; readonly login?: string };
  readonly attempts: readonly Attempt[];
  /**
   * The toll-fraud rules that matched, when any did: `blocked` (nothing was sent) or
   * `would-block` (monitor mode: sent anyway).
   */
  readonly protection?: ProtectionMatch;
  /** When the hook request arrived (ISO 8601). */
  readonly createdAt: string;
  /** From the hook request's arrival to the answer. */
  readonly durationMs: number;
  /** Receipts and Okta events, oldest first (filled in on read). */
  readonly history: readonly RecordEvent[];
}

/** What protection found about one delivery, as kept on its record. */
export interface ProtectionMatch {
  readonly action: 'blocked' | 'would-block';
  readonly findings: readonly ProtectionFinding[];
}

/** A vendor delivery receipt as kept on the record; `applied` is false when it came too late to move the status. */
export interface ReceiptEvent {
  readonly kind: 'receipt';
  readonly at: string;
  readonly providerId: string;
  readonly status: ReceiptStatus;
  readonly vendorStatus: string;
  readonly errorCode?: string;
  readonly occurredAt?: string;
  readonly applied: boolean;
}

/** An Okta event-hook event about this delivery (e.g. `system.sms.send_phone_verification_message`). */
export interface OktaEvent {
  readonly kind: 'okta-event';
  readonly at: string;
  readonly eventType: string;
  /** The LogEvent `uuid`, for deduplication. */
  readonly uuid?: string;
  readonly published?: string;
  /** `outcome.result`, e.g. SUCCESS or DENY. */
  readonly result?: string;
  /** Safe scalar details (no phone number, no code). */
  readonly details?: Readonly<Record<string, string>>;
  /** The whole normalized event, phone numbers masked (events/phone-verification-event.ts). */
  readonly event?: object;
}

export type RecordEvent = ReceiptEvent | OktaEvent;

/** The status register kept beside the record; only ever replaced by a higher rank. */
export interface StatusEntry {
  readonly rank: number;
  readonly status: DeliveryStatus;
  readonly at: string;
}
