import { randomBytes } from 'node:crypto';
import { FakeResponse } from '../fake-server';

export type Json = Record<string, unknown>;

/** A hook as the fake org keeps it: with its secret, which it never returns. */
export interface StoredHook extends Json {
  id: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  channel: { type: string; version: string; config: Json };
}

export interface StoredInlineHook extends StoredHook {
  type: string;
}

export interface StoredEventHook extends StoredHook {
  verificationStatus: 'UNVERIFIED' | 'VERIFIED';
  events: { type: string; items: string[] };
}

/** A hook as Okta returns it: `authScheme` without its value, no client secret. */
export function hookView(hook: StoredHook): Json {
  const config = { ...hook.channel.config };
  delete config.clientSecret;
  const scheme = config.authScheme as Json | null | undefined;
  if (scheme) config.authScheme = { type: scheme.type, key: scheme.key };
  return { ...hook, channel: { ...hook.channel, config } };
}

/** `created` once, `lastUpdated` now. */
export function stamp<T extends Json>(hook: T): T {
  const now = new Date().toISOString();
  return { ...hook, created: hook.created ?? now, lastUpdated: now };
}

/** An id in Okta's style: a prefix (`cal` inline hooks, `who` event hooks) and 17 characters. */
export function newId(prefix: string): string {
  return prefix + randomBytes(12).toString('base64url').replace(/[-_]/g, 'x').slice(0, 17);
}

export function ok(body: unknown): FakeResponse {
  return { status: 200, body };
}

export function notFound(id: string): FakeResponse {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (Hook)`);
}

/** Okta's `Error` body; a 400 names its first cause in the summary, as Okta's validation errors do. */
export function oktaError(
  status: number,
  code: string,
  summary: string,
  causes: string[] = [],
): FakeResponse {
  return {
    status,
    body: {
      errorCode: code,
      errorSummary: status === 400 && causes.length > 0 ? `${summary}: ${causes[0]}` : summary,
      errorLink: code,
      errorId: `oae${randomBytes(9).toString('base64url')}`,
      errorCauses: causes.map((c) => ({ errorSummary: c })),
    },
  };
}

export function invalid(causes: string[]): FakeResponse {
  return oktaError(400, 'E0000001', 'Api validation failed', causes);
}
