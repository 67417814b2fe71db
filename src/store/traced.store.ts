import { withSpan } from '../observability/spans';
import {
  CounterFold,
  Counts,
  IndexBounds,
  IndexEntry,
  IndexRange,
  KeyValueStore,
  Ranked,
} from './key-value-store';

/**
 * The store with an `otg.store` span around each operation (its driver and operation name;
 * never a key or a value). Used only with tracing on: off, the store is not wrapped at all.
 */
export class TracedStore implements KeyValueStore {
  readonly driver: KeyValueStore['driver'];
  readonly worstCaseMs: number;

  constructor(private readonly store: KeyValueStore) {
    this.driver = store.driver;
    this.worstCaseMs = store.worstCaseMs;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.span('get', () => this.store.get<T>(key));
  }

  set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    return this.span('set', () => this.store.set(key, value, ttlMs));
  }

  setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    return this.span('set-if-absent', () => this.store.setIfAbsent(key, value, ttlMs));
  }

  delete(key: string): Promise<void> {
    return this.span('delete', () => this.store.delete(key));
  }

  advance<T extends Ranked>(key: string, value: T, ttlMs: number): Promise<boolean> {
    return this.span('advance', () => this.store.advance(key, value, ttlMs));
  }

  append<T>(key: string, value: T, ttlMs: number, maxLength: number): Promise<void> {
    return this.span('append', () => this.store.append(key, value, ttlMs, maxLength));
  }

  list<T>(key: string): Promise<T[]> {
    return this.span('list', () => this.store.list<T>(key));
  }

  increment(key: string, counts: Counts, ttlMs: number): Promise<Counts> {
    return this.span('increment', () => this.store.increment(key, counts, ttlMs));
  }

  counters(key: string, fold?: CounterFold): Promise<Counts> {
    return this.span('counters', () => this.store.counters(key, fold));
  }

  addToIndex(key: string, entry: IndexEntry, bounds: IndexBounds): Promise<void> {
    return this.span('add-to-index', () => this.store.addToIndex(key, entry, bounds));
  }

  readIndex(key: string, range: IndexRange): Promise<IndexEntry[]> {
    return this.span('read-index', () => this.store.readIndex(key, range));
  }

  private span<T>(operation: string, work: () => Promise<T>): Promise<T> {
    const attributes = { 'otg.store.driver': this.driver, 'otg.store.operation': operation };
    return withSpan('otg.store', attributes, work);
  }
}
