/**
 * What the counters say about one key: the settled codes of the recent window, the codes too
 * young to be due (pending), and its history.
 */
export interface KeyReading {
  readonly sent: number;
  readonly verified: number;
  readonly pendingSent: number;
  readonly pendingVerified: number;
  /** Exponentially weighted sums of older codes. */
  readonly historySent: number;
  readonly historyVerified: number;
}

/** Codes of the key not verified (yet), pending and history included. */
export function unverified(r: KeyReading): number {
  return (
    r.sent + r.pendingSent + r.historySent - r.verified - r.pendingVerified - r.historyVerified
  );
}

/** Why a key goes on the watch list, with the figures an explanation names. */
export interface Evidence {
  /**
   * `drop`: far below its own baseline; `poor`: little or nothing verified, history included;
   * `burst`: a run of codes to a key that never had one verified, faster than they can be.
   */
  readonly test: 'drop' | 'poor' | 'burst';
  readonly sent: number;
  readonly verified: number;
  /** The verified share the key was measured against. */
  readonly baseline: number;
}

export interface EvidenceRule {
  readonly minSent: number;
  /** The share assumed before a key has history (and the weight of that assumption, in codes). */
  readonly expectedRatio: number;
  readonly dropFactor: number;
  /** Codes that make a `burst`, or undefined for none (a country: many people at once is normal). */
  readonly burst?: number;
}

/** Pseudo-codes of the expected share mixed into every baseline: a few codes cannot make one. */
const PRIOR_WEIGHT = 10;
/** How improbable the verified count must be for the key's share to count as fallen. */
const SIGNIFICANCE = 0.005;
/** Codes a test looks at, at most: the tail sum stays cheap, and large counts are already significant. */
const MAX_CODES = 5000;

/** The key's baseline: its history's verified share, drawn toward the expected share. */
export function baseline(reading: KeyReading, rule: EvidenceRule): number {
  const prior = rule.expectedRatio * PRIOR_WEIGHT;
  return (reading.historyVerified + prior) / (reading.historySent + PRIOR_WEIGHT);
}

/**
 * Whether the key's codes stopped being verified: the window and history together far below
 * the expected share (`poor`: a new key with volume and no verifications, or a slow run that
 * never verifies), or the recent window far below the key's own baseline (`drop`). Each test
 * needs `minSent` codes, a share under `dropFactor` of the one it compares with, and a count
 * that share would give less than once in two hundred times. A key that never had a code
 * verified and gets `burst` codes within the window is watched at once, before any is due.
 */
export function evaluate(reading: KeyReading, rule: EvidenceRule): Evidence | undefined {
  const sent = Math.round(reading.sent + reading.historySent);
  const verified = Math.round(reading.verified + reading.historyVerified);
  if (fallen(sent, verified, rule.expectedRatio, rule)) {
    return { test: 'poor', sent, verified, baseline: rule.expectedRatio };
  }
  const base = baseline(reading, rule);
  if (fallen(reading.sent, reading.verified, base, rule)) {
    return { test: 'drop', sent: reading.sent, verified: reading.verified, baseline: base };
  }
  return burst(reading, rule);
}

function burst(reading: KeyReading, rule: EvidenceRule): Evidence | undefined {
  const everVerified = reading.verified + reading.pendingVerified + reading.historyVerified;
  const sent = Math.round(reading.sent + reading.pendingSent);
  if (rule.burst === undefined || sent < rule.burst || everVerified > 0) return undefined;
  return { test: 'burst', sent, verified: 0, baseline: rule.expectedRatio };
}

function fallen(sent: number, verified: number, expected: number, rule: EvidenceRule): boolean {
  if (sent < rule.minSent || verified >= sent * expected * rule.dropFactor) return false;
  return binomialTail(verified, sent, expected) < SIGNIFICANCE;
}

/** P(X ≤ k) for X ~ Binomial(n, p), in log space (large n underflows otherwise). */
export function binomialTail(k: number, n: number, p: number): number {
  if (p >= 1) return k >= n ? 1 : 0;
  const scale = n > MAX_CODES ? MAX_CODES / n : 1;
  const codes = Math.round(n * scale);
  const successes = Math.min(codes, Math.floor(k * scale));
  let logTerm = codes * Math.log1p(-p);
  let logSum = logTerm;
  const odds = Math.log(p) - Math.log1p(-p);
  for (let i = 0; i < successes; i++) {
    logTerm += Math.log(codes - i) - Math.log(i + 1) + odds;
    logSum = Math.max(logSum, logTerm) + Math.log1p(Math.exp(-Math.abs(logSum - logTerm)));
  }
  return Math.min(1, Math.exp(logSum));
}
