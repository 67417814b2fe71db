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
      reason: expect.stringMatching(new RegExp(`^${outcome} after \\d+ ms: ${escaped}$`)),
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
