import { explain } from './watch-explanation';
import { WatchEntry } from './watch-list';

/** What a watch does to the deliveries it holds, as configured (`protection.adaptive`). */
export interface WatchPolicy {
  /** `adaptive.enabled`: without it nothing is ever watched. */
  readonly enabled: boolean;
  readonly action: 'block' | 'step-down';
  /** Counted and recorded as `would-block`, never blocked (`mode` or `adaptive.mode` monitor). */
  readonly monitored: boolean;
  /** `adaptive.requestTypes` as configured: the deliveries a watch acts on. */
  readonly requestTypes: readonly string[];
}

/** One watched key as `GET /protection/watchlist` shows it: no store id, times in ISO 8601. */
export interface WatchView {
  readonly kind: WatchEntry['kind'];
  readonly key: string;
  readonly country: string;
  readonly since: string;
  readonly until: string;
  readonly strikes: number;
  readonly test: WatchEntry['evidence']['test'];
  readonly sent: number;
  readonly verified: number;
  readonly baseline: number;
  readonly explanation: string;
}

export function toWatchView(entry: WatchEntry): WatchView {
  const { evidence } = entry;
  return {
    kind: entry.kind,
    key: entry.label,
    country: entry.country,
    since: new Date(entry.since).toISOString(),
    until: new Date(entry.until).toISOString(),
    strikes: entry.strikes,
    test: evidence.test,
    sent: Math.round(evidence.sent),
    verified: Math.round(evidence.verified),
    baseline: Math.round(evidence.baseline * 100) / 100,
    explanation: explain(entry),
  };
}
