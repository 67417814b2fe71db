import { IndexBounds, IndexEntry, IndexRange } from './key-value-store';

/** Entries ordered as Redis orders a sorted set: by score, then by member. */
function compare(a: IndexEntry, b: IndexEntry): number {
  if (a.score !== b.score) return a.score - b.score;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

/**
 * A sorted set for the memory driver: entries kept in ascending order in one array (binary
 * search to insert; the newest, the usual case, appended), members in a map to find the entry a
 * re-added member replaces. Trimmed entries are skipped by `first` and cut off in bulk: taking
 * one off the front of a 20,000-entry array moved every other one.
 */
export class MemoryIndex {
  private entries: IndexEntry[] = [];
  private first = 0;
  private readonly scores = new Map<string, number>();

  add(entry: IndexEntry, bounds: IndexBounds): void {
    const previous = this.scores.get(entry.member);
    if (previous !== undefined) {
      this.entries.splice(this.position({ member: entry.member, score: previous }), 1);
    }
    const at = this.position(entry);
    if (at === this.entries.length) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
    this.scores.set(entry.member, entry.score);
    this.trim(bounds);
  }

  /** Highest first, as {@link KeyValueStore.readIndex}. */
  read(range: IndexRange): IndexEntry[] {
    const found: IndexEntry[] = [];
    const top = this.position({ member: '\uffff', score: range.max });
    for (let i = top - 1; i >= this.first && found.length < range.limit; i--) {
      const entry = this.entries[i];
      if (entry.score > range.max) continue;
      if (entry.score < range.min) break;
      found.push(entry);
    }
    return found;
  }

  private trim(bounds: IndexBounds): void {
    const length = this.entries.length;
    let first = this.first;
    while (first < length && this.entries[first].score < bounds.minScore) first++;
    first = Math.max(first, length - bounds.maxLength);
    for (let i = this.first; i < first; i++) this.scores.delete(this.entries[i].member);
    this.first = first;
    if (first > 1024 && first > length / 2) {
      this.entries = this.entries.slice(first);
      this.first = 0;
    }
  }

  /** Where the entry is, or would be inserted, in the ascending order. */
  private position(entry: IndexEntry): number {
    let low = this.first;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.entries[middle], entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
