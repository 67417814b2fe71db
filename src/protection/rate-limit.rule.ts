import { createHash } from 'node:crypto';
import { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ProtectionRequest } from './protection.types';
import { PhoneNumberInfo } from '../phone/phone-number';
import { Channel } from '../providers/channel';
import { clientNetwork } from './client-ip';
import { RateLimitKey, RateLimitRuleConfig } from './protection.config';
import { ProtectionFinding } from './protection.types';

const WHAT: Readonly<Record<RateLimitKey, string>> = {
  phone: 'phone number',
  user: 'user',
  ip: 'client IP address',
  country: 'destination country',
  prefix: 'number prefix',
};

/** The name a rate-limit rule goes by: its own `name`, else `<key>:<limit>/<windowSeconds>s`. */
export function rateLimitName(config: RateLimitRuleConfig): string {
  return config.name ?? `${config.key}:${config.limit}/${config.windowSeconds}s`;
}

/**
 * One `protection.rateLimits[]` entry, built once at boot: which deliveries it counts and under
 * which key. Keys that hold personal data (number, user id, IP, prefix) are SHA-256 digests, so
 * the store never holds a phone number; the country stays readable.
 */
export class RateLimitRule {
  /** The answer when the rule blocks; one object for the rule's whole life. */
  readonly finding: ProtectionFinding;
  private readonly key: RateLimitKey;
  private readonly prefixLength: number;
  private readonly channels?: ReadonlySet<Channel>;
  private readonly requestTypes?: ReadonlySet<string>;

  constructor(
    config: RateLimitRuleConfig,
    readonly limiter: RateLimiterAbstract,
  ) {
    this.key = config.key;
    this.prefixLength = 1 + (config.prefixDigits ?? 0);
    this.channels = config.channels?.length ? new Set(config.channels) : undefined;
    this.requestTypes = config.requestTypes?.length ? new Set(config.requestTypes) : undefined;
    this.finding = {
      rule: `rate-limit:${rateLimitName(config)}`,
      reason: `over ${config.limit} per ${config.windowSeconds} s for this ${WHAT[config.key]}`,
    };
  }

  /** The counter key of this delivery; undefined when the rule does not apply to it. */
  keyFor(request: ProtectionRequest, phone: PhoneNumberInfo): string | undefined {
    if (this.channels && !this.channels.has(request.channel)) return undefined;
    const type = request.requestType;
    if (this.requestTypes && (type === undefined || !this.requestTypes.has(type))) {
      return undefined;
    }
    switch (this.key) {
      case 'phone':
        return digest(phone.e164);
      case 'user':
        return request.userId?.trim() ? digest(request.userId) : undefined;
      case 'ip': {
        const network = request.clientIp && clientNetwork(request.clientIp);
        return network ? digest(network) : undefined;
      }
      case 'country':
        return phone.country ?? `+${phone.callingCode}`;
      case 'prefix':
        return digest(phone.e164.slice(0, this.prefixLength));
    }
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
