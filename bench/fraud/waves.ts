import { HOUR, REQUEST_TYPES, SimRequest, WaveSpec } from './model';
import { humanDelay } from './legitimate';
import { mobileNumber, sequentialNumbers } from './numbers';
import { Population } from './population';
import { Random } from './random';

/**
 * One pumping wave's requests: a fresh self-registered account per number, enrollment requests
 * spread at random over the wave, rotating client addresses, sometimes a second code a minute
 * later, and the share of codes the attacker types in to look human.
 */
export function waveTraffic(random: Random, spec: WaveSpec, population: Population): SimRequest[] {
  const pool = Array.from({ length: spec.ips }, () => random.ipv4());
  const numbers = numberSource(random, spec);
  const requests: SimRequest[] = [];
  while (requests.length < spec.sends) {
    const userId = random.oktaId('00u');
    const base = {
      source: { wave: spec.name },
      userId,
      login: `${userId.slice(3, 12).toLowerCase()}@mailbox.example`,
      phone: numbers(),
      country: spec.country,
      channel: 'sms' as const,
      requestType: REQUEST_TYPES.enrollment,
    };
    const ip = () =>
      random.chance(spec.sharedShare ?? 0) ? population.carrierIp(spec.country) : random.pick(pool);
    const at = spec.start + random.next() * spec.durationMs;
    const resend = random.chance(spec.resendShare) && requests.length + 1 < spec.sends;
    const typed = random.chance(spec.verifyShare) ? { verifyAfterMs: humanDelay(random) } : {};
    if (resend) {
      requests.push({ ...base, at, ip: ip() });
      requests.push({ ...base, at: at + random.int(30_000, 90_000), ip: ip(), ...typed });
    } else {
      requests.push({ ...base, at, ip: ip(), ...typed });
    }
  }
  return requests;
}

function numberSource(random: Random, spec: WaveSpec): () => string {
  const { numbers } = spec;
  switch (numbers.kind) {
    case 'sequential': {
      const run = sequentialNumbers(numbers.first, spec.sends, spec.country);
      let next = 0;
      return () => run[next++ % run.length];
    }
    case 'ranges':
      return () => mobileNumber(random, spec.country, random.pick(numbers.prefixes));
    case 'country':
      return () => mobileNumber(random, spec.country);
  }
}

/** Start of a wave: `day` days and `hour` hours into the run. */
export const at = (day: number, hour: number): number => (day * 24 + hour) * HOUR;
