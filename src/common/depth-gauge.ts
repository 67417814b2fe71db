import { MAX_JSON_DEPTH } from './json-scanner';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Strings up to this long are walked byte by byte; longer ones are searched natively. */
const SHORT_STRING = 48;

/**
 * The cheap half of the JSON checks, run on every chunk as it arrives: counts the nesting of
 * brackets outside strings and reports the first byte past {@link MAX_JSON_DEPTH}. It does not
 * check syntax (JSON.parse does, and JsonScanner explains what it refused), so a valid body
 * costs one pass, long strings skipped by `indexOf`.
 */
export class DepthGauge {
  private depth = 0;
  private inString = false;
  /** Inside a string, whether the chunk before ended on an unpaired backslash. */
  private escaped = false;
  private offset = 0;

  /** The offset of the first byte nested too deep, or -1 while the body is within the limit. */
  feed(chunk: Uint8Array): number {
    let depth = this.depth;
    let i = 0;
    while (i < chunk.length) {
      if (this.inString) {
        i = this.endOfString(chunk, i);
        continue;
      }
      const byte = chunk[i++];
      if (byte === QUOTE) this.inString = true;
      else if (byte === 0x5b || byte === 0x7b) {
        if (++depth > MAX_JSON_DEPTH) return this.offset + i - 1;
      } else if (byte === 0x5d || byte === 0x7d) depth--;
    }
    this.depth = depth;
    this.offset += chunk.length;
    return -1;
  }

  /** Where scanning goes on after the string that `from` is in: past its closing quote, or the chunk. */
  private endOfString(chunk: Uint8Array, from: number): number {
    let escaped = this.escaped;
    const inline = Math.min(chunk.length, from + SHORT_STRING);
    for (let i = from; i < inline; i++) {
      const byte = chunk[i];
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) return this.closed(i);
    }
    this.escaped = escaped;
    return inline === chunk.length ? inline : this.endOfLongString(chunk, inline);
  }

  /** The same for what is left of a long string, by `indexOf` (memchr) from quote to quote. */
  private endOfLongString(chunk: Uint8Array, from: number): number {
    let quote = chunk.indexOf(QUOTE, from);
    while (quote !== -1 && this.isEscaped(chunk, from, quote)) {
      quote = chunk.indexOf(QUOTE, quote + 1);
    }
    if (quote !== -1) return this.closed(quote);
    this.escaped = this.isEscaped(chunk, from, chunk.length);
    return chunk.length;
  }

  private closed(quote: number): number {
    this.inString = false;
    this.escaped = false;
    return quote + 1;
  }

  /** Whether an odd run of backslashes ends just before `at` (counting the carried one at `from`). */
  private isEscaped(chunk: Uint8Array, from: number, at: number): boolean {
    let run = 0;
    while (at - run - 1 >= from && chunk[at - run - 1] === BACKSLASH) run++;
    const carried = at - run === from && this.escaped ? 1 : 0;
    return (run + carried) % 2 === 1;
  }
}
