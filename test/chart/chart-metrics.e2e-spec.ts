import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { MetricsListener } from '../../src/observability/metrics-listener';
import { bootAsPod } from './support/boot';
import { describeChart, find, FULLNAME, render, RenderOptions, template } from './support/helm';
import { configMapOf, containerOf } from './support/kube';
import { withSecrets } from './support/scenarios';

const DASHBOARD = resolve(__dirname, '../../dashboards/okta-telephony-gateway.json');
const ON_HTTP_PORT: RenderOptions = withSecrets({ set: { 'metrics.containerPort': 'null' } });

describeChart('okta-telephony-gateway chart: metrics port and Service', () => {
  it('should serve /metrics on a port and Service of its own by default', () => {
    const manifests = render(withSecrets());

    expect(containerOf(manifests).ports).toContainEqual({
      name: 'metrics',
      containerPort: 9090,
      protocol: 'TCP',
    });
    expect(configMapOf(manifests).data?.['config.yaml']).toContain('  metricsPort: 9090\n');
    expect(find(manifests, 'Service', `${FULLNAME}-metrics`).spec).toEqual({
      type: 'ClusterIP',
      ports: [{ name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' }],
      selector: {
        'app.kubernetes.io/name': 'okta-telephony-gateway',
        'app.kubernetes.io/instance': 'otg',
      },
    });
  });

  it('should let Prometheus in on the metrics port without opening the hook to it', () => {
    const manifests = render(
      withSecrets({
        set: {
          'networkPolicy.ingressFrom[0].ipBlock.cidr': '10.1.0.0/16',
          'networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.name': 'monitoring',
        },
      }),
    );
    const ingress = (find(manifests, 'NetworkPolicy').spec as { ingress: unknown[] }).ingress;

    expect(ingress).toEqual([
      {
        ports: [{ port: 'http', protocol: 'TCP' }],
        from: [
          { podSelector: { matchLabels: { [`${FULLNAME}-client`]: 'true' } } },
          { ipBlock: { cidr: '10.1.0.0/16' } },
        ],
      },
      {
        ports: [{ port: 'metrics', protocol: 'TCP' }],
        from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } } }],
      },
    ]);
  });

  it('should keep /metrics on the HTTP port with metrics.containerPort null', () => {
    const manifests = render({ ...ON_HTTP_PORT, apiVersions: ['monitoring.coreos.com/v1'] });
    const monitor = find(manifests, 'ServiceMonitor').spec as { endpoints: { port: string }[] };
    const policy = find(manifests, 'NetworkPolicy').spec as { ingress: unknown[] };

    expect(manifests.filter((m) => m.metadata.name === `${FULLNAME}-metrics`)).toEqual([]);
    expect(containerOf(manifests).ports?.map((p) => p.name)).toEqual(['http']);
    expect(configMapOf(manifests).data?.['config.yaml']).not.toContain('metricsPort');
    expect(monitor.endpoints[0].port).toBe('http');
    expect(policy.ingress).toHaveLength(1);
  });

  it('should boot a gateway that answers /metrics on the metrics port only', async () => {
    const pod = await bootAsPod(
      render(withSecrets({ set: { 'config.store.driver': 'memory', replicaCount: 1 } })),
    );
    try {
      const metricsUrl = `http://127.0.0.1:${pod.app.get(MetricsListener).port()}`;

      await pod.http().get('/metrics').expect(404);
      const scrape = await request(metricsUrl).get('/metrics').expect(200);
      expect(scrape.text).toContain('# TYPE otg_hook_requests_total counter\n');
    } finally {
      await pod.close();
    }
  });

  it.each([
    [
      'config.server.metricsPort',
      { 'config.server.metricsPort': 9100 },
      'config.server.metricsPort is set by the chart from metrics.containerPort; remove it from config',
    ],
    [
      'the HTTP port',
      { 'metrics.containerPort': 8080 },
      'metrics.containerPort must differ from containerPort; the gateway refuses it: server.metricsPort: must differ from server.port (8080)',
    ],
  ])('should refuse %s as the metrics port', (_case, set, message) => {
    const result = template(withSecrets({ set }));

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });
});

describeChart('okta-telephony-gateway chart: Grafana dashboard', () => {
  it('should render no dashboard unless asked', () => {
    expect(render(withSecrets()).filter((m) => m.metadata.name.endsWith('-dashboard'))).toEqual([]);
  });

  it("should ship dashboards/ unchanged, labelled for Grafana's sidecar", () => {
    const manifests = render(
      withSecrets({
        set: {
          'metrics.grafanaDashboard.enabled': true,
          'metrics.grafanaDashboard.namespace': 'grafana',
          'metrics.grafanaDashboard.label': 'example.com/dashboard',
          'metrics.grafanaDashboard.labelValue': 'otp',
        },
      }),
    );
    const configMap = find(manifests, 'ConfigMap', `${FULLNAME}-dashboard`);
    const defaults = find(
      render(withSecrets({ set: { 'metrics.grafanaDashboard.enabled': true } })),
      'ConfigMap',
      `${FULLNAME}-dashboard`,
    );

    expect(configMap.metadata.namespace).toBe('grafana');
    expect(configMap.metadata.labels?.['example.com/dashboard']).toBe('otp');
    expect(defaults.metadata.labels?.grafana_dashboard).toBe('1');
    expect(configMap.data).toEqual({
      'okta-telephony-gateway.json': readFileSync(DASHBOARD, 'utf8'),
    });
  });
});
