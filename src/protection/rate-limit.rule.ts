import { BlockList } from 'node:net';
import { RateLimiterAbstract } from 'rate-limiter-flexible';
import { PhoneNumberInfo } from '../phone/phone-number';
import { Channel } from '../providers/channel';
import { clientNetwork } from './client-ip';
import { digest } from '../common/digest';
import { RateLimitKey, RateLimitOverrideConfig, RateLimitRuleConfig } from './protection.config';
import { ProtectionFinding, ProtectionRequest } from './protection.types';
import { namesType, requestTypeSet } from './request-types';
import { inNetworks, networkList, prefixDigits } from './trusted';

const WHAT: Readonly<Record<RateLimitKey, string>> = {
  phone: 'phone number',
  user: 'user',
  ip: 'client IP address',
  country: 'destination country',
  prefix: 'number prefix',
};

/** Keys shared by many people: `protection.trusted` deliveries skip the rules keyed by them. */
const SHARED_KEYS: ReadonlySet<RateLimitKey> = new Set(['ip', 'prefix', 'country']);

/** The name a rate-limit rule goes by: its own `name`, else `<key>:<limit>/<windowSeconds>s`. */
export function rateLimitName(config: RateLimitRuleConfig): string {
  return config.name ?? `${config.key}:${config.limit}/${config.windowSeconds}s`;
}

/** The counter one delivery takes a point from: which limiter, under which key, and why it blocks. */
export interface RuleCount {
  readonly limiter: RateLimiterAbstract;
  /** The delivery's key with the window it falls in, e.g. `<digest>:2081`. */
  readonly key: string;
  readonly finding: ProtectionFinding;
}

/** An override, ready to match: its limiter and its finding. */
interface Override {
  readonly matches: (request: ProtectionRequest, phone: PhoneNumberInfo) => boolean;
  readonly limiter: RateLimiterAbstract;
  readonly finding: ProtectionFinding;
}

/**
 * One `protection.rateLimits[]` entry, built once at boot: which deliveries it counts, under
 * which key and limit. Keys that hold personal data (number, user id, IP, prefix) are SHA-256
 * digests, so the store never holds a phone number; the country stays readable. Windows are
 * aligned on the clock: a key's window is `now / windowSeconds`, so a simulation's clock moves
 * them too.
 */
export class RateLimitRule {
  /** The answer when the rule blocks; one object for the rule's whole life. */
  readonly finding: ProtectionFinding;
  private readonly key: RateLimitKey;
  private readonly windowMs: number;
  private readonly prefixLength: number;
  private readonly channels?: ReadonlySet<Channel>;
  private readonly requestTypes?: ReadonlySet<string>;
  private readonly countries?: ReadonlySet<string>;
  private readonly overrides: readonly Override[];

  constructor(
    config: RateLimitRuleConfig,
    readonly limiter: RateLimiterAbstract,
    overrideLimiters: readonly RateLimiterAbstract[] = [],
  ) {
    this.key = config.key;
    this.windowMs = config.windowSeconds * 1000;
    this.prefixLength = 1 + (config.prefixDigits ?? 0);
    this.channels = config.channels?.length ? new Set(config.channels) : undefined;
    this.requestTypes = requestTypeSet(config.requestTypes);
    this.countries = config.countries?.length ? new Set(config.countries) : undefined;
    this.finding = finding(config, config.limit);
    this.overrides = (config.overrides ?? []).map((override, i) => ({
      matches: overrideMatcher(config.key, override),
      limiter: overrideLimiters[i],
      finding: finding(config, override.limit),
    }));
  }

  /**
   * The counter this delivery takes a point from at `nowMs`; undefined when the rule does not
   * apply (channel, request type, country, missing key, or a trusted delivery on a shared key).
   */
  select(
    request: ProtectionRequest,
    phone: PhoneNumberInfo,
    trusted: boolean,
    nowMs: number,
  ): RuleCount | undefined {
    if (trusted && SHARED_KEYS.has(this.key)) return undefined;
    if (this.countries && !(phone.country && this.countries.has(phone.country))) return undefined;
    const key = this.keyFor(request, phone);
    if (key === undefined) return undefined;
    const windowed = `${key}:${Math.floor(nowMs / this.windowMs)}`;
    const override = this.overrides.find((o) => o.matches(request, phone));
    return override
      ? { limiter: override.limiter, key: windowed, finding: override.finding }
      : { limiter: this.limiter, key: windowed, finding: this.finding };
  }

  /** The counter key of this delivery, window aside; undefined when the rule does not apply to it. */
  keyFor(request: ProtectionRequest, phone: PhoneNumberInfo): string | undefined {
    if (this.channels && !this.channels.has(request.channel)) return undefined;
    if (!namesType(this.requestTypes, request.requestType)) return undefined;
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

function finding(config: RateLimitRuleConfig, limit: number): ProtectionFinding {
  return {
    rule: `rate-limit:${rateLimitName(config)}`,
    reason: `over ${limit} per ${config.windowSeconds} s for this ${WHAT[config.key]}`,
  };
}

function overrideMatcher(
  key: RateLimitKey,
  { match }: RateLimitOverrideConfig,
): Override['matches'] {
  switch (key) {
    case 'phone':
    case 'prefix': {
      const digits = prefixDigits(match);
      return (_, phone) => phone.e164.slice(1).startsWith(digits);
    }
    case 'ip': {
      const list: BlockList = networkList([match]);
      return (request) => inNetworks(list, request.clientIp);
    }
    case 'country':
      return (_, phone) => phone.country === match;
    case 'user':
      return (request) => request.userId === match;
  }
}
