import { baseline, binomialTail, evaluate, EvidenceRule, KeyReading, unverified } from './evidence';

const rule: EvidenceRule = { minSent: 3, expectedRatio: 0.85, dropFactor: 0.5, burst: 6 };
const reading = (fields: Partial<KeyReading>): KeyReading => ({
  sent: 0,
  verified: 0,
  pendingSent: 0,
  pendingVerified: 0,
  historySent: 0,
  historyVerified: 0,
  ...fields,
});

describe(binomialTail.name, () => {
  it('should give the probability of at most k successes', () => {
    expect(binomialTail(0, 3, 0.85)).toBeCloseTo(0.15 ** 3, 12);
    expect(binomialTail(1, 4, 0.5)).toBeCloseTo(5 / 16, 12);
    expect(binomialTail(4, 4, 0.3)).toBeCloseTo(1, 12);
  });

  it('should not underflow on large counts', () => {
    expect(binomialTail(900, 2000, 0.9)).toBeLessThan(1e-300);
    expect(binomialTail(1800, 2000, 0.9)).toBeGreaterThan(0.4);
    expect(binomialTail(40_000, 100_000, 0.9)).toBe(0);
  });
});

describe(evaluate.name, () => {
  it('should watch a new key with three codes settled and none verified (poor)', () => {
    expect(evaluate(reading({ sent: 3 }), rule)).toEqual({
      test: 'poor',
      sent: 3,
      verified: 0,
      baseline: 0.85,
    });
    expect(evaluate(reading({ sent: 2 }), rule)).toBeUndefined();
    expect(evaluate(reading({ sent: 3, verified: 1 }), rule)).toBeUndefined();
  });

  it('should watch a key whose window falls far below its own history (drop)', () => {
    const history = { historySent: 200, historyVerified: 190 };

    expect(evaluate(reading({ ...history, sent: 20, verified: 4 }), rule)).toEqual({
      test: 'drop',
      sent: 20,
      verified: 4,
      baseline: baseline(reading(history), rule),
    });
    expect(baseline(reading(history), rule)).toBeCloseTo(198.5 / 210, 12);
    expect(evaluate(reading({ ...history, sent: 20, verified: 15 }), rule)).toBeUndefined();
  });

  it('should leave a key alone whose usual share is low and stays so', () => {
    const history = { historySent: 300, historyVerified: 150 };

    expect(evaluate(reading({ ...history, sent: 20, verified: 9 }), rule)).toBeUndefined();
  });

  it('should count history toward the poor test, so that a slow run is caught', () => {
    expect(evaluate(reading({ sent: 1, historySent: 2.4 }), rule)).toEqual({
      test: 'poor',
      sent: 3,
      verified: 0,
      baseline: 0.85,
    });
  });

  it('should watch a burst into a key that never had a code verified, before any is due', () => {
    expect(evaluate(reading({ pendingSent: 6 }), rule)).toEqual({
      test: 'burst',
      sent: 6,
      verified: 0,
      baseline: 0.85,
    });
    expect(evaluate(reading({ pendingSent: 6, historyVerified: 1 }), rule)).toBeUndefined();
    expect(evaluate(reading({ pendingSent: 6 }), { ...rule, burst: undefined })).toBeUndefined();
  });

  it('should count pending and history codes as not verified yet', () => {
    const r = reading({ sent: 4, verified: 3, pendingSent: 2, historySent: 5, historyVerified: 1 });

    expect(unverified(r)).toBe(7);
  });
});
