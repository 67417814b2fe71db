import { DeliveryReceipt } from '../providers/provider-callbacks';

/** A vendor's id: one token of letters, digits and `._:-`, not digits alone. */
const WORD = /^(?!\d+$)[A-Za-z0-9._:-]{1,100}$/;
/** A vendor status: a word, or a status code of at most five digits (Telesign's 200). */
const STATUS = /^(?:(?!\d+$)[A-Za-z0-9._:-]{1,100}|\d{1,5})$/;
/** A vendor error code: a word, or a number of at most five digits (Twilio's 30003). */
const ERROR_CODE = /^(?:(?!\d+$)[A-Za-z0-9._:-]{1,64}|\d{1,5})$/;
/** A timestamp as vendors write them (ISO 8601, RFC 1123): no free text. */
const TIMESTAMP = /^[0-9A-Za-z:.+\-, ]{1,40}$/;

/**
 * A receipt as it may be recorded and logged: the vendor's free text kept only where it has the
 * shape vendors document (a status word, an error code, a timestamp), so that nothing a callback
 * carries (a phone number, a code) reaches a record or a log line in another field's guise.
 */
export function cleanReceipt(receipt: DeliveryReceipt): DeliveryReceipt {
  const { errorCode, occurredAt, ...rest } = receipt;
  return {
    ...rest,
    vendorStatus: STATUS.test(receipt.vendorStatus) ? receipt.vendorStatus : 'unrecognised',
    ...(errorCode !== undefined && ERROR_CODE.test(errorCode) ? { errorCode } : {}),
    ...(occurredAt !== undefined && isTimestamp(occurredAt) ? { occurredAt } : {}),
  };
}

/**
 * The fields of a receipt's log line. For a message the gateway never sent (`unknown`) the id is
 * only what the callback said: it is named only when it has the shape of a vendor id.
 */
export function receiptLogFields(
  receipt: DeliveryReceipt,
  result: string,
): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...receipt, result };
  if (result === 'unknown' && !WORD.test(receipt.transactionId)) delete fields.transactionId;
  return fields;
}

function isTimestamp(value: string): boolean {
  return TIMESTAMP.test(value) && Number.isFinite(Date.parse(value));
}
