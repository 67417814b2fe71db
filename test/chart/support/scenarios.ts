import { RenderOptions } from './helm';
import { ExternalSecrets } from './pod-files';

/** Secrets a platform team would give a default install (env mode), by --set. */
export const MINIMAL_SECRETS = {
  'secrets.values.HOOK_SECRET': 'hook-secret-0123456789abcdef',
  'secrets.values.EVENT_HOOK_SECRET': 'event-secret-0123456789abcdef',
  'secrets.values.TWILIO_ACCOUNT_SID': 'AC0123456789abcdef0123456789abcdef',
  'secrets.values.TWILIO_AUTH_TOKEN': '0123456789abcdef0123456789abcdef',
  'secrets.values.TWILIO_FROM': '+15005550006',
  'redis.url': 'redis://redis-master.redis.svc:6379',
} as const;

/** The options with the minimal secrets (and Redis URL) under their own `set`. */
export function withSecrets(options: RenderOptions = {}): RenderOptions {
  return { ...options, set: { ...MINIMAL_SECRETS, ...options.set } };
}

export interface Scenario {
  readonly name: string;
  readonly options: RenderOptions;
  /** Data of the Secrets it names but does not make. */
  readonly external: ExternalSecrets;
}

/** The renders every chart check runs on: the defaults with the minimal secrets, each file under ci/. */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'the default values and the minimal secrets',
    options: { set: MINIMAL_SECRETS },
    external: {},
  },
  {
    name: 'ci/redis-hpa-ingress-values.yaml',
    options: {
      files: ['ci/redis-hpa-ingress-values.yaml'],
      apiVersions: ['monitoring.coreos.com/v1'],
    },
    external: { 'redis-credentials': { url: 'redis://:p4ss@redis-master.redis.svc:6379' } },
  },
  {
    name: 'ci/existing-secret-files-values.yaml',
    options: { files: ['ci/existing-secret-files-values.yaml'], kubeVersion: '1.28.4' },
    external: {
      'otg-credentials': {
        'hook-secret': 'files-hook-secret-0123456789',
        'event-hook-secret': 'files-event-secret-0123456789',
        'twilio-account-sid': 'AC0123456789abcdef0123456789abcdef',
        'twilio-auth-token': 'fedcba9876543210fedcba9876543210',
        'admin-token': 'files-admin-token-0123456789',
      },
    },
  },
  {
    name: 'ci/single-replica-memory-values.yaml',
    options: { files: ['ci/single-replica-memory-values.yaml'] },
    external: {},
  },
  {
    name: 'ci/ecosystem-values.yaml',
    options: { files: ['ci/ecosystem-values.yaml'], apiVersions: ['monitoring.coreos.com/v1'] },
    external: {
      'otg-credentials': {
        HOOK_SECRET: 'eco-hook-secret-0123456789',
        EVENT_HOOK_SECRET: 'eco-event-secret-0123456789',
        TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
        TWILIO_AUTH_TOKEN: '89abcdef0123456789abcdef01234567',
      },
      'otg-extra-secrets': { ADMIN_TOKEN: 'eco-admin-token-0123456789' },
      'otg-extra-env': { TWILIO_FROM: '+15005550006' },
    },
  },
];

/** The scenario of this name. */
export function scenario(name: string): Scenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}
