import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Gateway, startGateway, testConfig } from '../support/gateway';
import { Scrape } from '../support/prometheus';
import { describeChart, find, render } from './support/helm';
import { familyCandidates, metricNames } from './support/promql';
import { describePromtool, promtool } from './support/promtool';
import { withSecrets } from './support/scenarios';

interface Panel {
  title: string;
  type: string;
  panels?: Panel[];
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(
  readFileSync(resolve(__dirname, '../../dashboards/okta-telephony-gateway.json'), 'utf8'),
) as { uid: string; panels: Panel[] };
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const panelQueries = panels.flatMap((p) =>
  (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })),
);

/** The rules of the chart's PrometheusRule: recorded names and every expression. */
function chartRules(): { record?: string; alert?: string; expr: string }[] {
  const manifests = render(withSecrets({ set: { 'metrics.prometheusRule.enabled': true } }));
  const spec = find(manifests, 'PrometheusRule').spec as {
    groups: { rules: { record?: string; alert?: string; expr: string }[] }[];
  };
  return spec.groups.flatMap((g) => g.rules);
}

/** Grafana's variables replaced by what they stand for at query time. */
const asPromql = (expr: string) =>
  expr
    .replaceAll('$__rate_interval', '5m')
    .replaceAll('$__range', '6h')
    .replace(/\$(namespace|job)\b/g, '.*');

describe('metricNames', () => {
  it('should keep metric and rule names, and drop functions, labels, ranges and keywords', () => {
    expect(
      metricNames(
        'sum by (provider, le) (rate(otg_a_bucket{x=~"a|b", job="$job"}[$__rate_interval])) / on (job) group_left(y) otg:b:rate5m > bool 0 or vector(1) offset 5m',
      ),
    ).toEqual(['otg_a_bucket', 'otg:b:rate5m']);
  });
});

describeChart('Grafana dashboard and alerts against a running gateway', () => {
  let gateway: Gateway;
  let scrape: Scrape;

  beforeAll(async () => {
    gateway = await startGateway(
      testConfig({
        providers: { console: { type: 'console' } },
        routing: { default: ['console'] },
      }),
    );
    scrape = new Scrape((await gateway.http().get('/metrics').expect(200)).text);
  });

  afterAll(() => gateway.close());

  it('should have the panels platform teams asked for', () => {
    expect(dashboard.uid).toBe('okta-telephony-gateway');
    expect(panels.filter((p) => p.type !== 'row').map((p) => p.title)).toEqual([
      'Hook requests by outcome',
      'Hook answer latency',
      'Hook error ratio',
      'Deadline near misses',
      'Attempt outcome by class',
      'Success ratio by provider',
      'Attempt latency by provider (p95)',
      'Circuit breaker state by provider',
      'Protection blocks by rule',
      'Sent vs verified by country',
      'Verified / sent by country',
      'Store (Redis) availability',
      'Refused requests by route and reason',
      'Redis command latency (p99)',
      'Versions running',
    ]);
  });

  it('should query only metrics the gateway exports, or rules the chart records', () => {
    const rules = chartRules();
    const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));
    const queries = [
      ...panelQueries,
      ...rules.map((r) => ({ panel: r.alert ?? r.record, expr: r.expr })),
    ];
    const unknown = queries.flatMap(({ panel, expr }) =>
      metricNames(expr)
        .filter((name) => !recorded.has(name))
        .filter((name) => !familyCandidates(name).some((f) => scrape.families.has(f)))
        .map((name) => `${panel}: ${name}`),
    );

    expect(queries.length).toBeGreaterThan(20);
    expect(unknown).toEqual([]);
  });
});

describePromtool('Grafana dashboard queries under promtool', () => {
  it('should hold PromQL that Prometheus parses', () => {
    const rules = panelQueries.map((q, i) => ({
      record: `dashboard:query_${i}`,
      expr: asPromql(q.expr),
    }));
    const result = promtool(['check', 'rules', 'queries.yaml'], {
      'queries.yaml': { groups: [{ name: 'dashboard', rules }] },
    });

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Checking queries.yaml\n  SUCCESS: ${rules.length} rules found\n\n`);
  });
});
