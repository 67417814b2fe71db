import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { isoTime, own, text } from '../kit/webhooks/callback-params';
import { EightByEightWebhook } from './8x8.types';

/** SMS `status.state` (message-status-references). */
const SMS_STATE: Readonly<Record<string, ReceiptStatus>> = {
  queued: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  rejected: 'failed',
};

/** Voice Messaging `sessionStatus` (session-status): a completed call is a code read out. */
const SESSION_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  COMPLETED: 'delivered',
  NO_ANSWER: 'undelivered',
  BUSY: 'undelivered',
  CANCELED: 'failed',
  FAILED: 'failed',
  ERROR: 'failed',
};

/**
 * The receipt in an 8x8 webhook: an SMS delivery receipt (`SMS` /
 * `outbound_message_status_changed`: `umid`, `status.state`, `status.errorCode`) or a voice
 * session summary (`VOICE` / `SESSION_SUMMARY`: `sessionId`, `sessionStatus`,
 * `errorDetails.errorCode`). None for other webhooks or states.
 */
export function eightByEightReceipt(json: unknown): DeliveryReceipt | undefined {
  const hook = (json ?? {}) as EightByEightWebhook;
  const payload = hook.payload ?? {};
  if (hook.namespace === 'SMS' && hook.eventType === 'outbound_message_status_changed') {
    const status = (payload.status ?? {}) as Record<string, unknown>;
    return receipt(
      text(payload.umid),
      SMS_STATE,
      text(status.state),
      status.errorCode,
      status.timestamp,
    );
  }
  if (hook.namespace === 'VOICE' && hook.eventType === 'SESSION_SUMMARY') {
    const error = (payload.errorDetails ?? {}) as Record<string, unknown>;
    const state = text(payload.sessionStatus);
    return receipt(
      text(payload.sessionId),
      SESSION_STATUS,
      state,
      error.errorCode,
      payload.endTime,
    );
  }
  return undefined;
}

function receipt(
  transactionId: string | undefined,
  table: Readonly<Record<string, ReceiptStatus>>,
  vendorStatus: string | undefined,
  errorCode: unknown,
  at: unknown,
): DeliveryReceipt | undefined {
  const status = own(table, vendorStatus);
  if (!transactionId || !vendorStatus || !status) return undefined;
  const code = text(errorCode);
  const occurredAt = isoTime(at);
  return {
    transactionId,
    status,
    vendorStatus,
    ...(code && status !== 'delivered' ? { errorCode: code } : {}),
    ...(occurredAt ? { occurredAt } : {}),
  };
}
