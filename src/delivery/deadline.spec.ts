import { answerTimeLeft, attemptBudget, MIN_ATTEMPT_MS } from './deadline';

describe(attemptBudget.name, () => {
  it('should give the provider its whole timeout when the deadline is far', () => {
    expect(attemptBudget(0, 2500, 100, 1500)).toBe(1500);
  });

  it('should cut the timeout to what is left before the answer margin', () => {
    expect(attemptBudget(1500, 2500, 100, 1500)).toBe(900);
    expect(attemptBudget(2000.6, 2500, 100, 1500)).toBe(399);
  });

  it('should refuse an attempt that would have less than the minimum', () => {
    expect(attemptBudget(2400 - MIN_ATTEMPT_MS + 1, 2500, 100, 1500)).toBe(0);
    expect(attemptBudget(2400 - MIN_ATTEMPT_MS, 2500, 100, 1500)).toBe(MIN_ATTEMPT_MS);
    expect(attemptBudget(3000, 2500, 100, 1500)).toBe(0);
  });

  it('should never exceed a short provider timeout', () => {
    expect(attemptBudget(0, 2500, 100, 200)).toBe(200);
  });
});

describe(answerTimeLeft.name, () => {
  it('should count down to the answer margin before the deadline', () => {
    expect(answerTimeLeft(1000, 2500, 100)).toBe(1400);
    expect(answerTimeLeft(2450, 2500, 100)).toBe(-50);
  });
});
