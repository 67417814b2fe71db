import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { isoTime, own, text } from '../kit/webhooks/callback-params';
import { telesignCodes } from './telesign.errors';
import { TelesignTransaction } from './telesign.types';

/**
 * Status codes of SMS (2xx, 5xx) and voice (1xx) transactions, in our order of a message's
 * life (Telesign, "All status and error codes"; SMS callbacks; voice status). Codes Telesign
 * marks as not final and 599 "status not available" say nothing new and are not receipts.
 */
const STATUS: Readonly<Record<string, ReceiptStatus>> = {
  290: 'queued', // message in progress
  292: 'queued', // queued by gateway
  203: 'sent', // delivered to gateway
  295: 'sent', // status delayed
  250: 'sent', // final status unknown
  251: 'sent', // sent out, no delivery receipt within 12 hours
  200: 'delivered', // delivered to handset
  201: 'delivered', // read
  207: 'undelivered',
  210: 'undelivered', // temporary phone error
  211: 'undelivered', // permanent phone error
  220: 'undelivered', // network cannot route
  221: 'undelivered', // expired before delivery
  222: 'undelivered', // SMS not supported
  503: 'undelivered', // carrier: temporary problem
  505: 'undelivered', // gateway: temporary error
  514: 'undelivered', // subscriber absent
  229: 'failed', // blocked by your request
  230: 'failed', // blocked by Telesign
  231: 'failed', // invalid/unsupported content
  233: 'failed', // blocked: high risk score
  237: 'failed', // blocked in requested country
  238: 'failed', // blocked by prefix
  502: 'failed',
  504: 'failed', // carrier: permanent error
  506: 'failed',
  507: 'failed', // invalid destination address
  508: 'failed',
  509: 'failed',
  510: 'failed', // blocked by the subscriber
  511: 'failed',
  512: 'failed',
  513: 'failed',
  515: 'failed', // suspected spam
  520: 'failed',
  521: 'failed',
  105: 'queued', // call not handled yet
  103: 'sent', // call in progress
  100: 'delivered', // call answered (by the person or voicemail)
  101: 'undelivered', // not answered
  107: 'undelivered', // line busy
  104: 'failed', // wrong/invalid phone
  106: 'failed', // call failed
  108: 'failed', // canceled by Telesign
  129: 'failed', // blocked by your request
  130: 'failed', // blocked by Telesign
  500: 'failed', // transaction not attempted
};

/**
 * The receipt in a Telesign transaction callback (`reference_id`, `status.code`,
 * `status.updated_on`); none when the body names no transaction or a status we do not track.
 */
export function telesignReceipt(json: unknown): DeliveryReceipt | undefined {
  const body = json as TelesignTransaction | null | undefined;
  const transactionId = text(body?.reference_id);
  const vendorStatus = telesignCodes(body ?? undefined)[0];
  const status = own(STATUS, vendorStatus);
  if (!transactionId || !vendorStatus || !status) return undefined;
  const failed = status === 'undelivered' || status === 'failed';
  const occurredAt = isoTime(body?.status?.updated_on);
  return {
    transactionId,
    status,
    vendorStatus,
    ...(failed ? { errorCode: vendorStatus } : {}),
    ...(occurredAt ? { occurredAt } : {}),
  };
}
