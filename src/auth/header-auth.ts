import { timingSafeEqual } from 'node:crypto';
import { secretDigest, singleHeader } from '../common/safe-equal';
import { HeaderAuthConfig } from './auth.config';
import { AuthRefusalReason } from './auth-refusal';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

interface ExpectedHeader {
  readonly name: string;
  /** The accepted secrets' digests (the secrets themselves are not kept). */
  readonly secrets: readonly Buffer[];
}

/**
 * Okta's HTTP-header authentication. Each comparison is of SHA-256 digests with
 * `timingSafeEqual` (the secrets' digests made once, the presented value's once per header), so
 * it takes the same time whatever the lengths or characters, never throws, and every configured
 * secret is compared on every call.
 */
export class HeaderAuthenticator {
  private readonly expected: readonly ExpectedHeader[];

  constructor(headers: readonly HeaderAuthConfig[]) {
    this.expected = headers.map((h) => ({
      name: h.name.toLowerCase(),
      secrets: h.secrets.map(secretDigest),
    }));
  }

  get configured(): boolean {
    return this.expected.length > 0;
  }

  /** True when any configured header carries any of its accepted secrets. */
  verify(headers: Headers): boolean {
    let matched = false;
    for (const { name, secrets } of this.expected) {
      const presented = secretDigest(singleHeader(headers[name]) ?? '');
      for (const expected of secrets) matched = timingSafeEqual(presented, expected) || matched;
    }
    return matched;
  }

  /**
   * Why `verify` said no, for the log: no configured header present (and nothing else that
   * could be the credential, or some other header that could), or a configured one carrying a
   * secret that is not accepted. `others` are those other header names (never their values).
   */
  refusal(headers: Headers): { reason: AuthRefusalReason; others?: string[] } {
    if (this.expected.some(({ name }) => (singleHeader(headers[name]) ?? '') !== '')) {
      return { reason: 'wrong secret' };
    }
    const others = Object.keys(headers).filter((name) => !ORDINARY.test(name));
    return others.length > 0
      ? { reason: 'unknown header name', others }
      : { reason: 'no credential' };
  }
}

/** Headers any client, proxy or tracer sends: never taken for a misnamed credential. */
const ORDINARY =
  /^(host|content-(type|length|encoding)|accept(-.*)?|user-agent|connection|keep-alive|transfer-encoding|expect|te|forwarded|via|x-forwarded-.*|x-real-ip|x-request-id|x-amzn-trace-id|traceparent|tracestate|b3|x-b3-.*|true-client-ip|cf-.*|cdn-loop|x-envoy-.*|cache-control|pragma|origin|referer|date)$/;
