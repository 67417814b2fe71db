import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { isoTime } from '../kit/webhooks/callback-params';

type Params = Readonly<Record<string, string | string[]>>;

/**
 * Message statuses (`MessageStatus`, the spec's message_enum_status) in our order of a
 * message's life. Inbound statuses (receiving, received) are not receipts.
 */
const MESSAGE: Readonly<Record<string, ReceiptStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sent',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  partially_delivered: 'undelivered', // the code may be in the part that was lost
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** Call statuses (`CallStatus`): a completed call is a code read out; busy and no-answer reached nobody. */
const CALL: Readonly<Record<string, ReceiptStatus>> = {
  queued: 'queued',
  initiated: 'sent',
  ringing: 'sent',
  'in-progress': 'sent',
  completed: 'delivered',
  busy: 'undelivered',
  'no-answer': 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/**
 * The receipt in a Twilio status callback (vendors.md §1.4): a message's `MessageSid` and
 * `MessageStatus`, or a call's `CallSid` and `CallStatus`, with `ErrorCode` on failures. None
 * for statuses that are not about delivery or that Twilio adds later.
 */
export function twilioReceipts(params: Params): DeliveryReceipt[] {
  const call = one(params.CallSid);
  const [sid, vendorStatus, table] = call
    ? [call, one(params.CallStatus), CALL]
    : [one(params.MessageSid) ?? one(params.SmsSid), one(params.MessageStatus), MESSAGE];
  if (!sid || !vendorStatus || !Object.hasOwn(table, vendorStatus)) return [];
  const status = table[vendorStatus];
  const errorCode = one(params.ErrorCode);
  // Calls carry `Timestamp` in RFC 2822 ("Tue, 22 Nov 2026 12:35:01 +0000").
  const occurredAt = call ? isoTime(one(params.Timestamp)) : undefined;
  return [
    {
      transactionId: sid,
      status,
      vendorStatus,
      ...(errorCode && errorCode !== '0' ? { errorCode } : {}),
      ...(occurredAt ? { occurredAt } : {}),
    },
  ];
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value || undefined;
}
