import { Clock } from '../common/clock';
import { CounterFold, Counts, KeyValueStore } from '../store/key-value-store';
import { AdaptiveConfig } from './adaptive.config';
import { KeyReading } from './evidence';

/** Buckets per window: the window slides by 1/120 of its length. */
const BUCKETS_PER_WINDOW = 120;

/**
 * Codes sent (`s`) and verified (`v`) per watch-list key, in the store under `pc:<key id>`:
 * one counter per bucket of the recent window, and the older buckets folded into a history
 * with the configured half-life (KeyValueStore.counters). A verification counts in the bucket
 * its code was sent in, so a window's share is the share of its own codes that were verified.
 */
export class KeyCounters {
  private readonly bucketMs: number;
  /** Buckets in one window, and the window's length. */
  readonly windowBuckets: number;
  readonly windowMs: number;
  private readonly settleMs: number;
  private readonly decay: number;
  private readonly ttlMs: number;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    config: AdaptiveConfig,
  ) {
    this.bucketMs = Math.max(1000, Math.floor((config.windowSeconds * 1000) / BUCKETS_PER_WINDOW));
    this.windowBuckets = Math.ceil((config.windowSeconds * 1000) / this.bucketMs);
    this.windowMs = this.windowBuckets * this.bucketMs;
    this.settleMs = config.settleSeconds * 1000;
    this.decay = 0.5 ** (this.bucketMs / (config.historyHalfLifeSeconds * 1000));
    // Long enough for a history to matter: four half-lives.
    this.ttlMs = config.historyHalfLifeSeconds * 4000;
  }

  /** The bucket codes sent now count in. */
  bucketNow(): number {
    return Math.floor(this.clock.now() / this.bucketMs);
  }

  /** The key's settled window and its history, folding what left the window. */
  async read(id: string): Promise<KeyReading> {
    const bucket = this.bucketNow();
    const fold: CounterFold = { bucket, windowBuckets: this.windowBuckets, decay: this.decay };
    const counts = await this.store.counters(`pc:${id}`, fold);
    // Buckets that ended less than settleSeconds ago hold codes not yet due to be verified.
    const settledBelow = Math.floor((this.clock.now() - this.settleMs) / this.bucketMs);
    const window = { sent: 0, verified: 0, pendingSent: 0, pendingVerified: 0 };
    for (const [field, value] of Object.entries(counts)) {
      const colon = field.indexOf(':');
      if (colon < 0) continue;
      const settled = Number(field.slice(colon + 1)) < settledBelow;
      if (field.startsWith('s:')) window[settled ? 'sent' : 'pendingSent'] += value;
      else window[settled ? 'verified' : 'pendingVerified'] += value;
    }
    return { ...window, historySent: counts.s ?? 0, historyVerified: counts.v ?? 0 };
  }

  /** Adds to the counters of `bucket` for every key. */
  async add(ids: readonly string[], bucket: number, what: 's' | 'v', by: number): Promise<void> {
    const counts: Counts = { [`${what}:${bucket}`]: by };
    await Promise.all(ids.map((id) => this.store.increment(`pc:${id}`, counts, this.ttlMs)));
  }
}
