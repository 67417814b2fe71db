import {
  CallbackPost,
  CallbackUrl,
  ContractFake,
  VendorContract,
  VendorUnderTest,
} from './vendor-contract.types';
import { PUBLIC_URL } from './vendor-contract.start';
import { receiptLines, receiptLog } from './vendor-e2e';

/**
 * Receipts, where the vendor sends them: one signed the way the vendor signs it is recorded and
 * logged; each forged one is refused 403 and leaves nothing in the log.
 */
export function receiptTests<F extends ContractFake>(
  contract: VendorContract<F>,
  vendor: VendorUnderTest<F>,
): void {
  const receipts = contract.receipts;
  if (!receipts) return;
  it('should record a receipt signed the way the vendor signs it, and log it', async () => {
    await post(vendor, receipts.signed(callbackUrl(contract, vendor))).expect(200);

    expect(receiptLog(vendor.gateway, receipts.transactionId)).toMatchObject({
      provider: contract.ids[0],
      ...receipts.logged,
    });
  });

  it.each(receipts.refused)(
    'should answer 403 to a receipt with %s, and record nothing',
    async (_name, forged) => {
      const before = vendor.gateway.logs.lines.length;
      const callback = forged(callbackUrl(contract, vendor));

      const res = await post(vendor, callback).expect(403);

      expect(res.body).toEqual({
        error: { errorSummary: 'Request signature is not valid', errorCauses: [] },
      });
      expect(receiptLines(vendor.gateway, before)).toEqual([]);
      if (callback.transactionId) {
        const written = vendor.gateway.logs.lines.slice(before).join('\n');
        expect(written).not.toContain(callback.transactionId);
      }
    },
  );
}

/** The status callback URL of a provider, as the vendor knows it (the public URL, if any). */
function callbackUrl<F extends ContractFake>(
  contract: VendorContract<F>,
  vendor: VendorUnderTest<F>,
): CallbackUrl {
  const base = contract.gateway?.publicUrl ? PUBLIC_URL : vendor.gateway.url;
  return (providerId) => `${base}/callbacks/${providerId}/status`;
}

function post(vendor: VendorUnderTest, callback: CallbackPost) {
  const url = new URL(callback.url);
  let request = vendor.gateway.http().post(url.pathname + url.search);
  if (callback.headers) request = request.set(callback.headers);
  if (callback.type) request = request.type(callback.type);
  return request.send(callback.body);
}
