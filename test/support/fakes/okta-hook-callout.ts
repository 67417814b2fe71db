import { randomBytes } from 'node:crypto';

/** What Okta documents for its calls to a hook: 3 seconds, then one retry (verify and execute). */
const TIMEOUT_MS = 3000;
const ATTEMPTS = 2;

export interface CalloutAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** The auth header and extra headers of a hook's channel, as Okta sends them. */
export function channelHeaders(config: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of (config.headers as { key?: string; value?: string }[] | undefined) ?? []) {
    if (h.key && h.value !== undefined) headers[h.key] = h.value;
  }
  const scheme = config.authScheme as { key?: string; value?: string } | null | undefined;
  if (scheme?.key && scheme.value !== undefined) headers[scheme.key] = scheme.value;
  return headers;
}

/**
 * One call of Okta to a hook: a timeout or an answer that is not 2xx gets one retry. Resolves
 * with the last answer, or a reason when there was none.
 */
export async function callHook(
  uri: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
): Promise<CalloutAnswer | { failed: string }> {
  let last: CalloutAnswer | { failed: string } = { failed: 'not called' };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const response = await fetch(uri, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      last = {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: await response.text(),
      };
      if (response.status >= 200 && response.status < 300) return last;
    } catch (error) {
      last = {
        failed:
          error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable',
      };
    }
  }
  return last;
}

/**
 * Okta's one-time verification of an event hook (okta-contract.md §4.1): GET with
 * `x-okta-verification-challenge` and the hook's auth header; the answer must be
 * `{"verification": <the challenge>}` as JSON. Resolves with the reason it failed, if it did.
 */
export async function verifyChallenge(
  uri: string,
  headers: Record<string, string>,
): Promise<string | undefined> {
  const challenge = randomBytes(24).toString('base64url');
  const answer = await callHook(uri, {
    method: 'GET',
    headers: { ...headers, 'x-okta-verification-challenge': challenge, accept: 'application/json' },
  });
  if ('failed' in answer) return `the endpoint ${answer.failed}`;
  if (answer.status !== 200) return `the endpoint answered HTTP ${answer.status}`;
  if (!answer.contentType.includes('application/json')) return 'the answer is not JSON';
  const body = JSON.parse(answer.body) as unknown;
  const expected = JSON.stringify({ verification: challenge });
  return JSON.stringify(body) === expected ? undefined : 'the answer does not echo the challenge';
}
