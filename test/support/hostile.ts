import fc from 'fast-check';
import { KEY_VALUE_STORE } from '../../src/store/key-value-store';
import { MemoryStore } from '../../src/store/memory.store';
import { Gateway } from './gateway';

/**
 * Generators of hostile requests and the invariants every answer must keep (issue 23), shared by
 * the property specs of each route.
 */

/** A code and a number planted in generated requests: no answer or log line may repeat them. */
export const PLANTED_CODE = '86420917';
export const PLANTED_PHONE = '+14155550123';

/** A request as light-my-request takes it. */
export interface HostileRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'PATCH';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
}

/** Arrays and objects nested up to `max` levels, in any mix, around a planted value. */
export function nestedJson(max = 3000): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 1, max }), fc.boolean(), fc.constantFrom(PLANTED_CODE, PLANTED_PHONE))
    .map(([depth, objects, planted]) => {
      const open = objects ? '{"k":' : '[';
      const close = objects ? '}' : ']';
      return `${open.repeat(depth)}"${planted}"${close.repeat(depth)}`;
    });
}

/** Text that is almost JSON: one character of a JSON text dropped, doubled or replaced. */
export const mangledJson: fc.Arbitrary<string> = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom('drop', 'double', 'replace'),
    fc.string({ minLength: 1, maxLength: 1 }),
  )
  .map(([text, at, how, other]) => {
    const i = at % Math.max(text.length, 1);
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'double') return text.slice(0, i + 1) + text.slice(i);
    return text.slice(0, i) + other + text.slice(i + 1);
  });

/** Strings with the planted code or number in them, and anything else. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.constantFrom(PLANTED_CODE, PLANTED_PHONE, `code ${PLANTED_CODE}`, '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Any body: JSON of every shape and depth, near misses, forms, garbage. */
export const hostileBody: fc.Arbitrary<string> = fc.oneof(
  fc.json(),
  nestedJson(),
  mangledJson,
  fc.dictionary(hostileString, hostileString).map((d) => new URLSearchParams(d).toString()),
  hostileString,
  fc
    .jsonValue()
    .map((v) => JSON.stringify({ data: { v, phoneNumber: PLANTED_PHONE }, eventId: 'e1' })),
);

/** The media types the service reads, in any letter case and with or without parameters. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  fc
    .tuple(
      fc.mixedCase(fc.constantFrom('application/json', 'application/x-www-form-urlencoded')),
      fc.constantFrom('', '; charset=utf-8', ';charset=UTF-8', '; charset="utf-8"', ';'),
      fc.constantFrom('', ' ', '  '),
    )
    .map(([type, parameters, pad]) => `${pad}${type}${parameters}`),
  fc.constantFrom(
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/json garbage',
    'application/*',
    '',
    undefined,
  ),
);

/** A path segment: short, around the router's 100-character limit, encoded, or odd. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  fc.integer({ min: 90, max: 130 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%00',
    '%E0%A4%A',
    '%ZZ',
    PLANTED_PHONE,
    PLANTED_CODE,
    '__proto__',
  ),
);

export const method: fc.Arbitrary<HostileRequest['method']> = fc.constantFrom(
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'PATCH',
);

/** Headers a client may add, from a fixed set of names (their values are the hostile part). */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('x-request-id', 'accept', 'user-agent', 'x-forwarded-for', 'authorization'),
  fc.string({ maxLength: 200 }).filter((value) => /^[\x20-\x7e]*$/.test(value)),
  { maxKeys: 3 },
);

/**
 * Sends a request and checks what every answer must be: no 5xx, an answer before `deadlineMs`,
 * and no secret, planted code or planted number in it. Returns the status.
 */
export async function sendHostile(
  gateway: Gateway,
  request: HostileRequest,
  secrets: readonly string[],
  deadlineMs = 2000,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const res = await Promise.race([gateway.app.inject(request), late]);
    expect(res.statusCode).toBeLessThan(500);
    for (const word of [...secrets, PLANTED_CODE, PLANTED_PHONE.slice(2)]) {
      expect(res.body).not.toContain(word);
    }
    return res.statusCode;
  } finally {
    clearTimeout(timer);
  }
}

/** No log line so far holds a secret, the planted code or the planted number. */
export function expectCleanLogs(gateway: Gateway, secrets: readonly string[]): void {
  const logs = gateway.logs.lines.join('\n');
  for (const word of [...secrets, PLANTED_CODE, PLANTED_PHONE.slice(2)]) {
    expect(logs).not.toContain(word);
  }
}

/** How many answers had each status, for a readable failure and the spec's own assertions. */
export class StatusTally {
  readonly counts = new Map<number, number>();

  add(status: number): void {
    this.counts.set(status, (this.counts.get(status) ?? 0) + 1);
  }

  statuses(): number[] {
    return [...this.counts.keys()].sort();
  }
}

/** Metrics that count what the service did (events, receipts, sends, protection), not requests. */
const DOMAIN_METRICS =
  /^otg_(okta_|otp_|delivery_(receipts|final_status|attempts|sent_without)|protection_decisions)/;

/**
 * What an invalid request must not change: the entries in the (memory) store and every sample
 * of the metrics that count what the service did.
 */
export async function domainState(
  gateway: Gateway,
): Promise<{ entries: number; samples: string[] }> {
  const store = gateway.app.get<symbol, MemoryStore>(KEY_VALUE_STORE);
  const text = (await gateway.app.inject({ method: 'GET', url: '/metrics' })).body;
  return {
    entries: store.size,
    samples: text.split('\n').filter((line) => DOMAIN_METRICS.test(line)),
  };
}

/** Okta's error body with `summary` and one `body` cause per reason, as the service answers. */
export function oktaError(summary: string, ...reasons: string[]) {
  return {
    error: {
      errorSummary: summary,
      errorCauses: reasons.map((reason) => ({
        errorSummary: `body: ${reason}`,
        reason,
        locationType: 'body',
        location: 'body',
      })),
    },
  };
}
