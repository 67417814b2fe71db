import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ErrorBody } from '../src/common/api-error.body';
import { ConfigError, loadConfig } from '../src/config/config.loader';
import {
  FakeSinch,
  SINCH_APP_SECRET,
  SINCH_TOKEN,
  sinchProvider,
  sinchSmsError,
} from './support/fakes/sinch.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { tempDir } from './support/temp-dir';

const dir = tempDir('otg-secrets-');
const NUMBER = /4155552671/;
const CODE = '480213';
const TEXT = 'Private text';
const REDIS_PASSWORD = 'redis-password-for-tests-31';
const ADMIN = 'admin-token-for-secret-tests';

/** What main.ts prints when the configuration is refused (ConfigError's message). */
function bootMessage(file: string, production = true): string {
  try {
    loadConfig({ CONFIG_FILE: file, NODE_ENV: production ? 'production' : 'development' });
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** No secret reaches the boot message, /health details, error bodies or records (logs: log-capture). */
describe('secret hygiene (e2e)', () => {
  describe('boot error message', () => {
    it('should name each wrong key and rule without quoting one secret', () => {
      const fileSecret = write('sid', 'AC-file-secret-value-9\n');
      const message = bootMessage(
        write(
          'bad.yaml',
          stringify({
            hook: {
              auth: {
                headers: [{ name: 'authorization', secrets: [{ nested: 'short-secret1' }] }],
              },
            },
            events: { auth: { headers: [{ name: 'authorization', secrets: [987654321987] }] } },
            providers: {
              tw: {
                type: 'twilio',
                accountSid: `\${file:${fileSecret}}`,
                authToken: 42424242424242,
                from: '+15005550006',
              },
            },
            routing: { default: ['tw'] },
            store: { driver: 'redis', redis: { url: 77777777777 } },
            admin: { tokens: ['tiny-admin'] },
          }),
        ),
        false,
      );

      expect(message.split('\n').length).toBeGreaterThanOrEqual(6);
      expect(message).toMatch(/providers\.tw\.accountSid: /);
      expectUnquoted(message, [
        'short-secret1',
        '987654321987',
        'file-secret-value-9',
        '42424242424242',
        '77777777777',
        'tiny-admin',
      ]);
    });

    it('should refuse weak production secrets without quoting them', () => {
      const message = bootMessage(
        write(
          'weak.yaml',
          stringify({
            server: { replicas: 1 },
            hook: {
              auth: {
                headers: [{ name: 'authorization', secrets: ['short-secret1'] }],
                oauth: {
                  issuer: 'http://issuer-user:oauth-password-77@example.com/oauth2',
                  audience: 'api://x',
                  scopes: ['s'],
                },
              },
            },
            events: { auth: { headers: [{ name: 'authorization', secrets: ['changeme'] }] } },
            providers: { c: { type: 'console' } },
            routing: { default: ['c'] },
          }),
        ),
      );

      expect(message).toMatch(/hook\.auth\.headers\[0]\.secrets\[0]: /);
      expectUnquoted(message, ['short-secret1', 'oauth-password-77', 'changeme']);
    });

    it('should give a YAML syntax error its position only, not the line holding a secret', () => {
      const file = write(
        'broken.yaml',
        'hook:\n  auth: { headers: [ { name: authorization, secrets: ["yaml-secret-value-5 ] } ] }\n',
      );

      const message = bootMessage(file, false);

      expect(message).toMatch(/\(file\): YAML syntax error at line \d+, column \d+/);
      expect(message).not.toContain('yaml-secret-value-5');
    });
  });

  describe('running gateway', () => {
    let sinch: FakeSinch;
    let gateway: Gateway;

    beforeAll(async () => {
      sinch = await FakeSinch.start();
      const breaker = { consecutiveFailures: 1000, cooldownMs: 100 };
      const provider = () => sinchProvider(sinch, { circuitBreaker: breaker });
      gateway = await startGateway(
        testConfig({
          providers: { 'sinch-a': provider(), 'sinch-b': provider() },
          routing: { default: ['sinch-a', 'sinch-b'] },
          store: {
            driver: 'redis',
            onUnavailable: 'fail-open',
            redis: { url: `redis://:${REDIS_PASSWORD}@127.0.0.1:1`, connectTimeoutMs: 200 },
          },
          admin: { tokens: [ADMIN] },
        }),
      );
    });

    afterEach(() => expect(takeProblems(sinch)).toEqual([]));

    afterAll(async () => {
      await gateway.close();
      await sinch.close();
    });

    it('should report the store down in /health/ready without its URL or password', async () => {
      let ready = await gateway.http().get('/health/ready').expect(200);
      for (let i = 0; i < 100 && !ready.body.details.store.problem; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ready = await gateway.http().get('/health/ready').expect(200);
      }

      expect(ready.body.details.store).toEqual({
        status: 'up',
        driver: 'redis',
        topology: 'standalone',
        available: false,
        problem: expect.stringMatching(/^(redis error ECONNREFUSED|connection closed)$/),
        onUnavailable: 'fail-open',
      });
      for (const secret of [REDIS_PASSWORD, HOOK_SECRET, SINCH_TOKEN, SINCH_APP_SECRET, ADMIN]) {
        expect(ready.text).not.toContain(secret);
      }
    });

    it('should answer Okta’s error object in our words when vendors quote the number and code', async () => {
      const answers = [
        sinchSmsError(400, '+14155552671', `+1 415 555 2671 rejects ${CODE}`),
        sinchSmsError(503, `14155552671${CODE}`, TEXT),
      ];
      sinch.script(() => answers.shift());

      const res = await gateway
        .hook(hookRequest({ otpCode: CODE, msgTemplate: `${TEXT} ${CODE}` }))
        .expect(200);

      expect(causes(res.body, 'reason')).toEqual([
        expect.stringMatching(/^vendor-config after \d+ ms: Sinch .*\(HTTP 400\)$/),
        expect.stringMatching(/^transient after \d+ ms: Sinch .*\(HTTP 503\)$/),
        'every provider failed',
      ]);
      expectNothingSecret(res.text);
      expectNothingSecret(gateway.logs.lines.join('\n'));
    });

    it('should keep the values out of a 400 body, whatever field they sit in', async () => {
      const res = await gateway
        .hook({
          eventId: 'evt-400',
          data: {
            messageProfile: {
              phoneNumber: '+14155552671',
              otpCode: `${CODE}!`,
              deliveryChannel: 'SMS',
              msgTemplate: 42,
            },
            userProfile: { userId: 4155552671 },
          },
        })
        .expect(400);

      expect(causes(res.body, 'location')).toEqual([
        'data.messageProfile.otpCode',
        'data.messageProfile.msgTemplate',
        'data.userProfile.userId',
      ]);
      expectNothingSecret(res.text);
    });

    it('should name a number that cannot be a phone number without quoting it', async () => {
      const res = await gateway.hook(hookRequest({ phoneNumber: '+999123456789' })).expect(200);

      expect(res.body.error.errorCauses).toEqual([
        expect.objectContaining({ location: 'delivery', reason: 'not a phone number' }),
      ]);
      expect(res.text).not.toContain('999123456789');
    });
  });
});

function causes(body: unknown, field: 'reason' | 'location'): string[] {
  return (body as ErrorBody).error.errorCauses.map((cause) => cause[field]);
}

function expectUnquoted(message: string, secrets: string[]): void {
  for (const secret of secrets) {
    expect({ secret, quoted: message.includes(secret) }).toEqual({ secret, quoted: false });
  }
}

function expectNothingSecret(text: string): void {
  expect(text).not.toMatch(NUMBER);
  expect(text).not.toContain(CODE);
  expect(text).not.toContain(TEXT);
  expect(text).not.toContain(HOOK_SECRET);
}
