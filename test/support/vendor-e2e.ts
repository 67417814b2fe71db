import { FakeServer } from './fake-server';
import { Gateway } from './gateway';

/** Hook deadline of the failover specs: a 1000 ms attempt plus a second provider fit in it. */
export const FAILOVER_DEADLINE_MS = 1500;

/**
 * How many more requests the fake saw abandoned (connection closed before an answer) than
 * `before`, once the first one is seen or after about a second: an event awaited, not a time.
 */
export async function abandonedSince(server: FakeServer, before: number): Promise<number> {
  for (let i = 0; i < 100 && server.abandoned === before; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  return server.abandoned - before;
}

/** Closes the gateway, then the fakes. */
export async function closeAll(
  gateway: Gateway,
  ...fakes: { close(): Promise<void> }[]
): Promise<void> {
  await gateway.close();
  await Promise.all(fakes.map((fake) => fake.close()));
}

/**
 * Okta's answer says `second` sent the message after `first` failed with `outcome`, for a reason
 * that names the vendor as `vendor` (`Twilio failed (HTTP 500, code 20500)`).
 */
export function expectFailedOver(
  body: unknown,
  [first, second]: readonly [string, string],
  outcome: string,
  vendor: string,
): void {
  const value = (body as { commands: { value: Record<string, unknown>[] }[] }).commands[0].value[0];
  expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: second });
  expect(value.transactionMetadata).toMatch(
    new RegExp(
      `attempts=${first}:${outcome}\\(\\d+ms: ${escape(vendor)} .+\\),${second}:sent\\(\\d+ms\\)$`,
    ),
  );
}

/** `text` as a regular expression that matches it literally. */
export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

/** The `delivery receipt` log lines written since line `from`. */
export function receiptLines(gateway: Gateway, from = 0): Record<string, unknown>[] {
  return gateway.logs
    .entries()
    .slice(from)
    .filter((entry) => entry.msg === 'delivery receipt');
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
