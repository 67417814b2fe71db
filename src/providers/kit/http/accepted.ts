import { OtpMessage, SendResult } from '../../telephony-provider';

/**
 * What a vendor's 2xx answer means: the message was taken, with the vendor's `id` as the
 * transaction id. Without a readable id it is still sent, never a failure to fail over from (the
 * person may already have the code, and a second vendor would send another): our delivery id
 * stands in, and `withoutVendorId` says why, for the warning and the metric. The message, not its
 * id, is asked for, so that a vendor status in its place does not compile.
 */
export function acceptedWith(
  vendor: string,
  field: string,
  id: string | undefined,
  message: Pick<OtpMessage, 'deliveryId'>,
  vendorStatus?: string,
): SendResult {
  if (id) return { transactionId: id, vendorStatus };
  return sentWithoutId(`${vendor} answered without a ${field}`, message.deliveryId, vendorStatus);
}

/** A 2xx whose id cannot be read: sent, under our delivery id (see {@link acceptedWith}). */
export function sentWithoutId(
  reason: string,
  deliveryId: string,
  vendorStatus?: string,
): SendResult {
  return { transactionId: deliveryId, vendorStatus, withoutVendorId: reason };
}
