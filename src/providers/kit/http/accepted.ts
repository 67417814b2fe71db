import { ProviderError, ProviderErrorCode } from '../../provider-error';
import { SendResult } from '../../telephony-provider';

/** The vendor's id as a SendResult; a 2xx answer without it is a vendor hiccup (transient). */
export function acceptedWith(
  vendor: string,
  field: string,
  id: string | undefined,
  vendorStatus?: string,
): SendResult {
  if (!id)
    throw new ProviderError(ProviderErrorCode.Transient, `${vendor} answered without a ${field}`);
  return { transactionId: id, vendorStatus };
}
