import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeChart, find, FULLNAME, render } from './support/helm';
import { ALERT_TESTS, RUNBOOK } from './support/alert-tests';
import { describePromtool, promtool } from './support/promtool';
import { withSecrets } from './support/scenarios';

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
type Groups = { name: string; rules: Rule[] }[];

/** The rule groups of the rendered PrometheusRule. */
function ruleGroups(set: Record<string, string | boolean> = {}): Groups {
  const manifests = render(
    withSecrets({ set: { 'metrics.prometheusRule.enabled': true, ...set } }),
  );
  return (find(manifests, 'PrometheusRule').spec as { groups: Groups }).groups;
}

/** GitHub's anchors of the headings of a Markdown file. */
function anchors(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-'),
  );
}

describeChart('okta-telephony-gateway chart: PrometheusRule', () => {
  it('should render no PrometheusRule unless asked', () => {
    expect(render(withSecrets()).filter((m) => m.kind === 'PrometheusRule')).toEqual([]);
  });

  it('should give every alert a severity and a summary, description and runbook in docs/', () => {
    const alerts = ruleGroups().flatMap((g) => g.rules.filter((r) => r.alert));
    const docs = anchors(resolve(__dirname, '../../docs/operations.md'));

    expect(alerts.map((a) => [a.alert, a.labels?.severity])).toEqual([
      ['OtgHookErrorRatio', 'critical'],
      ['OtgDeadlineNearMisses', 'warning'],
      ['OtgCircuitBreakerOpen', 'warning'],
      ['OtgCredentialsRefused', 'warning'],
      ['OtgStoreUnavailable', 'critical'],
    ]);
    for (const alert of alerts) {
      const anchor = (alert.alert ?? '').toLowerCase();
      expect(Object.keys(alert.annotations ?? {}).sort()).toEqual([
        'description',
        'runbook_url',
        'summary',
      ]);
      expect(alert.annotations?.runbook_url).toBe(`${RUNBOOK}#${anchor}`);
      expect(docs).toContain(anchor);
    }
  });

  it('should put the PrometheusRule in its namespace, with its labels and runbook base', () => {
    const manifests = render(
      withSecrets({
        set: {
          'metrics.prometheusRule.enabled': true,
          'metrics.prometheusRule.namespace': 'monitoring',
          'metrics.prometheusRule.labels.release': 'prometheus',
          'metrics.prometheusRule.runbookBaseUrl': 'https://wiki.example.com/otg',
        },
      }),
    );
    const rule = find(manifests, 'PrometheusRule', FULLNAME);
    const alert = (rule.spec as { groups: Groups }).groups[1].rules[0];

    expect(rule.metadata.namespace).toBe('monitoring');
    expect(rule.metadata.labels?.release).toBe('prometheus');
    expect(alert.annotations?.runbook_url).toBe('https://wiki.example.com/otg#otghookerrorratio');
  });
});

describePromtool('okta-telephony-gateway chart: the rules under promtool', () => {
  const rules = () => ({ 'rules.yaml': { groups: ruleGroups() } });

  it('should pass promtool check rules', () => {
    const result = promtool(['check', 'rules', 'rules.yaml'], rules());

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Checking rules.yaml\n  SUCCESS: 10 rules found\n\n');
    expect(result.status).toBe(0);
  });

  it('should fire each alert on the series that mean trouble, and not on healthy ones', () => {
    const result = promtool(['test', 'rules', 'tests.yaml'], {
      ...rules(),
      'tests.yaml': { rule_files: ['rules.yaml'], evaluation_interval: '1m', tests: ALERT_TESTS },
    });

    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
