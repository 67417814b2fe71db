import { describeChart, find, render, RenderOptions } from './support/helm';
import { containerOf, deploymentOf } from './support/kube';
import { withSecrets } from './support/scenarios';

const probe = (path: string, timing: Record<string, number>) => ({
  httpGet: { path, port: 'http' },
  initialDelaySeconds: 0,
  timeoutSeconds: 2,
  successThreshold: 1,
  ...timing,
});

function podAnnotations(options: RenderOptions): Record<string, string> {
  return deploymentOf(render(withSecrets(options))).spec?.template.metadata?.annotations ?? {};
}

describeChart('okta-telephony-gateway chart: Deployment', () => {
  it('should probe startup and liveness on /health/live and readiness on /health/ready', () => {
    const container = containerOf(render(withSecrets()));

    expect(container.startupProbe).toEqual(
      probe('/health/live', { periodSeconds: 2, failureThreshold: 30 }),
    );
    expect(container.livenessProbe).toEqual(
      probe('/health/live', { periodSeconds: 10, failureThreshold: 3 }),
    );
    expect(container.readinessProbe).toEqual(
      probe('/health/ready', { periodSeconds: 5, failureThreshold: 2 }),
    );
    expect(container.ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
  });

  it('should run as non-root with a read-only root, no capabilities, seccomp and no token', () => {
    const manifests = render(withSecrets());
    const pod = deploymentOf(manifests).spec?.template.spec;

    expect(pod?.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(containerOf(manifests).securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(find(manifests, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    expect(containerOf(manifests).resources?.requests).toEqual({ cpu: '100m', memory: '256Mi' });
  });

  it('should run in production mode on the mounted config file', () => {
    const container = containerOf(render(withSecrets()));

    expect(container.env).toEqual([
      { name: 'NODE_ENV', value: 'production' },
      { name: 'CONFIG_FILE', value: '/etc/okta-telephony-gateway/config.yaml' },
      { name: 'REDIS_URL', value: 'redis://redis-master.redis.svc:6379' },
    ]);
    expect(container.volumeMounts).toEqual([
      { name: 'config', mountPath: '/etc/okta-telephony-gateway', readOnly: true },
    ]);
  });

  it('should roll the pods when the config changes, and only then', () => {
    const base = podAnnotations({})['checksum/config'];
    const changed = podAnnotations({ set: { 'config.hook.deadlineMs': 2000 } })['checksum/config'];
    const retagged = podAnnotations({ set: { 'image.tag': '0.1.1' } })['checksum/config'];

    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(changed).toMatch(/^[0-9a-f]{64}$/);
    expect(changed).not.toBe(base);
    expect(retagged).toBe(base);
  });

  it('should run two replicas by default and leave the count to the autoscaler when enabled', () => {
    const fixed = deploymentOf(render(withSecrets()));
    const scaled = render({ files: ['ci/redis-hpa-ingress-values.yaml'] });

    expect(fixed.spec?.replicas).toBe(2);
    expect(deploymentOf(scaled).spec).not.toHaveProperty('replicas');
    expect(find(scaled, 'HorizontalPodAutoscaler').spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: fixed.metadata?.name },
      minReplicas: 3,
      maxReplicas: 8,
    });
  });

  it('should wait in preStop with the native sleep action on Kubernetes 1.30+, with node before', () => {
    const native = containerOf(render(withSecrets({ kubeVersion: '1.30.0' })));
    const older = containerOf(render(withSecrets({ kubeVersion: '1.28.4' })));

    expect(native.lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
    expect(older.lifecycle).toEqual({
      preStop: { exec: { command: ['node', '-e', 'setTimeout(() => {}, 5000)'] } },
    });
  });

  it('should give the pod a grace period longer than preStop, drain and in-flight limits together', () => {
    const grace = (options: RenderOptions) =>
      deploymentOf(render(withSecrets(options))).spec?.template.spec?.terminationGracePeriodSeconds;

    // 5 s preStop + ceil((3000 + 5000) ms) + 5 s margin.
    expect(grace({})).toBe(18);
    // 5 s + ceil(10 500 ms) = 11 s + 5 s.
    expect(grace({ set: { 'shutdown.drainDelayMs': 5500 } })).toBe(21);
    expect(grace({ set: { 'shutdown.preStopHook': 'none' } })).toBe(13);
    expect(
      containerOf(render(withSecrets({ set: { 'shutdown.preStopHook': 'none' } }))).lifecycle,
    ).toBeUndefined();
  });

  it('should spread the pods over nodes unless affinity is given', () => {
    const spread = deploymentOf(render(withSecrets())).spec?.template.spec?.affinity;
    const term = 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution';
    const match = `${term}.nodeSelectorTerms[0].matchExpressions[0]`;
    const custom = deploymentOf(
      render(
        withSecrets({
          set: {
            [`${match}.key`]: 'pool',
            [`${match}.operator`]: 'In',
            [`${match}.values`]: '{otp}',
            podAntiAffinityPreset: 'hard',
          },
        }),
      ),
    ).spec?.template.spec?.affinity;

    expect(spread).toEqual({
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              topologyKey: 'kubernetes.io/hostname',
              labelSelector: {
                matchLabels: {
                  'app.kubernetes.io/name': 'okta-telephony-gateway',
                  'app.kubernetes.io/instance': 'otg',
                },
              },
            },
          },
        ],
      },
    });
    expect(custom).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'pool', operator: 'In', values: ['otp'] }] },
          ],
        },
      },
    });
  });
});
