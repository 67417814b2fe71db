import { WatchEntry } from './watch-list';

/**
 * A watch in words for answers, records and logs, with the figures behind it:
 * `range +44 7400 1 sent 312 verified 0, baseline 0.91`. Never a whole number: a range shows
 * its country code and five digits at most (adaptive-keys.ts).
 */
export function explain({ kind, label, evidence }: WatchEntry): string {
  const { sent, verified, baseline } = evidence;
  return `${kind} ${label} sent ${Math.round(sent)} verified ${Math.round(verified)}, baseline ${baseline.toFixed(2)}`;
}
