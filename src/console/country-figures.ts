import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';

/** The event hook's counters (src/events/event-hook.metrics.ts), read by name. */
export const SENT_METRIC = `${METRIC_PREFIX}otp_sent_total`;
export const VERIFIED_METRIC = `${METRIC_PREFIX}otp_verified_total`;

const HOUR_MS = 3_600_000;
const BASELINE_MS = 7 * 24 * HOUR_MS;
const SAMPLE_EVERY_MS = 5 * 60_000;
/** The documented alert (docs/events.md): at least this many codes sent in the hour. */
const MIN_SENT_PER_HOUR = 20;

type Counts = ReadonlyMap<string, { readonly sent: number; readonly verified: number }>;

/** One country on the countries page: the last hour against its own baseline. */
export interface CountryFigure {
  readonly country: string;
  readonly sentHour: number;
  readonly verifiedHour: number;
  readonly sentBaseline: number;
  readonly verifiedBaseline: number;
  /** Verified / sent over the hour and over the baseline; undefined with nothing sent. */
  readonly ratioHour?: number;
  readonly ratioBaseline?: number;
  /** The pumping alarm of docs/events.md holds for this country. */
  readonly alarm: boolean;
}

/** Every country's figures and how far back the baseline goes. */
export interface CountryFigures {
  readonly countries: readonly CountryFigure[];
  /** Start of the baseline (up to 7 days; since this process started when younger). */
  readonly baselineSince: number;
  /** Whether an hour of history exists yet (the alarm needs one). */
  readonly hourKnown: boolean;
}

/**
 * Codes sent against phone verifications per country, from the event hook's counters
 * (`otg_otp_sent_total`, `otg_otp_verified_total`), sampled every five minutes for seven days,
 * with the SMS-pumping alarm of docs/events.md evaluated on them: the verified ratio of the last
 * hour below half its 7-day level, more than 20 codes sent there in the hour, and verifications
 * arriving at all. This replica's counters only; the PrometheusRule judges every replica.
 */
@Injectable()
export class CountryFiguresService implements OnModuleInit, OnModuleDestroy {
  private readonly samples: { at: number; counts: Counts }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly registry: Registry) {}

  async onModuleInit(): Promise<void> {
    this.timer = setInterval(() => void this.sample(), SAMPLE_EVERY_MS).unref();
    await this.sample();
  }

  async figures(now = Date.now()): Promise<CountryFigures> {
    const current = await this.read();
    while (this.samples.length > 1 && now - this.samples[1].at >= BASELINE_MS) this.samples.shift();
    const baseline = this.samples[0] ?? { at: now, counts: new Map() };
    const hourAgo = this.samples.findLast((s) => now - s.at >= HOUR_MS);
    const hour = hourAgo ?? baseline;
    const totalVerifiedHour = sum(current, hour.counts, 'verified');
    const countries = [...current.keys()].sort().map((country) => {
      const figure = {
        country,
        ...window('Hour', current, hour.counts, country),
        ...window('Baseline', current, baseline.counts, country),
      };
      const alarm =
        hourAgo !== undefined &&
        figure.sentHour > MIN_SENT_PER_HOUR &&
        totalVerifiedHour > 0 &&
        figure.ratioHour! < 0.5 * (figure.ratioBaseline ?? 0);
      return { ...figure, alarm };
    });
    return { countries, baselineSince: baseline.at, hourKnown: hourAgo !== undefined };
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Keeps the counters as they are now (every five minutes, and at start). */
  async sample(now = Date.now()): Promise<void> {
    this.samples.push({ at: now, counts: await this.read() });
  }

  private async read(): Promise<Counts> {
    const counts = new Map<string, { sent: number; verified: number }>();
    for (const [metric, field] of [
      [SENT_METRIC, 'sent'],
      [VERIFIED_METRIC, 'verified'],
    ] as const) {
      const values = (await this.registry.getSingleMetric(metric)?.get())?.values ?? [];
      for (const { labels, value } of values) {
        const country = String(labels.country ?? 'unknown');
        const entry = counts.get(country) ?? { sent: 0, verified: 0 };
        entry[field] += value;
        counts.set(country, entry);
      }
    }
    return counts;
  }
}

function window<S extends string>(suffix: S, now: Counts, then: Counts, country: string) {
  const sent = (now.get(country)?.sent ?? 0) - (then.get(country)?.sent ?? 0);
  const verified = (now.get(country)?.verified ?? 0) - (then.get(country)?.verified ?? 0);
  return {
    [`sent${suffix}`]: sent,
    [`verified${suffix}`]: verified,
    [`ratio${suffix}`]: sent > 0 ? verified / sent : undefined,
  } as Record<`sent${S}` | `verified${S}`, number> & Record<`ratio${S}`, number | undefined>;
}

function sum(now: Counts, then: Counts, field: 'sent' | 'verified'): number {
  let total = 0;
  for (const [country, counts] of now) total += counts[field] - (then.get(country)?.[field] ?? 0);
  return total;
}
