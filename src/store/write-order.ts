/**
 * The order in which a store's keys were last written, for evicting the least recently written:
 * a queue of (key, write number) records, one per write. A record whose key has been written
 * again since (or deleted) is stale and skipped. The store updates a rewritten entry in place
 * instead of deleting and re-adding it to its Map, because V8 leaves every deleted slot in its
 * bucket's chain until the next rehash: a key written over and over (a day's search index, a
 * counter) made each of its writes walk thousands of dead slots, ~50 µs at 20,000 entries.
 */
export class WriteOrder {
  private keys: string[] = [];
  private numbers: number[] = [];
  private head = 0;

  push(key: string, written: number): void {
    this.keys.push(key);
    this.numbers.push(written);
  }

  /** The least recently written key still current (`isCurrent(key, written)`), taken off the queue. */
  takeOldest(isCurrent: (key: string, written: number) => boolean): string | undefined {
    while (this.head < this.keys.length) {
      const at = this.head++;
      if (isCurrent(this.keys[at], this.numbers[at])) return this.keys[at];
    }
    return undefined;
  }

  /** Drops stale and taken records once they outnumber `live` (amortized over the writes). */
  compactAbove(live: number, isCurrent: (key: string, written: number) => boolean): void {
    if (this.keys.length - this.head <= 2 * live + 1024 && this.head <= this.keys.length / 2) {
      return;
    }
    const keys: string[] = [];
    const numbers: number[] = [];
    for (let at = this.head; at < this.keys.length; at++) {
      if (!isCurrent(this.keys[at], this.numbers[at])) continue;
      keys.push(this.keys[at]);
      numbers.push(this.numbers[at]);
    }
    this.keys = keys;
    this.numbers = numbers;
    this.head = 0;
  }
}
