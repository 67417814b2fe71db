import { CallbackAnswer, CallbackRequest, DeliveryReceipt } from '../../provider-callbacks';
import { singleHeader } from '../../../common/safe-equal';

/** A verified callback the vendor only needs acknowledged (200, empty body). */
export const ACKNOWLEDGED: CallbackAnswer = {
  kind: 'document',
  document: { contentType: 'text/plain', body: '' },
};

/** One header's value; a repeated header counts as absent, so it cannot smuggle a second value. */
export function header(request: CallbackRequest, name: string): string | undefined {
  return singleHeader(request.headers[name.toLowerCase()]);
}

/** `table[key]` when the table itself has that key (never `constructor` & co. from its prototype). */
export function own<T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A form or query parameter as one string; a repeated one counts as absent. */
export function param(params: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** The JSON body as an object, or undefined when it is absent or not an object. */
export function jsonObject(request: CallbackRequest): Record<string, unknown> | undefined {
  const body = request.json;
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/** A JSON value as a string when it is one (numbers are the vendor's way of writing ids too). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** A vendor's timestamp (ISO 8601, RFC 2822...) as ISO 8601, or undefined when it is none. */
export function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The signature is missing or wrong: 403, nothing recorded. */
export const REJECTED: CallbackAnswer = { kind: 'rejected' };

/** A verified receipt, or a plain acknowledgement when the callback reports nothing we track. */
export function receiptAnswer(receipt: DeliveryReceipt | undefined): CallbackAnswer {
  return receipt ? { kind: 'receipts', receipts: [receipt] } : ACKNOWLEDGED;
}
