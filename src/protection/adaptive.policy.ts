import { Injectable } from '@nestjs/common';
import { PhoneNumberInfo } from '../phone/phone-number';
import { AdaptiveConfig } from './adaptive.config';
import { AdaptiveKey, AdaptiveKeys } from './adaptive-keys';
import { watchNetwork } from './client-ip';
import { digest } from './digest';
import { evaluate, EvidenceRule } from './evidence';
import { KeyCounters } from './key-counters';
import { ProtectionConfig } from './protection.config';
import { ProtectionFinding, ProtectionRequest } from './protection.types';
import { namesType, requestTypeSet } from './request-types';
import { Parties, Trust, TrustRecords, TRUSTED_NETWORK_CODES } from './trust';
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

/**
 * The watch list's side of a delivery (`protection.adaptive`). Every delivery it counts, and
 * every delivery at all for the trust it may earn, leaves a ticket for the verification
 * feedback. For a delivery of the configured request types it reads each key's counters and
 * watch; a key whose evidence says its codes stopped being verified goes on watch, and a
 * delivery to a watched key is blocked or stepped down unless someone vouches for it: its
 * number's verified history always, its user's or network's against a country-wide watch.
 */
@Injectable()
export class AdaptivePolicy {
  private readonly config: AdaptiveConfig;
  private readonly keys: AdaptiveKeys;
  private readonly requestTypes?: ReadonlySet<string>;
  private readonly rules: Readonly<Record<AdaptiveKey['kind'], EvidenceRule>>;

  constructor(
    protection: ProtectionConfig,
    private readonly counters: KeyCounters,
    private readonly trust: TrustRecords,
    private readonly watches: WatchList,
    private readonly feedback: VerificationFeedback,
  ) {
    this.config = protection.adaptive;
    this.keys = new AdaptiveKeys(this.config);
    this.requestTypes = requestTypeSet(this.config.requestTypes);
    const { expectedRatio, dropFactor, minSent } = this.config;
    const rule = (min: number) => ({ minSent: min, expectedRatio, dropFactor });
    this.rules = {
      country: rule(minSent.country),
      range: rule(minSent.range),
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
    const network = request.clientIp ? watchNetwork(request.clientIp) : undefined;
    const parties: Parties = {
      phone: digest(phone.e164),
      ...(request.userId ? { user: digest(request.userId) } : {}),
      ...(network ? { network: digest(network) } : {}),
    };
    // Without a user id no verification can be matched to the code: it could only look unverified.
    const counted =
      !trusted && !!request.userId && namesType(this.requestTypes, request.requestType);
    if (!counted) return { count: { keys: [], parties } };
    const keys = this.keys.of(phone, request.clientIp);
    const count = { keys: keys.map((k) => k.id), parties };
    const trust = await this.trust.read(parties);
    if (trust.phone > 0) return { count };
    const states = await Promise.all(keys.map((key) => this.state(key)));
    const watched = states.flatMap((s) => (s ? [s.entry] : []));
    const started = states.flatMap((s) => (s?.started ? [s.entry] : []));
    const deciding = watched.find((w) => !this.vouched(w, trust, watched));
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

  /** The key's active watch, started now when the evidence calls for it. */
  private async state(
    key: AdaptiveKey,
  ): Promise<{ entry: WatchEntry; started: boolean } | undefined> {
    const [entry, reading] = await Promise.all([
      this.watches.entry(key),
      this.counters.read(key.id),
    ]);
    if (this.watches.active(entry)) return { entry, started: false };
    const evidence = evaluate(reading, this.rules[key.kind]);
    if (!evidence) return undefined;
    return { entry: await this.watches.start(key, evidence, entry), started: true };
  }

  /** A verified user, or a network with a verified history not itself watched, vouches against a country. */
  private vouched(entry: WatchEntry, trust: Trust, watched: readonly WatchEntry[]): boolean {
    if (entry.kind !== 'country') return false;
    const networkWatched = watched.some((w) => w.kind === 'network');
    return trust.user > 0 || (trust.network >= TRUSTED_NETWORK_CODES && !networkWatched);
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
