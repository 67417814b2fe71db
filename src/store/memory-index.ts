import { IndexBounds, IndexEntry, IndexRange } from './key-value-store';

/** Entries ordered as Redis orders a sorted set: by score, then by member. */
function compare(a: IndexEntry, b: IndexEntry): number {
  if (a.score !== b.score) return a.score - b.score;
  return a.member < b.member ? -1 : a.member > b.member ? 1 : 0;
}

/**
 * A sorted set for the memory driver: entries kept in ascending order in one array (binary
 * search to insert), members in a map to find the entry a re-added member replaces.
 */
export class MemoryIndex {
  private readonly entries: IndexEntry[] = [];
  private readonly scores = new Map<string, number>();

  add(entry: IndexEntry, bounds: IndexBounds): void {
    const previous = this.scores.get(entry.member);
    if (previous !== undefined) {
      this.entries.splice(this.position({ member: entry.member, score: previous }), 1);
    }
    this.entries.splice(this.position(entry), 0, entry);
    this.scores.set(entry.member, entry.score);
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop].score < bounds.minScore) drop++;
    drop = Math.max(drop, this.entries.length - bounds.maxLength);
    for (const gone of this.entries.splice(0, drop)) this.scores.delete(gone.member);
  }

  /** Highest first, as {@link KeyValueStore.readIndex}. */
  read(range: IndexRange): IndexEntry[] {
    const found: IndexEntry[] = [];
    const top = this.position({ member: '\uffff', score: range.max });
    for (let i = top - 1; i >= 0 && found.length < range.limit; i--) {
      const entry = this.entries[i];
      if (entry.score > range.max) continue;
      if (entry.score < range.min) break;
      found.push(entry);
    }
    return found;
  }

  /** Where the entry is, or would be inserted, in the ascending order. */
  private position(entry: IndexEntry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.entries[middle], entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
