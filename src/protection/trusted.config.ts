import { IsArray, Matches } from 'class-validator';

/**
 * Deliveries vouched for by configuration (`protection.trusted`): the company's own phone block
 * and office networks skip the rate-limit rules keyed by `ip`, `prefix` and `country` and the
 * watch list, so that those can be tight (`phone` and `user` limits still apply); users whose
 * Okta login is in one of the company's domains are vouched for against a country-wide watch.
 */
export class TrustedConfig {
  /** E.164 prefixes, spaces allowed: `+44 20 7946 0`. */
  @IsArray()
  @Matches(/^\+\d[\d ]{0,18}$/, {
    each: true,
    message: 'each range must be an E.164 prefix such as "+44 20 7946 0"',
  })
  ranges: string[] = [];
  /** Client networks in CIDR notation (`203.0.113.0/24`, `2001:db8:4::/48`) or single addresses. */
  @IsArray()
  @Matches(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, {
    each: true,
    message: 'each network must be an address or a CIDR such as "203.0.113.0/24"',
  })
  networks: string[] = [];
  /**
   * Login domains of accounts the company creates (`example.com` for `ana@example.com`), never
   * one anybody can register with (self-service registration without email verification).
   */
  @IsArray()
  @Matches(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, {
    each: true,
    message: 'each login domain must be a domain such as "example.com"',
  })
  loginDomains: string[] = [];
}
