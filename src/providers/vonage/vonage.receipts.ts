import {
  CallbackAnswer,
  CallbackRequest,
  DeliveryReceipt,
  ReceiptStatus,
} from '../provider-callbacks';
import {
  header,
  jsonObject,
  receiptAnswer,
  REJECTED,
  text,
  own,
} from '../kit/webhooks/callback-params';
import { problemCode } from './vonage.errors';
import { verifyVonageSignedWebhook, verifyVonageSmsSignature } from './vonage.signature';
import { VonageSignatureMethod } from './vonage.types';

/** SMS API receipt `status` (sms.yml `DeliveryReceipt`). */
const SMS_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  accepted: 'sent',
  buffered: 'sent',
  unknown: 'sent',
  delivered: 'delivered',
  expired: 'undelivered',
  failed: 'failed',
  rejected: 'failed',
};

/** Messages API status webhook `status` (messages.yml `messageStatusBase`, plus `read`). */
const MESSAGE_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  submitted: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undeliverable: 'undelivered',
  rejected: 'failed',
};

/** Voice event `status` (voice.yml status filter); an answered call heard the code. */
const CALL_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  started: 'queued',
  ringing: 'sent',
  answered: 'delivered',
  machine: 'delivered',
  completed: 'delivered',
  busy: 'undelivered',
  cancelled: 'undelivered',
  timeout: 'undelivered',
  unanswered: 'undelivered',
  failed: 'failed',
  rejected: 'failed',
};

/**
 * A Vonage callback at `status`: signed webhooks (Messages, Voice) carry a Bearer JWT, SMS API
 * receipts a `sig` parameter. Anything unsigned or wrongly signed is rejected.
 */
export async function vonageCallback(
  request: CallbackRequest,
  secret: string,
  method: VonageSignatureMethod,
): Promise<CallbackAnswer> {
  const authorization = header(request, 'authorization');
  if (authorization !== undefined) {
    const genuine = await verifyVonageSignedWebhook(authorization, request.rawBody, secret);
    return genuine ? receiptAnswer(signedWebhookReceipt(jsonObject(request) ?? {})) : REJECTED;
  }
  const params = receiptParams(request);
  return verifyVonageSmsSignature(params, secret, method)
    ? receiptAnswer(smsReceipt(params))
    : REJECTED;
}

/** An SMS API delivery receipt (`messageId`, `status`, `err-code`). */
export function smsReceipt(params: Readonly<Record<string, string>>): DeliveryReceipt | undefined {
  const status = own(SMS_STATUS, params.status);
  if (!params.messageId || !status) return undefined;
  return {
    transactionId: params.messageId,
    status,
    vendorStatus: params.status,
    errorCode: params['err-code'] && params['err-code'] !== '0' ? params['err-code'] : undefined,
    occurredAt: isoFromVonageTime(params['message-timestamp']),
  };
}

/** A Messages API status (`message_uuid`) or a Voice event (`uuid`). */
export function signedWebhookReceipt(
  body: Readonly<Record<string, unknown>>,
): DeliveryReceipt | undefined {
  const vendorStatus = text(body.status) ?? '';
  const messageId = text(body.message_uuid);
  const callId = text(body.uuid);
  const status = messageId ? own(MESSAGE_STATUS, vendorStatus) : own(CALL_STATUS, vendorStatus);
  const transactionId = messageId ?? callId;
  if (!transactionId || !status) return undefined;
  const error = body.error as { type?: unknown; title?: unknown } | undefined;
  return {
    transactionId,
    status,
    vendorStatus,
    errorCode: errorCodeOf(text(error?.type), text(error?.title)),
    occurredAt: text(body.timestamp),
  };
}

/** Receipt fields from a JSON body or from the form and query, as strings. */
function receiptParams(request: CallbackRequest): Record<string, string> {
  const source = jsonObject(request) ?? request.params;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const scalar = text(value);
    if (scalar !== undefined) params[key] = scalar;
  }
  return params;
}

/** The code of a Messages error: the fragment of its `type` URL, else a numeric `title`. */
function errorCodeOf(type: string | undefined, title: string | undefined): string | undefined {
  return problemCode(type) ?? (title && /^\d+$/.test(title) ? title : undefined);
}

/** `2020-01-01 12:00:00` (UTC) as ISO 8601. */
function isoFromVonageTime(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : undefined;
}
