/** Prefix of every metric the gateway defines. */
export const METRIC_PREFIX = 'otg_';

/** Buckets (seconds) of the latency histograms: vendor round trips up to Okta's 3 s limit. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3,
];
