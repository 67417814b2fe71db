import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { param, own } from '../kit/webhooks/callback-params';

/** Message status callback `Status` (vendors.md §4.4). */
const MESSAGE_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  queued: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

/** Hangup callback `CallStatus`. */
const CALL_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  completed: 'delivered',
  busy: 'undelivered',
  'no-answer': 'undelivered',
  timeout: 'undelivered',
  cancel: 'undelivered',
  failed: 'failed',
};

/**
 * A message status callback (`MessageUUID`, `Status`, `ErrorCode`) or a call's hangup callback
 * (`RequestUUID` — the id Okta got — else `CallUUID`, `CallStatus`, `HangupCause`).
 */
export function plivoReceipt(
  params: Readonly<Record<string, unknown>>,
): DeliveryReceipt | undefined {
  const messageId = param(params, 'MessageUUID');
  if (messageId) {
    const vendorStatus = param(params, 'Status') ?? '';
    const errorCode = param(params, 'ErrorCode');
    return receipt(messageId, own(MESSAGE_STATUS, vendorStatus), vendorStatus, errorCode);
  }
  const callId = param(params, 'RequestUUID') ?? param(params, 'CallUUID');
  const vendorStatus = param(params, 'CallStatus') ?? '';
  const status = own(CALL_STATUS, vendorStatus);
  const cause = status === 'delivered' ? undefined : param(params, 'HangupCause');
  return receipt(callId, status, vendorStatus, cause);
}

function receipt(
  transactionId: string | undefined,
  status: ReceiptStatus | undefined,
  vendorStatus: string,
  errorCode: string | undefined,
): DeliveryReceipt | undefined {
  if (!transactionId || !status) return undefined;
  const code = errorCode && !/^0*$/.test(errorCode) ? errorCode : undefined;
  return { transactionId, status, vendorStatus, errorCode: code };
}
