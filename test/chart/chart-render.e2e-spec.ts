import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { CHART_DIR, describeChart, FULLNAME, lint, render } from './support/helm';
import { kindsAndNames, validateManifest } from './support/kube';
import { scenario, SCENARIOS, withSecrets } from './support/scenarios';

describeChart('okta-telephony-gateway chart: render and lint', () => {
  const names = SCENARIOS.map((s) => s.name);

  it.each(names)('should pass helm lint --strict with %s', (name) => {
    const result = lint(scenario(name).options);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it.each(names)('should render only objects the Kubernetes API schemas accept with %s', (name) => {
    const manifests = render(scenario(name).options);

    expect(manifests.length).toBeGreaterThan(5);
    for (const manifest of manifests) expect(() => validateManifest(manifest)).not.toThrow();
  });

  it('should pass helm lint --strict with the bare defaults, which only a render refuses', () => {
    const result = lint();

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '[INFO] templates/: Fail: config: the gateway would refuse to start with these values:',
    );
  });

  it('should render the hardened defaults: workload, config, PDB, policy, account and test pod', () => {
    expect(kindsAndNames(render(withSecrets()))).toEqual([
      `NetworkPolicy/${FULLNAME}`,
      `PodDisruptionBudget/${FULLNAME}`,
      `ServiceAccount/${FULLNAME}`,
      `Secret/${FULLNAME}`,
      `ConfigMap/${FULLNAME}`,
      `Service/${FULLNAME}-metrics`,
      `Service/${FULLNAME}`,
      `Deployment/${FULLNAME}`,
      `Pod/${FULLNAME}-test-ready`,
    ]);
  });

  it('should add the Secret, autoscaler, ingress and ServiceMonitor when scaled out', () => {
    const manifests = render(scenario('ci/redis-hpa-ingress-values.yaml').options);

    expect(kindsAndNames(manifests)).toEqual([
      `NetworkPolicy/${FULLNAME}`,
      `PodDisruptionBudget/${FULLNAME}`,
      `ServiceAccount/${FULLNAME}`,
      `Secret/${FULLNAME}`,
      `ConfigMap/${FULLNAME}`,
      `Service/${FULLNAME}-metrics`,
      `Service/${FULLNAME}`,
      `Deployment/${FULLNAME}`,
      `HorizontalPodAutoscaler/${FULLNAME}`,
      `Ingress/${FULLNAME}`,
      `ServiceMonitor/${FULLNAME}`,
      `Pod/${FULLNAME}-test-ready`,
    ]);
  });

  it('should render the ServiceMonitor only when the cluster serves monitoring.coreos.com/v1', () => {
    const without = render({ files: ['ci/redis-hpa-ingress-values.yaml'] });
    const withCrd = render({
      files: ['ci/redis-hpa-ingress-values.yaml'],
      apiVersions: ['monitoring.coreos.com/v1'],
    });
    const disabled = render(
      withSecrets({
        apiVersions: ['monitoring.coreos.com/v1'],
        set: { 'metrics.serviceMonitor.enabled': false },
      }),
    );

    expect(without.filter((m) => m.kind === 'ServiceMonitor')).toEqual([]);
    expect(disabled.filter((m) => m.kind === 'ServiceMonitor')).toEqual([]);
    const [monitor] = withCrd.filter((m) => m.kind === 'ServiceMonitor');
    expect(monitor.spec).toEqual({
      selector: {
        matchLabels: {
          'app.kubernetes.io/name': 'okta-telephony-gateway',
          'app.kubernetes.io/instance': 'otg',
          'app.kubernetes.io/component': 'metrics',
        },
      },
      namespaceSelector: { matchNames: ['identity'] },
      endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s', scrapeTimeout: '10s' }],
    });
    expect(monitor.metadata.labels?.release).toBe('prometheus');
  });

  it("should version the app as package.json's version", () => {
    const chart = parse(readFileSync(resolve(CHART_DIR, 'Chart.yaml'), 'utf8')) as {
      appVersion: string;
    };
    const pkg = JSON.parse(readFileSync(resolve(CHART_DIR, '../../package.json'), 'utf8')) as {
      version: string;
    };

    expect(chart.appVersion).toBe(pkg.version);
  });
});
