import { Injectable } from '@nestjs/common';
import { PhoneNumberInfo } from '../phone/phone-number';
import { AdaptiveConfig } from './adaptive.config';
import { AdaptiveKey, AdaptiveKeys } from './adaptive-keys';
import { digest } from '../common/digest';
import { evaluate, EvidenceRule, KeyReading, unverified } from './evidence';
import { KeyCounters } from './key-counters';
import { ProtectionConfig } from './protection.config';
import { ProtectionFinding, ProtectionRequest } from './protection.types';
import { namesType, requestTypeSet } from './request-types';
import { Parties, Trust, TrustRecords } from './trust';
import { TrustedList } from './trusted';
import { VerificationFeedback } from './verification-feedback';
import { explain } from './watch-explanation';
import { WatchEntry, WatchList } from './watch-list';

/** What the watch list says of one delivery, and what to count if it goes out. */
export interface AdaptiveAssessment {
  readonly finding?: ProtectionFinding;
  /** Keys this delivery put on watch (for the log and the metrics). */
  readonly started?: readonly WatchEntry[];
  /** Keys to count the send under (may be none) and its parties; absent when adaptive is off. */
  readonly count?: { readonly keys: readonly string[]; readonly parties: Parties };
}

const NOTHING: AdaptiveAssessment = {};

/** Unverified codes in a narrow range after which its codes no longer count for the country. */
const EXPLAINED_BY_RANGE = 2;

/**
 * The watch list's side of a delivery (`protection.adaptive`). Every delivery it counts, and
 * every delivery at all for the trust it may earn, leaves a ticket for the verification
 * feedback. For a delivery of the configured request types it reads each key's counters and
 * watch; a key whose evidence says its codes stopped being verified goes on watch, and a
 * delivery to a watched key is blocked or stepped down unless someone vouches for it: its
 * number's verified history always; its user's verified history, or a login in the company's
 * domains, against a country-wide watch.
 */
@Injectable()
export class AdaptivePolicy {
  private readonly config: AdaptiveConfig;
  private readonly keys: AdaptiveKeys;
  private readonly requestTypes?: ReadonlySet<string>;
  private readonly rules: Readonly<Record<AdaptiveKey['kind'], EvidenceRule>>;
  private readonly trusted: TrustedList;

  constructor(
    protection: ProtectionConfig,
    private readonly counters: KeyCounters,
    private readonly trust: TrustRecords,
    private readonly watches: WatchList,
    private readonly feedback: VerificationFeedback,
  ) {
    this.config = protection.adaptive;
    this.trusted = new TrustedList(protection.trusted);
    this.keys = new AdaptiveKeys(this.config);
    this.requestTypes = requestTypeSet(this.config.requestTypes);
    const { expectedRatio, dropFactor, minSent, burst } = this.config;
    const rule = (min: number, burstOf?: number) => ({
      minSent: min,
      expectedRatio,
      dropFactor,
      ...(burstOf ? { burst: burstOf } : {}),
    });
    this.rules = {
      country: rule(minSent.country),
      range: rule(minSent.range, burst),
      network: rule(minSent.network),
    };
  }

  get enabled(): boolean {
    return this.config.enabled;
  }

  async assess(
    request: ProtectionRequest,
    phone: PhoneNumberInfo,
    trusted: boolean,
  ): Promise<AdaptiveAssessment> {
    if (!this.config.enabled) return NOTHING;
    const parties: Parties = {
      phone: digest(phone.e164),
      ...(request.userId ? { user: digest(request.userId) } : {}),
    };
    // Without a user id no verification can be matched to the code: it could only look unverified.
    const counted =
      !trusted && !!request.userId && namesType(this.requestTypes, request.requestType);
    if (!counted) return { count: { keys: [], parties } };
    const keys = this.keys.of(phone, request.clientIp);
    const [trust, readings, entries] = await Promise.all([
      this.trust.read(parties),
      Promise.all(keys.map((key) => this.counters.read(key.id))),
      Promise.all(keys.map((key) => this.watches.entry(key))),
    ]);
    const count = { keys: this.countedKeys(keys, readings), parties };
    if (trust.phone > 0) return { count };
    const states = await Promise.all(
      keys.map((key, i) => this.state(key, readings[i], entries[i])),
    );
    const watched = states.flatMap((s) => (s ? [s.entry] : []));
    const started = states.flatMap((s) => (s?.started ? [s.entry] : []));
    const deciding = watched.find((w) => !this.vouched(w, trust, request.userLogin));
    const finding = deciding ? await this.act(deciding, request) : undefined;
    return { count, ...(finding ? { finding } : {}), ...(started.length ? { started } : {}) };
  }

  /** Counts the delivery as sent, once protection has let it through. */
  async commit(deliveryId: string, assessment: AdaptiveAssessment): Promise<void> {
    if (assessment.count) await this.feedback.sent(deliveryId, assessment.count);
  }

  /** Every key on watch now, newest first. */
  watchlist(): Promise<WatchEntry[]> {
    return this.config.enabled ? this.watches.list() : Promise.resolve([]);
  }

  /**
   * The keys to count a send under: all of them, except the country once a narrower range
   * already holds unverified codes. A run into one range then weighs on its ranges alone, and
   * the country's own evidence is what no range accounts for: codes spread across it.
   */
  private countedKeys(keys: readonly AdaptiveKey[], readings: readonly KeyReading[]): string[] {
    const explained = keys.some(
      (key, i) => key.narrow && unverified(readings[i]) >= EXPLAINED_BY_RANGE,
    );
    return keys.filter((key) => !(explained && key.kind === 'country')).map((key) => key.id);
  }

  /** The key's active watch, started now when the evidence calls for it. */
  private async state(
    key: AdaptiveKey,
    reading: KeyReading,
    entry: WatchEntry | undefined,
  ): Promise<{ entry: WatchEntry; started: boolean } | undefined> {
    if (this.watches.active(entry)) return { entry, started: false };
    const evidence = evaluate(reading, this.rules[key.kind]);
    if (!evidence) return undefined;
    return { entry: await this.watches.start(key, evidence, entry), started: true };
  }

  /**
   * A user with a verified history, or with a login in the company's domains, is vouched for
   * against a wide watch (the country, the widest range), not against a narrow range's or a
   * network's: a wide key's watch holds everyone in it, a narrow one's holds the run itself.
   */
  private vouched(entry: WatchEntry, trust: Trust, login: string | undefined): boolean {
    return entry.wide && (trust.user > 0 || this.trusted.companyLogin(login));
  }

  private async act(
    entry: WatchEntry,
    request: ProtectionRequest,
  ): Promise<ProtectionFinding | undefined> {
    const rule = `pumping-watch:${entry.kind}`;
    if (this.config.action === 'step-down') {
      const refusal = await this.watches.stepDownRefusal(entry, request.channel);
      if (!refusal) return undefined;
      await this.watches.extend(entry);
      return { rule, reason: `${explain(entry)}, ${refusal}` };
    }
    await this.watches.extend(entry);
    return { rule, reason: explain(entry) };
  }
}
