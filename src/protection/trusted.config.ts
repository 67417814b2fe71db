import { IsArray, Matches } from 'class-validator';

/**
 * Deliveries vouched for by configuration (`protection.trusted`): the company's own phone block
 * and office networks. They skip the rate-limit rules keyed by `ip`, `prefix` and `country`
 * and the watch list, so that those can be tight; `phone` and `user` limits still apply.
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
}
