import { DAY, HOUR, SimRequest, WaveSpec } from './model';
import { legitimateTraffic } from './legitimate';
import { Population } from './population';
import { Random } from './random';
import { at, waveTraffic } from './waves';

/** How big a run is: the bench's full size, or the smaller one CI replays on three seeds. */
export interface Scale {
  readonly name: string;
  readonly users: number;
  readonly officeUsers: number;
  readonly days: number;
}

export const FULL: Scale = { name: 'full', users: 3000, officeUsers: 200, days: 8 };
export const CI: Scale = { name: 'ci', users: 400, officeUsers: 60, days: 8 };

/**
 * The waves: (a) to (c) as the issue describes them, (d) and (e) harder. The first day is
 * legitimate traffic alone, so that the gateway has a history to learn from.
 */
export const WAVES: readonly WaveSpec[] = [
  {
    name: 'a-sequential',
    description: 'sequential numbers in a country with no users (UZ)',
    country: 'UZ',
    start: at(1, 2),
    durationMs: 3 * HOUR,
    sends: 1000,
    numbers: { kind: 'sequential', first: '+998901234000' },
    ips: 250,
    resendShare: 0,
    verifyShare: 0,
  },
  {
    name: 'b-range',
    description: 'one 100,000-number range of a country with users (+44 7400 1), never verified',
    country: 'GB',
    start: at(1, 8),
    durationMs: 12 * HOUR,
    sends: 1200,
    numbers: { kind: 'ranges', prefixes: ['+4474001'] },
    ips: 400,
    resendShare: 0.3,
    verifyShare: 0,
  },
  {
    name: 'c-country',
    description: 'valid numbers across a whole country with users (DE), 10 % verified',
    country: 'DE',
    start: at(2, 6),
    durationMs: 12 * HOUR,
    sends: 1500,
    numbers: { kind: 'country' },
    ips: 600,
    resendShare: 0.1,
    verifyShare: 0.1,
  },
  {
    name: 'd-human',
    description: 'four ranges of FR, 20 % verified, 30 % through carrier networks real users share',
    country: 'FR',
    start: at(3, 9),
    durationMs: 10 * HOUR,
    sends: 1000,
    numbers: { kind: 'ranges', prefixes: ['+3361234', '+3364555', '+3367812', '+3362701'] },
    ips: 300,
    sharedShare: 0.3,
    resendShare: 0.1,
    verifyShare: 0.2,
  },
  {
    name: 'e-slow',
    description: 'two ranges of IN over a week, 5 an hour, a new address each time',
    country: 'IN',
    start: at(1, 0),
    durationMs: 7 * DAY,
    sends: 840,
    numbers: { kind: 'ranges', prefixes: ['+9181234', '+9198765'] },
    ips: 840,
    resendShare: 0,
    verifyShare: 0,
  },
];

/** Every request of one seeded run, in time order. */
export function scenario(seed: number, scale: Scale): SimRequest[] {
  const random = new Random(seed);
  const population = new Population(random, scale.users, scale.officeUsers);
  const legit = legitimateTraffic(random, population, scale.days);
  const fraud = WAVES.flatMap((wave) => waveTraffic(random, wave, population));
  return [...legit, ...fraud].sort((a, b) => a.at - b.at);
}
