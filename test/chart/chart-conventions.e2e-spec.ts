import { describeChart, find, FULLNAME, Manifest, render, template } from './support/helm';
import { containerOf, deploymentOf } from './support/kube';
import { scenario, withSecrets } from './support/scenarios';

const ECOSYSTEM = scenario('ci/ecosystem-values.yaml').options;

describeChart('okta-telephony-gateway chart: Helm ecosystem conventions', () => {
  let manifests: Manifest[];

  beforeAll(() => {
    manifests = render(ECOSYSTEM);
  });

  it('should label and annotate every object with commonLabels and commonAnnotations', () => {
    for (const m of manifests) {
      expect([m.kind, m.metadata.labels?.team]).toEqual([m.kind, 'identity']);
      const annotations = m.metadata.annotations as Record<string, string>;
      expect([m.kind, annotations['example.com/owner']]).toEqual([m.kind, 'identity-platform']);
    }
    const pod = deploymentOf(manifests).spec?.template.metadata;
    expect(pod?.labels?.team).toBe('identity');
    expect(pod?.annotations).not.toHaveProperty('example.com/owner');
  });

  it('should never let commonLabels replace the chart labels the selectors use', () => {
    const labels = deploymentOf(
      render(withSecrets({ set: { 'commonLabels.app\\.kubernetes\\.io/name': 'other' } })),
    ).metadata?.labels;

    expect(labels?.['app.kubernetes.io/name']).toBe('okta-telephony-gateway');
  });

  it('should pull from global.imageRegistry, with the pull secrets of both levels once each', () => {
    const pod = deploymentOf(manifests).spec?.template.spec;
    const own = containerOf(render(withSecrets({ set: { 'image.registry': 'docker.io' } })));

    expect(containerOf(manifests).image).toBe(
      'registry.example.com/example/okta-telephony-gateway:0.1.0',
    );
    expect(own.image).toBe('docker.io/okta-telephony-gateway:0.1.0');
    expect(pod?.imagePullSecrets).toEqual([{ name: 'regcred' }, { name: 'mirror-credentials' }]);
    expect(find(manifests, 'Pod', `${FULLNAME}-test-ready`).spec).toMatchObject({
      imagePullSecrets: [{ name: 'regcred' }, { name: 'mirror-credentials' }],
    });
  });

  it('should run the given command (here with --single-threaded-gc) and its args', () => {
    const args = containerOf(render(withSecrets({ set: { args: '{--max-old-space-size=200}' } })));

    expect(containerOf(manifests).command).toEqual([
      'node',
      '--single-threaded-gc',
      'dist/main.js',
    ]);
    expect(containerOf(manifests).args).toBeUndefined();
    expect(args.command).toBeUndefined();
    expect(args.args).toEqual(['--max-old-space-size=200']);
  });

  it("should add lifecycleHooks beside the chart's preStop wait, or replace it with their own", () => {
    const custom = render(
      withSecrets({ set: { 'lifecycleHooks.preStop.exec.command': '{node,drain.js}' } }),
    );

    expect(containerOf(manifests).lifecycle).toEqual({
      postStart: { exec: { command: ['node', '-e', 'process.exit(0)'] } },
      preStop: { sleep: { seconds: 5 } },
    });
    expect(containerOf(custom).lifecycle).toEqual({
      preStop: { exec: { command: ['node', 'drain.js'] } },
    });
    // The custom preStop keeps shutdown.preStopSeconds (5 s) in the grace period: 5 + 8 + 5.
    expect(deploymentOf(custom).spec?.template.spec?.terminationGracePeriodSeconds).toBe(18);
  });

  it('should add env from the extra ConfigMap and Secret, the extra volumes and containers', () => {
    const pod = deploymentOf(manifests).spec?.template.spec;
    const container = containerOf(manifests);

    expect(container.envFrom).toEqual([
      { secretRef: { name: 'otg-credentials' } },
      { secretRef: { name: 'otg-extra-secrets' } },
      { configMapRef: { name: 'otg-extra-env' } },
    ]);
    expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(pod?.volumes).toContainEqual({
      name: 'tmp',
      emptyDir: { medium: 'Memory', sizeLimit: '16Mi' },
    });
    expect(pod?.initContainers?.map((c) => c.name)).toEqual(['wait-for-redis']);
    expect(pod?.containers.map((c) => c.name)).toEqual(['gateway', 'log-forwarder']);
  });

  it('should limit a LoadBalancer to its source ranges and keep client IPs with Local', () => {
    const service = find(manifests, 'Service');
    const clusterIp = find(
      render(withSecrets({ set: { 'service.loadBalancerSourceRanges[0]': '203.0.113.0/24' } })),
      'Service',
    );

    expect(service.spec).toMatchObject({
      type: 'LoadBalancer',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      externalTrafficPolicy: 'Local',
    });
    expect(clusterIp.spec).not.toHaveProperty('loadBalancerSourceRanges');
  });

  it('should publish the hooks on the extra ingress hosts, with their own TLS', () => {
    const spec = find(manifests, 'Ingress').spec as {
      tls: unknown[];
      rules: { host: string; http: { paths: { path: string; pathType: string }[] } }[];
    };

    expect(spec.tls).toEqual([
      { hosts: ['otp.example.com'], secretName: `${FULLNAME}-tls` },
      { hosts: ['otp.example.org'], secretName: 'otp-example-org-tls' },
    ]);
    expect(
      spec.rules.map((r) => [r.host, r.http.paths.map((p) => `${p.pathType} ${p.path}`)]),
    ).toEqual([
      ['otp.example.com', ['Prefix /hooks/okta', 'Prefix /callbacks']],
      ['otp.example.org', ['Exact /hooks/okta/telephony']],
    ]);
  });

  it('should route the hook prefixes through a Gateway API HTTPRoute', () => {
    const route = find(manifests, 'HTTPRoute');

    expect(route.spec).toEqual({
      parentRefs: [{ name: 'public', namespace: 'gateways', sectionName: 'https' }],
      hostnames: ['otp.example.net'],
      rules: [
        {
          matches: [
            { path: { type: 'PathPrefix', value: '/hooks/okta' } },
            { path: { type: 'PathPrefix', value: '/callbacks' } },
          ],
          backendRefs: [{ name: FULLNAME, port: 80 }],
        },
      ],
    });
  });

  it('should refuse an HTTPRoute without parentRefs', () => {
    const result = template(withSecrets({ set: { 'httpRoute.enabled': true } }));

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "httpRoute.parentRefs is required when httpRoute.enabled is true (the Gateway that Okta's requests reach)",
    );
  });

  it('should put the ServiceMonitor where Prometheus looks, with its job label and honorLabels', () => {
    const monitor = find(manifests, 'ServiceMonitor');
    const spec = monitor.spec as { jobLabel: string; endpoints: Record<string, unknown>[] };

    expect(monitor.metadata.namespace).toBe('monitoring');
    expect(monitor.metadata.labels?.release).toBe('prometheus');
    expect(spec.jobLabel).toBe('app.kubernetes.io/name');
    expect(spec.endpoints[0].honorLabels).toBe(true);
  });
});
