/** Okta stops waiting for a telephony hook after 3 seconds (okta-contract.md §6). */
export const OKTA_TIMEOUT_MS = 3000;

/**
 * What Okta makes of a telephony hook's answer: `sent` and `pending` end the flow, `failed`
 * shows the person an error, `fallback` makes Okta send the code through its own (rate-limited)
 * providers, possibly a second message.
 */
export type OktaOutcome = 'sent' | 'pending' | 'failed' | 'fallback';

export interface HookVerdict {
  readonly outcome: OktaOutcome;
  /** One sentence: what Okta does with this answer. */
  readonly summary: string;
  readonly status?: string;
  readonly provider?: string;
  readonly transactionId?: string;
  readonly transactionMetadata?: string;
  readonly errorSummary?: string;
  readonly errorCauses?: readonly string[];
}

type Json = Record<string, unknown>;

/** Reads an answer the way Okta does (okta-contract.md §2): status, time, `error`, `commands`. */
export function judgeAnswer(httpStatus: number, durationMs: number, body: unknown): HookVerdict {
  if (httpStatus === 401) {
    return fallback(
      'HTTP 401: the gateway refused the hook credentials; Okta would send the code through its own providers.',
    );
  }
  if (httpStatus !== 200) {
    return fallback(`HTTP ${httpStatus}: Okta would send the code through its own providers.`);
  }
  if (durationMs > OKTA_TIMEOUT_MS) {
    return fallback(
      `Too slow (over ${OKTA_TIMEOUT_MS} ms): Okta would have given up and sent the code itself.`,
    );
  }
  return judgeBody(body);
}

/** The body alone, for an answer Okta already accepted as a well-formed 200 (execute). */
export function judgeBody(body: unknown): HookVerdict {
  const answer = asObject(body);
  const error = asObject(answer.error);
  if (answer.error !== undefined) {
    return {
      ...fallback('Error object: Okta would retry through its own providers.'),
      errorSummary: text(error.errorSummary),
      errorCauses: causes(error.errorCauses),
    };
  }
  const command = asObject(asArray(answer.commands)[0]);
  const value = asObject(asArray(command.value)[0]);
  const status = text(value.status);
  const detail = {
    status,
    provider: text(value.provider),
    transactionId: text(value.transactionId),
    transactionMetadata: text(value.transactionMetadata),
  };
  if (command.type !== 'com.okta.telephony.action' || !status) {
    return fallback('Malformed answer: Okta would send the code through its own providers.');
  }
  switch (status) {
    case 'SUCCESSFUL':
      return { outcome: 'sent', summary: 'Okta accepts it: the code was sent.', ...detail };
    case 'PENDING':
      return {
        outcome: 'pending',
        summary: 'Okta accepts it: delivery not confirmed yet.',
        ...detail,
      };
    case 'FAILED':
      return {
        outcome: 'failed',
        summary: 'Okta shows the person that sending failed.',
        ...detail,
      };
    default:
      return fallback(`Unknown status ${status}: Okta would not accept this answer.`);
  }
}

/** Whether the check passed: Okta took the answer and the code went out (or is on its way). */
export function delivered(verdict: HookVerdict): boolean {
  return verdict.outcome === 'sent' || verdict.outcome === 'pending';
}

/** `label  value` rows of a verdict, for text output. */
export function verdictRows(verdict: HookVerdict): [string, string][] {
  const rows: [string, string | undefined][] = [
    ['status', verdict.status],
    ['provider', verdict.provider],
    ['transactionId', verdict.transactionId],
    ['metadata', verdict.transactionMetadata],
    ['error', verdict.errorSummary],
    ...(verdict.errorCauses ?? []).map((c): [string, string] => ['cause', c]),
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined);
}

function fallback(summary: string): HookVerdict {
  return { outcome: 'fallback', summary };
}

function causes(value: unknown): string[] {
  return asArray(value)
    .map((c) => text(asObject(c).errorSummary) ?? text(asObject(c).reason))
    .filter((c): c is string => c !== undefined);
}

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
