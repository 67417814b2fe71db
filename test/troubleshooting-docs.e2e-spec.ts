import { readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { checkConfig } from '../src/config/config.loader';
import { describeListenError, listenProblem } from '../src/config/listen-address';
import { ServerConfig } from '../src/common/server.config';
import { configFile, TWILIO_BLOCK as TWILIO } from './support/config-files';

const ROOT = resolve(__dirname, '..');
const PAGE = readFileSync(join(ROOT, 'docs/troubleshooting.md'), 'utf8');

/** A valid file: what a mistake below is added to. */
const ROUTED = {
  hook: { auth: { headers: [{ secrets: ['hook-secret-0123456789abcdef'] }] } },
  providers: { c: { type: 'console' } },
  routing: { default: ['c'] },
};
/** The first column of each table row under `heading`, as a pattern: `<…>` is one name, `…` any text. */
function documented(heading: string): RegExp[] {
  const start = PAGE.indexOf(`\n${heading}\n`);
  const end = PAGE.indexOf('\n#', start + heading.length + 2);
  const section = PAGE.slice(start, end < 0 ? undefined : end);
  return Array.from(section.matchAll(/^\| `([^`]+)`/gm), ([, line]) => {
    const pattern = line
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/<[^>]+>/g, '.+?')
      .replace(/…/g, '.*');
    return new RegExp(`^${pattern}$`);
  });
}

/** The lines no row of the section under `heading` explains. */
function undocumented(heading: string, lines: readonly string[]): string[] {
  const rows = documented(heading);
  return lines.filter((line) => !rows.some((row) => row.test(line)));
}

/** The problems the boot prints for this file and environment. */
function boot(config: unknown, env: Record<string, string> = {}): readonly string[] {
  return checkConfig({ ...env, CONFIG_FILE: configFile(config) }).problems;
}

/** One configuration mistake of each kind the boot refuses, in any mode. */
function configMistakes(): readonly string[] {
  return [
    ...checkConfig({ CONFIG_FILE: '/no/such/config.yaml' }).problems,
    ...boot('server:\n  port: [1\n'),
    ...boot('- a list\n'),
    ...boot({
      hook: { auth: { headers: [{ secrets: ['${UNSET_SECRET}', '${file:relative}', '${x y}'] }] } },
      events: { auth: { headers: [{ secrets: ['${file:/no/such/secret}'] }] } },
      server: { port: 'eighty', prot: 1, extra: 1 },
      providers: {
        'Bad Id': { type: 'console' },
        list: [1],
        pigeon: { type: 'carrier-pigeon' },
        sns: { type: 'sns', region: 'us-east-1', channels: ['voice'] },
        tw: { ...TWILIO, from: undefined },
        c: { type: 'console', channels: ['sms'] },
      },
      routing: {
        default: ['ghost'],
        rules: [
          { match: { countries: ['UK', 'gb'], channels: ['voice', 'fax'] }, providers: ['c'] },
          { match: {}, providers: [] },
        ],
      },
      protection: {
        mode: 'enforcing',
        rateLimits: [
          { key: 'prefix', limit: 1, windowSeconds: 60 },
          { key: 'phone', limit: 1, windowSeconds: 60, prefixDigits: 3 },
          { key: 'phone', limit: 1, windowSeconds: 60 },
        ],
      },
      messages: { templates: [{ sms: 'no code here' }] },
    }),
    ...boot({
      ...ROUTED,
      server: { port: 9090, metricsPort: 9090 },
      outbound: { httpsProxy: 'socks://proxy.example:1080' },
      providers: { c: { type: 'console' }, tw: { ...TWILIO, caFile: '/no/such/ca.pem' } },
      store: {
        driver: 'redis',
        redis: {
          url: 'redis://redis:6379',
          cluster: { nodes: ['redis:6379'] },
          tls: { caFile: '/no/such/ca.pem' },
          keyPrefix: '{otg}:',
        },
      },
      protection: {
        rateLimits: [
          { key: 'ip', limit: 1, windowSeconds: 60, overrides: [{ match: 'office', limit: 2 }] },
        ],
        trusted: { networks: ['300.0.113.0/24'] },
        adaptive: {
          enabled: true,
          windowSeconds: 600,
          settleSeconds: 600,
          watchSeconds: 7200,
          maxWatchSeconds: 3600,
          requestTypes: [],
          country: false,
          network: false,
          rangeDigits: [],
        },
      },
    }),
    ...boot({
      ...ROUTED,
      console: {
        enabled: true,
        oidc: {
          issuer: 'okta',
          redirectUri: 'https://otp.example.com/console',
          scopes: ['groups'],
        },
        session: { secret: 'short' },
      },
    }),
    ...boot({ ...ROUTED, hook: { auth: { headers: [] } } }),
    ...boot({ ...ROUTED, hook: { auth: { headers: [{ secrets: ['${UNSET:-}'] }] } } }),
  ];
}

/** One mistake of each kind only production refuses. */
function productionMistakes(): readonly string[] {
  return boot(
    {
      server: { replicas: 2 },
      hook: {
        auth: {
          headers: [{ secrets: ['changeme'] }],
          oauth: { issuer: 'http://idp.example.com', audience: 'api://default' },
        },
      },
      providers: {
        console: { type: 'console' },
        tw: { ...TWILIO, authToken: 'short-token', baseUrl: 'http://api.twilio.com' },
        tw2: { ...TWILIO, authToken: 'your-auth-token' },
      },
      routing: { default: ['console', 'tw', 'tw2'] },
    },
    { NODE_ENV: 'production' },
  );
}

/** One mistake of each kind production refuses in the signing keys and the support console. */
function productionKeyMistakes(): readonly string[] {
  return boot(
    {
      ...ROUTED,
      providers: { tw: TWILIO },
      routing: { default: ['tw'] },
      records: { phoneLast4Key: 'short-key' },
      console: {
        enabled: true,
        oidc: {
          issuer: 'http://example.okta.com',
          clientId: '0oa1console',
          clientSecret: 'changeme',
          redirectUri: 'https://otp.example.com/console/auth/callback',
          allowedGroups: ['support'],
        },
        session: { secret: 'x'.repeat(32) },
      },
    },
    { NODE_ENV: 'production' },
  );
}

/** Why the listener cannot start, for each cause it explains, and a metrics port in use. */
async function listenMistakes(): Promise<string[]> {
  const server = Object.assign(new ServerConfig(), { port: 80 });
  const taken = createServer();
  await new Promise<void>((listening) => taken.listen(0, '0.0.0.0', listening));
  const metricsPort = (taken.address() as AddressInfo).port;
  try {
    return [
      ...['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].map(
        (code) => describeListenError(Object.assign(new Error(code), { code }), server) ?? code,
      ),
      (await listenProblem(Object.assign(new ServerConfig(), { port: 0, metricsPort }))) ?? '',
    ];
  } finally {
    taken.close();
  }
}

describe('docs/troubleshooting.md', () => {
  it('should map every reason a refused request is logged with to its fix', () => {
    const source = readFileSync(join(ROOT, 'src/auth/auth-refusal.ts'), 'utf8');
    const start = source.indexOf('export type AuthRefusalReason');
    const union = source.slice(start, source.indexOf(';', start));
    const reasons = Array.from(union.matchAll(/'([^']+)'/g), (m) => `request refused: ${m[1]}`);

    expect(reasons).toHaveLength(12);
    expect(undocumented('## Okta says 401: the refused-request log line', reasons)).toEqual([]);
  });

  it('should explain every line a refused configuration is told with', () => {
    const lines = configMistakes();

    expect(lines.length).toBeGreaterThan(25);
    expect(undocumented('### Configuration refused', lines)).toEqual([]);
  });

  it('should explain every production refusal in its own section', () => {
    const lines = productionMistakes();

    expect(lines).toHaveLength(7);
    expect(undocumented('### Refused in production', lines)).toEqual([]);
    expect(productionKeyMistakes()).toHaveLength(4);
    expect(undocumented('### Refused in production', productionKeyMistakes())).toEqual([]);
  });

  it('should explain why the listener could not start, and the boot warnings', async () => {
    const spare = checkConfig({
      CONFIG_FILE: configFile({ ...ROUTED, providers: { c: { type: 'console' }, spare: TWILIO } }),
    });

    expect(undocumented('### Address and port', await listenMistakes())).toEqual([]);
    expect(spare.warnings).toHaveLength(1);
    expect(undocumented('## Started, with a warning', spare.warnings)).toEqual([]);
  });
});
