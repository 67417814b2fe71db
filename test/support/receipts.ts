import { Gateway } from './gateway';

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
