import { safeEqual } from '../../common/safe-equal';
import { header, isoTime, param, text } from '../kit/webhooks/callback-params';
import {
  CallbackAnswer,
  CallbackRequest,
  DeliveryReceipt,
  ReceiptStatus,
} from '../provider-callbacks';
import { EventGridEvent, SMS_DELIVERY_REPORT, SUBSCRIPTION_VALIDATION } from './azure-acs.types';

/** `DeliveryStatus` of a delivery report: Delivered or Failed. */
const DELIVERY_STATUS: Readonly<Record<string, ReceiptStatus>> = {
  Delivered: 'delivered',
  Failed: 'undelivered',
};

/** True when the request carries the shared secret: `?token=` in the URL, or `Authorization: Bearer`. */
export function hasCallbackSecret(secret: string, request: CallbackRequest): boolean {
  const token = param(request.params, 'token');
  const bearer = /^Bearer (\S+)$/.exec(header(request, 'authorization') ?? '')?.[1];
  const presented = token ?? bearer;
  return presented !== undefined && safeEqual(presented, secret);
}

/**
 * An authenticated Event Grid delivery: the subscription validation handshake answered with its
 * code, or the SMS delivery reports it carries as receipts (other event types acknowledged).
 */
export function eventGridAnswer(json: unknown): CallbackAnswer {
  const events = (Array.isArray(json) ? json : []) as EventGridEvent[];
  const validation = events.find((e) => e?.eventType === SUBSCRIPTION_VALIDATION);
  const code = text(validation?.data?.validationCode);
  if (code) {
    const body = JSON.stringify({ validationResponse: code });
    return { kind: 'document', document: { contentType: 'application/json', body } };
  }
  const receipts = events.flatMap((e) => {
    const receipt = e?.eventType === SMS_DELIVERY_REPORT ? deliveryReport(e.data ?? {}) : undefined;
    return receipt ? [receipt] : [];
  });
  return { kind: 'receipts', receipts };
}

/** Azure's samples write the data's keys camelCase and PascalCase; either is read. */
function field(data: Record<string, unknown>, name: string): string | undefined {
  return text(data[name]) ?? text(data[name[0].toUpperCase() + name.slice(1)]);
}

function deliveryReport(data: Record<string, unknown>): DeliveryReceipt | undefined {
  const transactionId = field(data, 'messageId');
  const vendorStatus = field(data, 'deliveryStatus');
  if (!transactionId || !vendorStatus || !Object.hasOwn(DELIVERY_STATUS, vendorStatus))
    return undefined;
  const at = field(data, 'receivedTimestamp');
  const occurredAt = isoTime(at);
  return {
    transactionId,
    status: DELIVERY_STATUS[vendorStatus],
    vendorStatus,
    ...(occurredAt ? { occurredAt } : {}),
  };
}
