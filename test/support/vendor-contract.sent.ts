import { Gateway } from './gateway';
import { metric } from './metrics';
import { hookRequest } from './okta';
import { ContractFake, VendorContract, VendorUnderTest } from './vendor-contract.types';

/**
 * A 2xx without an id the gateway can read (issue 23), for each of the vendor's cases: Okta gets
 * SUCCESSFUL under the delivery id, and the backup is never tried (the person may have the code).
 */
export function sentWithoutIdTests<F extends ContractFake>(
  contract: VendorContract<F>,
  vendor: VendorUnderTest<F>,
): void {
  const cases = contract.withoutVendorId.map(
    ([name, answer, reason, options = {}]) => [name, answer, reason, options] as const,
  );
  it.each(cases)(
    'should count %s as sent, under the delivery id, and never fail over',
    async (_name, answer, reason, options) => {
      vendor.primary.script(answer);

      await expectSentWithoutVendorId(
        vendor.gateway,
        hookRequest(options.hook),
        options.provider ?? contract.ids[0],
        reason,
        vendor.backup.server,
      );
    },
  );
}

/**
 * Sends one OTP while `provider` answers 2xx without an id the gateway can read: Okta gets
 * SUCCESSFUL from `provider` with the delivery id as transaction id, the next provider is never
 * tried, and a warning line and `otg_delivery_sent_without_vendor_id_total` say why.
 */
async function expectSentWithoutVendorId(
  gateway: Gateway,
  hookBody: Record<string, unknown>,
  provider: string,
  reason: string,
  untouched: { readonly requests: readonly unknown[] },
): Promise<void> {
  const counted = () => metric(gateway, 'otg_delivery_sent_without_vendor_id_total', { provider });
  const before = await counted();
  const tried = untouched.requests.length;
  const firstLine = gateway.logs.lines.length;

  const res = await gateway.hook(hookBody).expect(200);

  const value = (res.body as { commands: { value: Record<string, string>[] }[] }).commands[0]
    .value[0];
  expect(value).toMatchObject({ status: 'SUCCESSFUL', provider });
  expect(value.transactionMetadata).toMatch(new RegExp(`attempts=${provider}:sent\\(\\d+ms\\)$`));
  const lines = gateway.logs.entries().slice(firstLine);
  expect(lines.filter((e) => e.level === 40)).toEqual([
    expect.objectContaining({
      provider,
      reason,
      msg: 'vendor accepted the message without an id we can read; sent, under the delivery id',
    }),
  ]);
  expect(lines.find((e) => e.msg === 'delivery sent')).toMatchObject({
    deliveryId: value.transactionId,
    transactionId: value.transactionId,
  });
  expect(untouched.requests).toHaveLength(tried);
  expect(await counted()).toBe(before + 1);
}
