import { httpFailure, parseJson } from '../kit/http/classify-status';
import { VendorResponse } from '../kit/http/vendor-http.client';
import { sentWithoutId } from '../kit/http/accepted';
import { SendResult } from '../telephony-provider';
import { GenericHttpResponseConfig } from './generic-http.config';
import { DESCRIPTION } from './generic-http.errors';

/** The value at a dot path (`messages.0.id`); digits index arrays. Own properties only. */
export function valueAt(json: unknown, path: string): unknown {
  let at: unknown = json;
  for (const key of path.split('.')) {
    if (Array.isArray(at) && /^\d+$/.test(key)) at = at[Number(key)];
    else if (at !== null && typeof at === 'object' && Object.hasOwn(at, key)) {
      at = (at as Record<string, unknown>)[key];
    } else return undefined;
  }
  return at;
}

/**
 * What a success status means: a failure when `failWhen` matches, else the message id at
 * `messageIdPath`, else our delivery id (no path configured; or none found there, which is
 * still sent: see sentWithoutId).
 */
export function readAccepted(
  response: VendorResponse,
  config: GenericHttpResponseConfig,
  deliveryId: string,
): SendResult {
  const json = parseJson(response.body);
  const { failWhen, messageIdPath } = config;
  if (failWhen) {
    const value = valueAt(json, failWhen.path);
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    if (text !== undefined && failWhen.values.includes(text)) {
      throw httpFailure(response, failWhen.code, DESCRIPTION[failWhen.code], text);
    }
  }
  if (!messageIdPath) return { transactionId: deliveryId };
  const id = valueAt(json, messageIdPath);
  if ((typeof id === 'string' && id !== '') || typeof id === 'number') {
    return { transactionId: String(id) };
  }
  return sentWithoutId(
    `HTTP vendor answered ${response.status} without a message id at response.messageIdPath`,
    deliveryId,
  );
}
