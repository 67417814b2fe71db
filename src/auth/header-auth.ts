import { createHash, timingSafeEqual } from 'node:crypto';
import { HeaderAuthConfig } from './auth.config';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

interface ExpectedHeader {
  readonly name: string;
  readonly digests: readonly Buffer[];
}

/**
 * Okta's HTTP-header authentication. Both sides are hashed to fixed-length SHA-256 digests
 * before `timingSafeEqual`, so the comparison takes the same time whatever the lengths or
 * characters, never throws, and every configured secret is compared on every call.
 */
export class HeaderAuthenticator {
  private readonly expected: readonly ExpectedHeader[];

  constructor(headers: readonly HeaderAuthConfig[]) {
    this.expected = headers.map((h) => ({
      name: h.name.toLowerCase(),
      digests: h.secrets.map(digest),
    }));
  }

  get configured(): boolean {
    return this.expected.length > 0;
  }

  /** True when any configured header carries any of its accepted secrets. */
  verify(headers: Headers): boolean {
    let matched = false;
    for (const { name, digests } of this.expected) {
      const presented = digest(single(headers[name]));
      for (const expected of digests) {
        matched = timingSafeEqual(presented, expected) || matched;
      }
    }
    return matched;
  }
}

function single(value: string | string[] | undefined): string {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : '';
  return value ?? '';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
