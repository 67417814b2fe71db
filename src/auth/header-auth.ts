import { safeEqual, singleHeader } from '../common/safe-equal';
import { HeaderAuthConfig } from './auth.config';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

interface ExpectedHeader {
  readonly name: string;
  readonly secrets: readonly string[];
}

/**
 * Okta's HTTP-header authentication. Each comparison is {@link safeEqual} (both sides hashed,
 * then `timingSafeEqual`), so it takes the same time whatever the lengths or characters,
 * never throws, and every configured secret is compared on every call.
 */
export class HeaderAuthenticator {
  private readonly expected: readonly ExpectedHeader[];

  constructor(headers: readonly HeaderAuthConfig[]) {
    this.expected = headers.map((h) => ({
      name: h.name.toLowerCase(),
      secrets: h.secrets,
    }));
  }

  get configured(): boolean {
    return this.expected.length > 0;
  }

  /** True when any configured header carries any of its accepted secrets. */
  verify(headers: Headers): boolean {
    let matched = false;
    for (const { name, secrets } of this.expected) {
      const presented = singleHeader(headers[name]) ?? '';
      for (const expected of secrets) matched = safeEqual(presented, expected) || matched;
    }
    return matched;
  }
}
