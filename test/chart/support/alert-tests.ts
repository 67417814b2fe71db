/** Where the runbook links of the chart's alerts point by default (Chart.yaml home + docs). */
export const RUNBOOK =
  'https://github.com/okta-telephony-gateway/okta-telephony-gateway/blob/main/docs/operations.md';

/** The labels Prometheus would give the series of one scraped installation. */
const TARGET = { namespace: 'identity', job: 'otg' };

function series(name: string, labels: Record<string, string>, values: string) {
  const all = Object.entries({ ...TARGET, ...labels }).map(([k, v]) => `${k}="${v}"`);
  return { series: `${name}{${all.join(', ')}}`, values };
}

/** The breaker series of provider `twilio` on one pod, for one state (1 while in it). */
function breaker(pod: string, state: string, values: string) {
  return series('otg_circuit_breaker_state', { provider: 'twilio', state, pod }, values);
}

function refused(route: string, reason: string): Record<string, string> {
  return { route, reason, pod: 'a' };
}

/** One alert expected to fire at 25 m, with its exact labels and annotations. */
function fires(
  alertname: string,
  labels: Record<string, string>,
  text: { summary: string; description: string },
) {
  const runbook_url = `${RUNBOOK}#${alertname.toLowerCase()}`;
  return {
    eval_time: '25m',
    alertname,
    exp_alerts: [
      { exp_labels: { ...TARGET, ...labels }, exp_annotations: { ...text, runbook_url } },
    ],
  };
}

const NEAR_MISSES = fires(
  'OtgDeadlineNearMisses',
  { severity: 'warning' },
  {
    summary: 'Answers to Okta are getting close to its 3-second limit.',
    description:
      'otg in identity answered in the last 20 % of hook.deadlineMs, or cut or skipped vendor attempts at the deadline, for 10 minutes.',
  },
);

const quiet = (alertname: string) => ({ eval_time: '25m', alertname, exp_alerts: [] });

/**
 * `promtool test rules` cases (samples every minute for 30 minutes): each alert fires on the
 * series that mean trouble and stays quiet on healthy ones; one recording rule is computed.
 */
export const ALERT_TESTS = [
  {
    interval: '1m',
    input_series: [
      series('otg_hook_requests_total', { outcome: 'sent' }, '0+90x30'),
      series('otg_hook_requests_total', { outcome: 'failed' }, '0+10x30'),
    ],
    alert_rule_test: [
      fires(
        'OtgHookErrorRatio',
        { severity: 'critical' },
        {
          summary:
            "More than 5 % of Okta's telephony hook calls are not answered with a sent or blocked code.",
          description:
            '10% of the hook calls to otg in identity failed or were refused over 10 minutes; Okta resends those codes through its own rate-limited providers.',
        },
      ),
    ],
    promql_expr_test: [
      {
        expr: 'otg:hook_error_ratio:rate5m',
        eval_time: '25m',
        exp_samples: [
          { labels: 'otg:hook_error_ratio:rate5m{namespace="identity", job="otg"}', value: 0.1 },
        ],
      },
    ],
  },
  {
    interval: '1m',
    input_series: [
      series('otg_hook_requests_total', { outcome: 'sent' }, '0+99x30'),
      series('otg_hook_requests_total', { outcome: 'unauthorized' }, '0+1x30'),
      series('otg_hook_duration_seconds_count', {}, '0+100x30'),
      series('otg_deadline_near_misses_total', { kind: 'answer' }, '0+0x30'),
      series('otg_deadline_near_misses_total', { kind: 'attempt-cut' }, '0+0x30'),
      breaker('a', 'closed', '0x3 1x27'),
      breaker('a', 'half-open', '1x3 0x27'),
      breaker('a', 'open', '0x30'),
      series(
        'otg_requests_refused_total',
        refused('/hooks/okta/telephony', 'no credential'),
        '0+5x30',
      ),
      series(
        'otg_requests_refused_total',
        refused('/hooks/okta/events', 'invalid request'),
        '0+5x30',
      ),
      series('otg_store_available', { driver: 'redis', pod: 'a' }, '1x30'),
    ],
    alert_rule_test: [
      quiet('OtgHookErrorRatio'),
      quiet('OtgDeadlineNearMisses'),
      quiet('OtgCircuitBreakerOpen'),
      quiet('OtgCredentialsRefused'),
      quiet('OtgStoreUnavailable'),
    ],
  },
  {
    interval: '1m',
    input_series: [
      series('otg_hook_duration_seconds_count', {}, '0+100x30'),
      series('otg_deadline_near_misses_total', { kind: 'answer' }, '0+2x30'),
      breaker('a', 'closed', '1x10 0x20'),
      breaker('a', 'open', '0x10 1x20'),
      breaker('b', 'closed', '1x30'),
      breaker('b', 'open', '0x30'),
      series('otg_requests_refused_total', refused('/hooks/okta/events', 'wrong secret'), '0+2x30'),
      series('otg_store_available', { driver: 'redis', pod: 'a' }, '1x30'),
      series('otg_store_available', { driver: 'redis', pod: 'b' }, '1x20 0x10'),
    ],
    alert_rule_test: [
      NEAR_MISSES,
      fires(
        'OtgCircuitBreakerOpen',
        { severity: 'warning', provider: 'twilio' },
        {
          summary: "A vendor's circuit breaker has been open or half-open for 5 minutes.",
          description:
            'Provider twilio of otg in identity keeps failing on at least one replica; its codes go to the next provider of the route.',
        },
      ),
      fires(
        'OtgCredentialsRefused',
        { severity: 'warning', route: '/hooks/okta/events', reason: 'wrong secret' },
        {
          summary: "Okta's hooks or a vendor's callbacks are refused for their credentials.",
          description:
            "/hooks/okta/events of otg in identity has refused requests for wrong secret for 10 minutes: the secret, token or signing key the caller uses is not the one in the gateway's configuration.",
        },
      ),
      fires(
        'OtgStoreUnavailable',
        { severity: 'critical' },
        {
          summary: "The gateway's store (Redis) has been unreachable for 2 minutes.",
          description:
            'At least one replica of otg in identity cannot reach Redis; with store.onUnavailable fail-open, codes go out without idempotency or rate limits, with fail-closed Okta gets errors.',
        },
      ),
    ],
  },
  {
    interval: '1m',
    input_series: [
      series('otg_hook_duration_seconds_count', {}, '0+100x30'),
      series('otg_deadline_near_misses_total', { kind: 'answer' }, '0+0x30'),
      series('otg_deadline_near_misses_total', { kind: 'untried' }, '0+1x30'),
    ],
    alert_rule_test: [NEAR_MISSES],
  },
];
