import { Injectable, Logger } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { StoreUnavailableError } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { AdaptiveAssessment, AdaptivePolicy } from './adaptive.policy';
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
import { TrustedList } from './trusted';
import { explain } from './watch-explanation';
import { WatchEntry } from './watch-list';
import { WatchPolicy } from './watch-view';

const NONE: AdaptiveAssessment = {};

const UNCOUNTED: ProtectionVerdict = {
  action: 'unavailable',
  reason: 'the shared store is unavailable; rate limits cannot be counted (fail-closed)',
};

/**
 * Toll-fraud protection, between number normalization and routing: the number policy
 * (validity, country, number type), the watch list (verification feedback), then the rate
 * limits. In `enforce` mode a delivery the number policy or the watch list refuses is blocked
 * without being counted; in `monitor` mode every rule is checked and counted, and nothing is
 * blocked (`adaptive.mode` may monitor the watch list alone). Every verdict is counted in the
 * metrics; a delivery let through is counted for the verification feedback.
 */
@Injectable()
export class ProtectionService {
  private readonly logger = new Logger('Protection');
  private readonly enforce: boolean;
  private readonly monitorWatch: boolean;
  private readonly failClosed: boolean;
  private readonly defaultRegion: ProtectionConfig['defaultRegion'];
  private readonly numbers: NumberPolicy;
  private readonly trusted: TrustedList;
  /** What a watch does now (the console shows it beside the list). */
  readonly watchPolicy: WatchPolicy;

  constructor(
    config: ProtectionConfig,
    store: StoreConfig,
    private readonly limits: RateLimitPolicy,
    private readonly adaptive: AdaptivePolicy,
    private readonly metrics: ProtectionMetrics,
  ) {
    this.enforce = config.mode === 'enforce';
    this.monitorWatch = (config.adaptive.mode ?? config.mode) === 'monitor';
    this.failClosed = store.onUnavailable === 'fail-closed';
    this.defaultRegion = config.defaultRegion;
    this.numbers = new NumberPolicy(config);
    this.trusted = new TrustedList(config.trusted);
    const { enabled, action, requestTypes } = config.adaptive;
    const monitored = !this.enforce || this.monitorWatch;
    this.watchPolicy = { enabled, action, monitored, requestTypes };
  }

  /**
   * Reads the number (`protection.defaultRegion` for one without a country code), then checks
   * it; `deliveryId` names the delivery for the verification feedback.
   */
  async screen(
    request: ProtectionRequest & { readonly phoneNumber: string },
    deliveryId: string,
  ): Promise<Screening> {
    const phone = normalizePhoneNumber(request.phoneNumber, this.defaultRegion);
    return { phone, verdict: phone ? await this.check(request, phone, deliveryId) : ALLOWED };
  }

  /** The verdict on one delivery; `deliveryId` names it for the verification feedback. */
  async check(
    request: ProtectionRequest,
    phone: PhoneNumberInfo,
    deliveryId?: string,
  ): Promise<ProtectionVerdict> {
    const refused = this.numbers.check(phone);
    if (refused && this.enforce) return this.conclude(refused, phone);
    const trusted = this.trusted.vouches(phone.e164, request.clientIp);
    const assessment = this.adaptive.enabled ? await this.assess(request, phone, trusted) : NONE;
    if (!assessment) return UNCOUNTED;
    const watch = this.watchFinding(assessment.finding);
    if (watch && !watch.monitored && this.enforce) return this.conclude([watch], phone);
    let limited: ProtectionFinding[] | undefined;
    try {
      limited = await this.limits.consume(request, phone, this.enforce, trusted);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Monitor mode never blocks, not even for want of a count.
      if (this.enforce) return UNCOUNTED;
    }
    const verdict = this.conclude(joined(refused, watch, limited), phone);
    if (assessment.count && verdict.action !== 'blocked' && deliveryId) {
      await this.commit(deliveryId, assessment);
    }
    return verdict;
  }

  /**
   * Every key on the watch list now, newest first (the admin route and the console list them);
   * the store down is a 503 for both.
   */
  async watchlist(): Promise<WatchEntry[]> {
    try {
      return await this.adaptive.watchlist();
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new ApiError(ApiErrorCode.StoreUnavailable);
      throw error;
    }
  }

  /** The watch list's assessment; undefined when the store failed and fail-closed forbids going on. */
  private async assess(
    request: ProtectionRequest,
    phone: PhoneNumberInfo,
    trusted: boolean,
  ): Promise<AdaptiveAssessment | undefined> {
    try {
      const assessment = await this.adaptive.assess(request, phone, trusted);
      for (const entry of assessment.started ?? []) this.started(entry);
      return assessment;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      return this.failClosed && this.enforce ? undefined : {};
    }
  }

  private watchFinding(finding: ProtectionFinding | undefined): ProtectionFinding | undefined {
    if (!finding || !this.monitorWatch || !this.enforce) return finding;
    return { ...finding, monitored: true };
  }

  private async commit(deliveryId: string, assessment: AdaptiveAssessment): Promise<void> {
    try {
      await this.adaptive.commit(deliveryId, assessment);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
  }

  private started(entry: WatchEntry): void {
    this.metrics.watchStarted(entry.kind, entry.country);
    this.logger.warn(
      {
        watch: explain(entry),
        kind: entry.kind,
        country: entry.country,
        until: new Date(entry.until).toISOString(),
      },
      'pumping watch started',
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
    const blocks = this.enforce && findings.some((f) => !f.monitored);
    for (const finding of findings) {
      const action = blocks && !finding.monitored ? 'blocked' : 'would-block';
      this.metrics.matched(finding.rule, country, action);
    }
    return { action: blocks ? 'blocked' : 'would-block', findings };
  }
}

/** The findings of all three checks; when one check alone found some, its list as it is (no allocation). */
function joined(
  refused: ProtectionFinding[] | undefined,
  watch: ProtectionFinding | undefined,
  limited: ProtectionFinding[] | undefined,
): ProtectionFinding[] | undefined {
  if (!watch && !(refused && limited)) return refused ?? limited;
  return [...(refused ?? []), ...(watch ? [watch] : []), ...(limited ?? [])];
}

function nonEmpty<T>(list: T[] | undefined): list is [T, ...T[]] {
  return list !== undefined && list.length > 0;
}
