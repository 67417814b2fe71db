import { Inject, Injectable } from '@nestjs/common';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { StoreUnavailableError } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { STORE_BACKEND, StoreBackend } from '../store/store.runtime';
import { NumberPolicy } from './number.policy';
import { ProtectionConfig } from './protection.config';
import { ProtectionMetrics } from './protection.metrics';
import {
  ALLOWED,
  ProtectionFinding,
  ProtectionRequest,
  ProtectionVerdict,
  Screening,
} from './protection.types';
import { RateLimitPolicy } from './rate-limit.policy';
import { rateLimitName, RateLimitRule } from './rate-limit.rule';
import { createLimiter } from './rate-limiter.factory';

const UNCOUNTED: ProtectionVerdict = {
  action: 'unavailable',
  reason: 'the shared store is unavailable; rate limits cannot be counted (fail-closed)',
};

/**
 * Toll-fraud protection, between number normalization and routing: the number policy
 * (validity, country, number type), then the rate limits. In `enforce` mode a number the
 * policy refuses is blocked without being counted; in `monitor` mode every rule is checked
 * and counted, and nothing is blocked. Every verdict is counted in the metrics.
 */
@Injectable()
export class ProtectionService {
  private readonly enforce: boolean;
  private readonly defaultRegion: ProtectionConfig['defaultRegion'];
  private readonly numbers: NumberPolicy;
  private readonly limits: RateLimitPolicy;

  constructor(
    config: ProtectionConfig,
    store: StoreConfig,
    @Inject(STORE_BACKEND) backend: StoreBackend,
    private readonly metrics: ProtectionMetrics,
  ) {
    this.enforce = config.mode === 'enforce';
    this.defaultRegion = config.defaultRegion;
    this.numbers = new NumberPolicy(config);
    this.limits = new RateLimitPolicy(
      config.rateLimits.map((rule) => {
        const spec = { ...rule, name: rateLimitName(rule) };
        return new RateLimitRule(rule, createLimiter(spec, backend, store));
      }),
    );
  }

  /** Reads the number (`protection.defaultRegion` for one without a country code), then checks it. */
  async screen(request: ProtectionRequest & { readonly phoneNumber: string }): Promise<Screening> {
    const phone = normalizePhoneNumber(request.phoneNumber, this.defaultRegion);
    return { phone, verdict: phone ? await this.check(request, phone) : ALLOWED };
  }

  async check(request: ProtectionRequest, phone: PhoneNumberInfo): Promise<ProtectionVerdict> {
    const refused = this.numbers.check(phone);
    if (refused && this.enforce) return this.conclude(refused, phone);
    let limited: ProtectionFinding[] | undefined;
    try {
      limited = await this.limits.consume(request, phone, this.enforce);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Monitor mode never blocks, not even for want of a count.
      if (this.enforce) return UNCOUNTED;
    }
    return this.conclude(
      refused && limited ? [...refused, ...limited] : (refused ?? limited),
      phone,
    );
  }

  private conclude(
    findings: ProtectionFinding[] | undefined,
    phone: PhoneNumberInfo,
  ): ProtectionVerdict {
    const country = phone.country ?? (phone.nonGeographic ? 'non-geographic' : 'unknown');
    if (!nonEmpty(findings)) {
      this.metrics.allowed(country);
      return ALLOWED;
    }
    const action = this.enforce ? 'blocked' : 'would-block';
    for (const finding of findings) this.metrics.matched(finding.rule, country, action);
    return { action, findings };
  }
}

function nonEmpty<T>(list: T[] | undefined): list is [T, ...T[]] {
  return list !== undefined && list.length > 0;
}
