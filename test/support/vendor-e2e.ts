import { metric } from './metrics';
import { Gateway } from './gateway';

/** Closes the gateway, then the fakes. */
export async function closeAll(
  gateway: Gateway,
  ...fakes: { close(): Promise<void> }[]
): Promise<void> {
  await gateway.close();
  await Promise.all(fakes.map((fake) => fake.close()));
}

/** Okta's answer says `second` sent the message after `first` failed with `outcome`. */
export function expectFailedOver(
  body: unknown,
  first: string,
  second: string,
  outcome: string,
): void {
  const value = (body as { commands: { value: Record<string, unknown>[] }[] }).commands[0].value[0];
  expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: second });
  expect(value.transactionMetadata).toMatch(
    new RegExp(`attempts=${first}:${outcome}\\(\\d+ms: .+\\),${second}:sent\\(\\d+ms\\)$`),
  );
}

/** Okta got its error object: `provider` failed with `outcome` and `reason`, and nothing was failed over. */
export function expectNotFailedOver(
  body: unknown,
  provider: string,
  outcome: string,
  reason: string,
): void {
  const escaped = reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect((body as { error: { errorCauses: unknown[] } }).error.errorCauses).toEqual([
    expect.objectContaining({
      location: provider,
      reason: expect.stringMatching(new RegExp(`^${provider}:${outcome}\\(\\d+ms: ${escaped}\\)$`)),
    }),
    expect.objectContaining({
      location: 'delivery',
      reason: `${provider} refused the recipient (${outcome}); not failed over`,
    }),
  ]);
}

/** The `delivery receipt` log line the gateway wrote for a transaction id (the ReceiptSink logs them). */
export function receiptLog(
  gateway: Gateway,
  transactionId: string,
): Record<string, unknown> | undefined {
  return gateway.logs
    .entries()
    .find((entry) => entry.msg === 'delivery receipt' && entry.transactionId === transactionId);
}

/** The bytes of a base64url sealed token, to show that a call script does not travel in clear. */
export function sealedBytes(token: string): string {
  return Buffer.from(token, 'base64url').toString('latin1');
}

/** Fails when any log line so far holds one of these (texts, spoken codes, numbers, secrets the tests used). */
export function expectNothingSecretLogged(gateway: Gateway, secrets: readonly string[]): void {
  const logs = gateway.logs.lines.join('\n');
  for (const secret of secrets) expect(logs).not.toContain(secret);
}

/**
 * Sends one OTP while `provider` answers 2xx without an id the gateway can read (issue 23):
 * Okta gets SUCCESSFUL from `provider` with the delivery id as transaction id, the next provider
 * is never tried, and a warning line and `otg_delivery_sent_without_vendor_id_total` say why.
 */
export async function expectSentWithoutVendorId(
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
