import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RECOMMENDED_PROTECTION } from '../../bench/fraud/recommended';
import { CI } from '../../bench/fraud/scenario';
import { simulate } from '../../bench/fraud/simulation';

/** Bench figures of a run, not speeds: the replay is on a simulated clock and deterministic. */
const SIMULATION_MS = 120_000;
/** An E.164 number in full; masked ones (`+44********56`) and range labels (`+44 7400 1`) are not. */
const FULL_NUMBER = /\+\d{8,}/;

/**
 * The done criterion of the adaptive defense (docs/protection.md "What the simulation shows"):
 * on three seeds, a week of legitimate traffic mixed with five pumping waves, replayed against
 * the real gateway with the recommended configuration in enforce mode: at least 99 % of
 * fraudulent sends stopped across the waves, and not one legitimate request blocked.
 */
describe('Fraud simulation (bench/fraud, CI scale)', () => {
  it.each([1, 2, 3])(
    'should stop at least 99 %% of pumping and block no legitimate request (seed %i)',
    async (seed) => {
      const { report, gateway } = await simulate(seed, CI, RECOMMENDED_PROTECTION);
      try {
        expect(report.legitimate.blockedBy).toEqual({});
        expect(report.legitimate.requests).toBeGreaterThan(1000);
        expect(report.fraud.sends).toBe(5540);
        expect(report.fraud.stoppedShare).toBeGreaterThanOrEqual(0.99);
        for (const wave of report.waves) expect(wave.stoppedShare).toBeGreaterThanOrEqual(0.98);
        const started = gateway.logs.samples.get('pumping watch started') ?? [];
        expect(started.length).toBeGreaterThan(0);
        const blocked = gateway.logs.samples.get('delivery blocked') ?? [];
        expect(JSON.stringify([...started, ...blocked])).not.toMatch(FULL_NUMBER);
      } finally {
        await gateway.close();
      }
    },
    SIMULATION_MS,
  );

  it('should recommend in docs/protection.md exactly the configuration the simulation runs', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'protection.md'), 'utf8');
    const block = /## Recommended configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(page);

    expect(block).not.toBeNull();
    expect((parse(block![1]) as { protection: unknown }).protection).toEqual(
      RECOMMENDED_PROTECTION,
    );
  });
});
