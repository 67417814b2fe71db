/** A provider its breaker skipped, and when the breaker lets an attempt through again. */
export interface SkippedProvider<P> {
  readonly provider: P;
  readonly reopensAt: number;
  /** The vendor itself asked for the pause (Retry-After); it is never overridden. */
  readonly vendorAsked: boolean;
}

/**
 * When every candidate's breaker is open, one of them is still tried rather than handing the
 * OTP to Okta's own rate-limited providers: the one whose breaker reopens first, unless the
 * vendor asked for the pause itself.
 */
export function pickLastResort<P>(skipped: readonly SkippedProvider<P>[]): P | undefined {
  let best: SkippedProvider<P> | undefined;
  for (const skip of skipped) {
    if (skip.vendorAsked) continue;
    if (!best || skip.reopensAt < best.reopensAt) best = skip;
  }
  return best?.provider;
}
