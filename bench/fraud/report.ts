import { PRICE_PER_SMS, WaveSpec } from './model';
import { Outcome } from './replay';

/** One wave's figures. */
export interface WaveReport {
  readonly wave: string;
  readonly sends: number;
  readonly stopped: number;
  readonly stoppedShare: number;
  /** Requests of the wave that went out before the first one was stopped. */
  readonly beforeFirstStop: number;
  readonly savedUsd: number;
  readonly leakedUsd: number;
  /** Stopped requests by the rule that stopped them. */
  readonly byRule: Readonly<Record<string, number>>;
}

/** A whole run's figures. */
export interface RunReport {
  readonly seed: number;
  readonly waves: readonly WaveReport[];
  readonly fraud: {
    readonly sends: number;
    readonly stopped: number;
    readonly stoppedShare: number;
  };
  readonly legitimate: {
    readonly requests: number;
    readonly blocked: number;
    /** Blocked legitimate requests by category and rule (empty when none). */
    readonly blockedBy: Readonly<Record<string, number>>;
    readonly byCategory: Readonly<Record<string, number>>;
  };
}

export function report(
  seed: number,
  waves: readonly WaveSpec[],
  outcomes: readonly Outcome[],
): RunReport {
  const waveReports = waves.map((wave) => waveReport(wave, outcomes));
  const legit = outcomes.filter((o) => 'legit' in o.request.source);
  const blocked = legit.filter((o) => !o.sent);
  const sends = waveReports.reduce((sum, w) => sum + w.sends, 0);
  const stopped = waveReports.reduce((sum, w) => sum + w.stopped, 0);
  return {
    seed,
    waves: waveReports,
    fraud: { sends, stopped, stoppedShare: stopped / sends },
    legitimate: {
      requests: legit.length,
      blocked: blocked.length,
      blockedBy: tally(blocked, (o) => `${category(o)} ${o.rule ?? 'failed'}`),
      byCategory: tally(legit, category),
    },
  };
}

function waveReport(wave: WaveSpec, outcomes: readonly Outcome[]): WaveReport {
  const mine = outcomes.filter(
    (o) => 'wave' in o.request.source && o.request.source.wave === wave.name,
  );
  const stopped = mine.filter((o) => !o.sent);
  const price = PRICE_PER_SMS[wave.country] ?? 0;
  const first = mine.findIndex((o) => !o.sent);
  return {
    wave: wave.name,
    sends: mine.length,
    stopped: stopped.length,
    stoppedShare: stopped.length / mine.length,
    beforeFirstStop: first < 0 ? mine.length : first,
    savedUsd: stopped.length * price,
    leakedUsd: (mine.length - stopped.length) * price,
    byRule: tally(stopped, (o) => o.rule ?? 'failed'),
  };
}

function category(outcome: Outcome): string {
  const source = outcome.request.source;
  return 'legit' in source ? source.legit : source.wave;
}

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** The run as Markdown tables, for the bench's output and docs/protection.md. */
export function markdown(run: RunReport, waves: readonly WaveSpec[]): string {
  const pct = (share: number) => `${(100 * share).toFixed(1)} %`;
  const usd = (value: number) => `$${value.toFixed(2)}`;
  const rows = run.waves.map((w) => {
    const spec = waves.find((s) => s.name === w.wave)!;
    const rules = Object.entries(w.byRule)
      .sort((a, b) => b[1] - a[1])
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ');
    return `| ${w.wave} | ${spec.description} | ${w.sends} | ${pct(w.stoppedShare)} | ${w.beforeFirstStop} | ${usd(w.savedUsd)} | ${usd(w.leakedUsd)} | ${rules} |`;
  });
  const legit = run.legitimate;
  const saved = run.waves.reduce((sum, w) => sum + w.savedUsd, 0);
  const cost = run.waves.reduce((sum, w) => sum + w.savedUsd + w.leakedUsd, 0);
  return [
    `Seed ${run.seed}: ${run.fraud.stopped} of ${run.fraud.sends} fraudulent sends stopped (${pct(run.fraud.stoppedShare)}), ${usd(saved)} of ${usd(cost)} saved; ${legit.blocked} of ${legit.requests} legitimate requests blocked.`,
    '',
    '| wave | what | sends | stopped | sent before the first stop | saved | still sent | stopped by |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Legitimate requests: ${Object.entries(legit.byCategory)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}.`,
    legit.blocked > 0
      ? `Blocked: ${Object.entries(legit.blockedBy)
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')}.`
      : 'None blocked.',
  ].join('\n');
}
