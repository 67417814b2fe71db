/** Which driver holds the gateway's shared state (`store.driver`). */
export type StoreDriver = 'memory' | 'redis';

/** A value that only moves forward: {@link KeyValueStore.advance} replaces it by a higher rank only. */
export interface Ranked {
  readonly rank: number;
}

/** Named counters under one key (a Redis hash). */
export type Counts = Record<string, number>;

/**
 * How {@link KeyValueStore.counters} folds a key's bucketed counters. A field `<name>:<bucket>`
 * counts one bucket of time; once it falls out of the window it is added, decayed by its age,
 * to the history field `<name>`, and every history field decays as buckets pass (the field `@`
 * holds the bucket the history was last brought to). So a key holds its recent buckets apart
 * and an exponentially weighted sum of everything older.
 */
export interface CounterFold {
  /** The current bucket (time divided by the bucket length). */
  readonly bucket: number;
  /** Buckets kept apart, the current one included; older ones are folded. */
  readonly windowBuckets: number;
  /** What one bucket of age leaves of a count (0 < decay ≤ 1). */
  readonly decay: number;
}

/** One member of a sorted index and its score (for the gateway's indexes, a time in ms). */
export interface IndexEntry {
  readonly member: string;
  readonly score: number;
}

/**
 * How a sorted index keeps its size: at most `maxLength` entries (the lowest scores leave
 * first), none scored below `minScore`, and the key expires `ttlMs` after the last add.
 */
export interface IndexBounds {
  readonly ttlMs: number;
  readonly maxLength: number;
  readonly minScore: number;
}

/** Entries scored from `min` to `max` (both included), at most `limit` of them. */
export interface IndexRange {
  readonly min: number;
  readonly max: number;
  readonly limit: number;
}

/**
 * The gateway's shared state: idempotency claims, delivery records, and whatever the next
 * feature needs. Every operation is atomic on its own and every key expires. Values are plain
 * JSON-compatible data; the memory driver keeps the very object it was given (callers never
 * mutate a value after handing it over), the Redis driver stores JSON.
 *
 * Every operation rejects with {@link StoreUnavailableError} when the backing service cannot
 * answer in time, so callers can apply `store.onUnavailable`.
 *
 * Every operation touches one key, so a Redis Cluster never answers `CROSSSLOT`. An operation
 * added over several keys must keep them in one hash slot: a `{tag}` of their common id in each
 * key (`rec:{<delivery id>}:status`), never a fixed tag (docs/redis.md, "Keys and hash slots").
 */
export interface KeyValueStore {
  readonly driver: StoreDriver;
  /** The longest one operation can take before it fails (0: it never waits). */
  readonly worstCaseMs: number;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  /** Sets the key only if it does not exist (SET NX PX); true when this call set it. */
  setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * Replaces the value when the key is absent or holds a lower rank; an equal or higher rank
   * stays. True when this call replaced it. A new key expires after `ttlMs`; an existing one
   * keeps its expiry.
   */
  advance<T extends Ranked>(key: string, value: T, ttlMs: number): Promise<boolean>;
  /**
   * Appends to the list at the key, keeping its last `maxLength` items; the list expires
   * `ttlMs` after the last append.
   */
  append<T>(key: string, value: T, ttlMs: number, maxLength: number): Promise<void>;
  /** The whole list at the key, oldest first; empty when absent. */
  list<T>(key: string): Promise<T[]>;
  /**
   * Adds integers to counters of the key (created at 0) and returns their new values; the key
   * expires `ttlMs` after the last increment. A counter key is only read with
   * {@link KeyValueStore.counters}.
   */
  increment(key: string, counts: Counts, ttlMs: number): Promise<Counts>;
  /** Every counter of the key, after the fold when one is given; empty when absent. */
  counters(key: string, fold?: CounterFold): Promise<Counts>;
  /**
   * Adds a member to the sorted index at the key (a Redis sorted set), or moves it to a new
   * score, then trims the index to its bounds.
   */
  addToIndex(key: string, entry: IndexEntry, bounds: IndexBounds): Promise<void>;
  /**
   * Entries of the sorted index in the range, highest score first, members of equal score in
   * descending order (as Redis' ZREVRANGEBYSCORE); empty when absent.
   */
  readIndex(key: string, range: IndexRange): Promise<IndexEntry[]>;
}

/** The store cannot answer now (Redis down, slow or unreachable). */
export class StoreUnavailableError extends Error {
  constructor(reason: string) {
    super(`store unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }
}

/** Injection token of the {@link KeyValueStore}. */
export const KEY_VALUE_STORE = Symbol('KEY_VALUE_STORE');
