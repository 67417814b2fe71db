import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { param, text, own } from '../kit/webhooks/callback-params';
import { TelnyxEvent } from './telnyx.types';

/** `payload.to[].status` of message.sent / message.finalized. */
const MESSAGE_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivery_unconfirmed: 'sent',
  delivered: 'delivered',
  delivery_failed: 'undelivered',
  expired: 'undelivered',
  sending_failed: 'failed',
};

/** `payload.hangup_cause` of call.hangup (spec3.yml callHangup). */
const HANGUP_CAUSE: Readonly<Record<string, ReceiptStatus>> = {
  normal_clearing: 'delivered',
  time_limit: 'delivered',
  timeout: 'undelivered',
  no_answer: 'undelivered',
  user_busy: 'undelivered',
  originator_cancel: 'undelivered',
  call_rejected: 'failed',
  not_found: 'failed',
  unspecified: 'failed',
};

/** TeXML status callback `CallStatus` (Twilio-compatible values). */
const TEXML_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  queued: 'queued',
  initiated: 'queued',
  ringing: 'sent',
  'in-progress': 'delivered',
  completed: 'delivered',
  busy: 'undelivered',
  'no-answer': 'undelivered',
  canceled: 'undelivered',
  failed: 'failed',
};

/** message.sent / message.finalized: the message id Okta got and the recipient's status. */
export function messageReceipt(event: TelnyxEvent): DeliveryReceipt | undefined {
  const payload = event.payload ?? {};
  const recipients = payload.to as { status?: unknown }[] | undefined;
  const vendorStatus = text(recipients?.[0]?.status) ?? '';
  const errors = payload.errors as { code?: unknown }[] | undefined;
  return receipt(text(payload.id), own(MESSAGE_STATUS, vendorStatus), vendorStatus, {
    errorCode: text(errors?.[0]?.code),
    occurredAt: event.occurred_at,
  });
}

/** call.hangup of a Call Control call: its `call_control_id` is what Okta got. */
export function hangupReceipt(event: TelnyxEvent): DeliveryReceipt | undefined {
  const payload = event.payload ?? {};
  const cause = text(payload.hangup_cause) ?? '';
  const status = own(HANGUP_CAUSE, cause);
  return receipt(text(payload.call_control_id), status, cause, {
    errorCode: status === 'delivered' ? undefined : text(payload.sip_hangup_cause),
    occurredAt: event.occurred_at,
  });
}

/** A TeXML status callback; `ref` is our delivery id, put in the callback URL (TeXML answers no call id). */
export function texmlReceipt(
  params: Readonly<Record<string, unknown>>,
  ref: string | undefined,
): DeliveryReceipt | undefined {
  const vendorStatus = param(params, 'CallStatus') ?? '';
  return receipt(ref, own(TEXML_STATUS, vendorStatus), vendorStatus, {
    errorCode: param(params, 'SipResponseCode'),
    occurredAt: param(params, 'Timestamp'),
  });
}

function receipt(
  transactionId: string | undefined,
  status: ReceiptStatus | undefined,
  vendorStatus: string,
  extra: Pick<DeliveryReceipt, 'errorCode' | 'occurredAt'>,
): DeliveryReceipt | undefined {
  return transactionId && status ? { transactionId, status, vendorStatus, ...extra } : undefined;
}
