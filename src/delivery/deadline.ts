/** Below this, an attempt cannot do a vendor round trip; it is not started. */
export const MIN_ATTEMPT_MS = 50;

/**
 * How long the next attempt may take: its provider's timeout, cut so that the answer can still
 * be written `answerMarginMs` before the hook deadline. Zero means there is no time left.
 */
export function attemptBudget(
  now: number,
  deadlineAt: number,
  answerMarginMs: number,
  providerTimeoutMs: number,
): number {
  const left = deadlineAt - answerMarginMs - now;
  const budget = Math.min(providerTimeoutMs, left);
  return budget >= MIN_ATTEMPT_MS ? Math.floor(budget) : 0;
}

/** Milliseconds left before the answer must be written (negative once that moment passed). */
export function answerTimeLeft(now: number, deadlineAt: number, answerMarginMs: number): number {
  return deadlineAt - answerMarginMs - now;
}
