import { describeChart, FULLNAME, render, template } from './support/helm';
import { containerOf, deploymentOf, secretOf } from './support/kube';
import { MINIMAL_SECRETS, withSecrets } from './support/scenarios';

const REDIS = { 'redis.url': MINIMAL_SECRETS['redis.url'] };

const FILES = 'ci/existing-secret-files-values.yaml';

describeChart('okta-telephony-gateway chart: secrets', () => {
  it('should mount an existing Secret read-only as files and make no Secret of its own', () => {
    const manifests = render({ files: [FILES] });
    const pod = deploymentOf(manifests).spec?.template;
    const container = containerOf(manifests);

    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(pod?.spec?.volumes).toContainEqual({
      name: 'secrets',
      secret: { secretName: 'otg-credentials', defaultMode: 0o440 },
    });
    expect(container.volumeMounts).toContainEqual({
      name: 'secrets',
      mountPath: '/var/run/secrets/otg',
      readOnly: true,
    });
    expect(container.envFrom).toBeUndefined();
    expect(pod?.metadata?.annotations).not.toHaveProperty('checksum/secret');
  });

  it('should expose an existing Secret as environment variables in env mode', () => {
    const manifests = render({ set: { 'secrets.existingSecret': 'otg-credentials', ...REDIS } });
    const container = containerOf(manifests);

    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'otg-credentials' } }]);
    expect(container.volumeMounts?.map((m) => m.name)).toEqual(['config']);
  });

  it('should make a Secret from secrets.values and roll the pods when a value changes', () => {
    const manifests = render(
      withSecrets({ set: { 'secrets.values.HOOK_SECRET': 'hook-secret-0123456789' } }),
    );
    const rotated = render(
      withSecrets({ set: { 'secrets.values.HOOK_SECRET': 'hook-secret-9876543210' } }),
    );
    const checksum = (m: typeof manifests) =>
      deploymentOf(m).spec?.template.metadata?.annotations?.['checksum/secret'];

    expect(secretOf(manifests).data?.HOOK_SECRET).toBe(
      Buffer.from('hook-secret-0123456789').toString('base64'),
    );
    expect(containerOf(manifests).envFrom).toEqual([{ secretRef: { name: FULLNAME } }]);
    expect(checksum(manifests)).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum(rotated)).not.toBe(checksum(manifests));
  });

  it('should refuse a Secret key that cannot be an environment variable in env mode', () => {
    const result = template(
      withSecrets({ set: { 'secrets.values.hook-secret': 'hook-secret-0123456789' } }),
    );

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'secrets.values key "hook-secret" cannot be an environment variable name (secrets.mode: env); rename it or use secrets.mode: files',
    );
  });

  it('should give REDIS_URL from a plain value or from a Secret key, never both', () => {
    const plain = containerOf(render(withSecrets({ set: { 'redis.url': 'redis://redis:6379' } })));
    const secret = containerOf(
      render(
        withSecrets({ set: { 'redis.url': '', 'redis.existingSecret': 'redis-credentials' } }),
      ),
    );
    const both = template(
      withSecrets({
        set: { 'redis.url': 'redis://redis:6379', 'redis.existingSecret': 'redis-credentials' },
      }),
    );

    expect(plain.env).toContainEqual({ name: 'REDIS_URL', value: 'redis://redis:6379' });
    expect(secret.env).toContainEqual({
      name: 'REDIS_URL',
      valueFrom: { secretKeyRef: { name: 'redis-credentials', key: 'redis-url' } },
    });
    expect(both.status).not.toBe(0);
    expect(both.stderr).toContain('set redis.url or redis.existingSecret, not both');
  });
});
