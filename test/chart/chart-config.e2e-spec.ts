import { loadConfig } from '../../src/config/config.loader';
import { describeChart, render, template } from './support/helm';
import { configMapOf } from './support/kube';
import { bootAsPod } from './support/boot';
import { podView } from './support/pod-files';
import { MINIMAL_SECRETS, scenario, Scenario, withSecrets } from './support/scenarios';

/** Renders the scenario and boots the config the way its pod would, in production mode. */
function loadAsPod(s: Scenario) {
  const manifests = render(s.options);
  const { env } = podView(manifests, s.external);
  return { env, loaded: loadConfig(env) };
}

const MEMORY_REFUSED =
  'config.store.driver is memory (the default when unset), which each pod keeps for itself: more than one replica (replicaCount > 1 or autoscaling.enabled) needs config.store.driver: redis and a Redis URL (redis.url or redis.existingSecret). For one pod without Redis set replicaCount: 1.';

describeChart('okta-telephony-gateway chart: the gateway config', () => {
  it('should hold a config the gateway loads in production with the minimal secrets', () => {
    const { env, loaded } = loadAsPod(scenario('the default values and the minimal secrets'));

    expect(env.NODE_ENV).toBe('production');
    expect(loaded.production).toBe(true);
    expect(loaded.config.server).toMatchObject({
      port: 8080,
      replicas: 2,
      shutdown: { drainDelayMs: 3000, timeoutMs: 5000 },
    });
    expect(loaded.config.store.driver).toBe('redis');
    expect(loaded.config.store.redis.url).toBe('redis://redis-master.redis.svc:6379');
    expect(loaded.config.hook.auth.headers).toEqual([
      { name: 'authorization', secrets: ['hook-secret-0123456789abcdef'] },
    ]);
    expect(loaded.config.routing.default).toEqual(['twilio']);
  });

  it('should declare the autoscaler maximum as replicas and the ingress URL as public URL', () => {
    const { loaded } = loadAsPod(scenario('ci/redis-hpa-ingress-values.yaml'));

    expect(loaded.config.server.replicas).toBe(8);
    expect(loaded.config.server.publicUrl).toBe('https://otp.example.com');
    expect(loaded.config.store.redis.url).toBe('redis://:p4ss@redis-master.redis.svc:6379');
    expect(loaded.config.hook.deadlineMs).toBe(2000);
  });

  it('should configure the console from its values, its secrets from the Secret, at the ingress URL', () => {
    const { loaded } = loadAsPod(scenario('ci/redis-hpa-ingress-values.yaml'));

    expect(loaded.config.console).toEqual({
      enabled: true,
      oidc: {
        issuer: 'https://example.okta.com',
        clientId: '0oa1console2client3id',
        clientSecret: 'ci-console-client-secret-0123456789',
        redirectUri: 'https://otp.example.com/console/auth/callback',
        allowedGroups: ['otg-support'],
        scopes: ['openid', 'profile', 'email', 'groups'],
      },
      session: {
        secret: 'ci-console-session-secret-0123456789abcdef',
        idleTimeoutMinutes: 30,
        absoluteTimeoutHours: 8,
      },
    });
    expect(loaded.config.records.phoneLast4Key).toBe('ci-phone-last4-key-0123456789abcdef0123');
  });

  it('should read the secrets from the mounted files of an existing Secret', () => {
    const { env, loaded } = loadAsPod(scenario('ci/existing-secret-files-values.yaml'));

    expect(Object.keys(env).sort()).toEqual(['CONFIG_FILE', 'NODE_ENV', 'REDIS_URL']);
    expect(loaded.config.hook.auth.headers).toEqual([
      { name: 'x-otg-hook-token', secrets: ['files-hook-secret-0123456789'] },
    ]);
    expect(loaded.config.admin.tokens).toEqual(['files-admin-token-0123456789']);
    expect(loaded.config.server.shutdown).toEqual({ drainDelayMs: 3000, timeoutMs: 5000 });
  });

  it('should run one replica on the memory store', () => {
    const { loaded } = loadAsPod(scenario('ci/single-replica-memory-values.yaml'));

    expect(loaded.config.server.replicas).toBe(1);
    expect(loaded.config.store.driver).toBe('memory');
  });

  it('should boot on config.store.driver=memory with one replica and no Redis URL at all', async () => {
    const manifests = render({
      set: {
        ...MINIMAL_SECRETS,
        'redis.url': '',
        replicaCount: 1,
        'config.store.driver': 'memory',
      },
    });
    const config = configMapOf(manifests).data?.['config.yaml'];

    expect(config).toContain('store:\n  driver: memory\n');
    expect(config).not.toContain('REDIS_URL');
    const pod = await bootAsPod(manifests);
    try {
      const ready = await pod.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(pod.loaded.production).toBe(true);
      expect(pod.loaded.config.store.driver).toBe('memory');
    } finally {
      await pod.close();
    }
  });

  it('should keep ${...} expressions literal for the gateway to substitute', () => {
    const config = configMapOf(render(withSecrets())).data?.['config.yaml'];

    expect(config).toContain('- ${HOOK_SECRET}\n');
    expect(config).toContain('- ${HOOK_SECRET_NEXT:-}\n');
    expect(config).toContain('url: ${REDIS_URL}\n');
  });

  it.each([
    ['two replicas', { 'config.store.driver': 'memory' }],
    ['an unset driver', { 'config.store': 'null' }],
    [
      'the autoscaler',
      { 'config.store.driver': 'memory', replicaCount: 1, 'autoscaling.enabled': true },
    ],
  ])('should refuse the memory store with %s', (_case, set) => {
    const result = template({ set });

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(MEMORY_REFUSED);
  });

  it.each([
    ['replicas', 'replicaCount (or autoscaling.maxReplicas)'],
    ['port', 'containerPort'],
    ['shutdown', 'the shutdown values'],
  ])('should refuse config.server.%s, which the chart sets', (key, owner) => {
    const result = template({ set: { [`config.server.${key}`]: 3 } });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `config.server.${key} is set by the chart from ${owner}; remove it from config`,
    );
  });

  it('should write tracing.* into the config the gateway loads, named after the release', () => {
    const tracing = { 'tracing.enabled': true, 'tracing.endpoint': 'http://otel.obs:4318' };
    const { loaded } = loadAsPod({
      name: 'tracing on',
      options: withSecrets({ set: tracing }),
      external: {},
    });
    const off = loadAsPod(scenario('the default values and the minimal secrets')).loaded;

    expect({ ...loaded.config.tracing }).toEqual({
      enabled: true,
      endpoint: 'http://otel.obs:4318',
      serviceName: 'otg-okta-telephony-gateway',
      sampleRatio: 1,
    });
    expect(off.config.tracing.enabled).toBe(false);
  });

  it('should refuse tracing without a collector endpoint', () => {
    const result = template({ set: { 'tracing.enabled': true } });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "tracing.endpoint is required when tracing.enabled is true (the collector's OTLP/HTTP URL, e.g. http://otel-collector.observability:4318)",
    );
  });

  it('should refuse an in-flight limit shorter than the hook deadline', () => {
    const result = template({ set: { 'shutdown.timeoutMs': 2500 } });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'shutdown.timeoutMs (2500) must exceed config.hook.deadlineMs (2500): a hook in flight must be answered before the pod stops',
    );
  });
});
