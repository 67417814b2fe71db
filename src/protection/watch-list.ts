import { Clock } from '../common/clock';
import { Channel } from '../providers/channel';
import { KeyValueStore } from '../store/key-value-store';
import { AdaptiveConfig } from './adaptive.config';
import { AdaptiveKey, WatchKind } from './adaptive-keys';
import { Evidence } from './evidence';
import { StepDown } from './step-down';

/** One watched key, as the store keeps it and the admin route lists it. */
export interface WatchEntry {
  /** Same as `until`: an extension only moves it forward (KeyValueStore.advance). */
  readonly rank: number;
  readonly id: string;
  readonly kind: WatchKind;
  readonly label: string;
  readonly country: string;
  /** A country or widest-range key (adaptive-keys.ts): users with a history vouch against it. */
  readonly wide: boolean;
  /** Epoch ms. */
  readonly since: number;
  readonly until: number;
  /** Watches of this key before this one, while the store remembers them. */
  readonly strikes: number;
  readonly evidence: Evidence;
}

/** Entries the listing remembers; older ones drop off the list, not off the watch. */
const LISTED = 1000;
/** An extension shorter than this is not worth a store write. */
const EXTEND_STEP_MS = 60_000;

/**
 * The watch list on the store: `pw:<key id>` per watched key, `pw-index` for listing. A watch
 * lasts `watchSeconds` (doubled for each earlier watch of the key still remembered), is
 * extended to `watchSeconds` after each attempt it blocks, and never lasts beyond
 * `maxWatchSeconds`: bounded, and decaying once the pressure stops.
 */
export class WatchList {
  private readonly watchMs: number;
  private readonly maxMs: number;
  private readonly stepDown: StepDown;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    config: AdaptiveConfig,
  ) {
    this.watchMs = config.watchSeconds * 1000;
    this.maxMs = config.maxWatchSeconds * 1000;
    this.stepDown = new StepDown(store, clock, config.stepDown);
  }

  /** The key's entry, active or not; undefined when none is remembered. */
  entry(key: AdaptiveKey): Promise<WatchEntry | undefined> {
    return this.store.get<WatchEntry>(`pw:${key.id}`);
  }

  active(entry: WatchEntry | undefined): entry is WatchEntry {
    return entry !== undefined && entry.until > this.clock.now();
  }

  /** Puts the key on watch; `previous` is its expired entry, if one is remembered. */
  async start(key: AdaptiveKey, evidence: Evidence, previous?: WatchEntry): Promise<WatchEntry> {
    const since = this.clock.now();
    const strikes = previous ? previous.strikes + 1 : 0;
    const until = since + Math.min(this.watchMs * 2 ** Math.min(strikes, 10), this.maxMs);
    const { id, kind, label, country } = key;
    const wide = kind === 'country' || (kind === 'range' && !key.narrow);
    const entry: WatchEntry = {
      rank: until,
      id,
      kind,
      label,
      country,
      wide,
      since,
      until,
      strikes,
      evidence,
    };
    // Remembered a whole maximum watch past its longest end, so that a key that comes back gets a strike.
    const ttlMs = 2 * this.maxMs;
    await Promise.all([
      this.store.set(`pw:${id}`, entry, ttlMs),
      this.store.append('pw-index', id, this.maxMs * 2, LISTED),
    ]);
    return entry;
  }

  /** Keeps the watch on for `watchSeconds` after an attempt it blocked, within its bound. */
  async extend(entry: WatchEntry): Promise<void> {
    const until = Math.min(entry.since + this.maxMs, this.clock.now() + this.watchMs);
    if (until - entry.until < EXTEND_STEP_MS) return;
    await this.store.advance(`pw:${entry.id}`, { ...entry, rank: until, until }, this.maxMs);
  }

  /** Why `action: step-down` refuses this delivery to a watched key; undefined when it may go. */
  stepDownRefusal(entry: WatchEntry, channel: Channel): Promise<string | undefined> {
    return this.stepDown.refusal(entry, channel);
  }

  /** Every active watch the index remembers, newest first. */
  async list(): Promise<WatchEntry[]> {
    const ids = [...new Set((await this.store.list<string>('pw-index')).reverse())];
    const entries = await Promise.all(ids.map((id) => this.store.get<WatchEntry>(`pw:${id}`)));
    return entries
      .filter((entry): entry is WatchEntry => this.active(entry))
      .sort((a, b) => b.since - a.since);
  }
}
