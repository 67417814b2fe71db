import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliGateway, lines, OAUTH_ONLY, otg, startCliGateway, tempConfig } from './support/cli';
import { FakeOktaManagement } from './support/fakes/okta-management.fake';
import { OKTA_SPEC } from './support/fakes/okta-spec';
import { HOOK_SECRET, testConfig } from './support/gateway';
import { missingVendorSpec } from './support/openapi';
import { describeOrSkip } from './support/skip';

// Each `otg` run is a new Node process: about a second, several on a loaded machine.
jest.setTimeout(60_000);

const TOKEN = 'okta-api-token-for-tests-0123456789';
const EVENT_SECRET = 'test-event-secret-0123456789';
const EVENTS = [
  'system.sms.send_phone_verification_message',
  'system.voice.send_phone_verification_call',
  'user.authentication.auth_via_mfa',
  'user.mfa.factor.activate',
];
const MISSING_SPEC = missingVendorSpec(OKTA_SPEC);

describeOrSkip(MISSING_SPEC, 'otg okta (e2e, against a fake Okta Management API)', () => {
  let gateway: CliGateway;
  let okta: FakeOktaManagement;

  beforeAll(async () => {
    gateway = await startCliGateway(
      testConfig({
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_SECRET] }] } },
        providers: { console: { type: 'console' } },
        routing: { default: ['console'] },
      }),
    );
  });

  beforeEach(async () => {
    okta = await FakeOktaManagement.start();
    okta.apiTokens.add(TOKEN);
  });

  afterEach(async () => {
    expect(okta.problems).toEqual([]);
    await okta.close();
  });

  afterAll(() => gateway.close());

  function setupArgs(config = gateway.configFile): string[] {
    return ['okta', 'setup', '--org', okta.url, '--url', gateway.url, '--config', config];
  }
  const setup = (...extra: string[]) => otg([...setupArgs(), ...extra], { OKTA_API_TOKEN: TOKEN });

  it('should create, verify and activate both hooks on an empty org', async () => {
    const run = await setup();

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [inline] = okta.org.inlineHooks.values();
    const [event] = okta.org.eventHooks.values();
    expect(okta.writes()).toEqual([
      'POST /api/v1/inlineHooks',
      'POST /api/v1/eventHooks',
      `POST /api/v1/eventHooks/${event.id}/lifecycle/verify`,
    ]);
    expect(inline).toMatchObject({
      name: 'Okta Telephony Gateway',
      type: 'com.okta.telephony.provider',
      version: '1.0.0',
      status: 'ACTIVE',
      channel: {
        type: 'HTTP',
        version: '1.0.0',
        config: {
          uri: `${gateway.url}/hooks/okta/telephony`,
          method: 'POST',
          headers: [],
          authScheme: { type: 'HEADER', key: 'authorization', value: HOOK_SECRET },
        },
      },
    });
    expect(event).toMatchObject({
      name: 'Okta Telephony Gateway events',
      status: 'ACTIVE',
      verificationStatus: 'VERIFIED',
      events: { type: 'EVENT_TYPE', items: EVENTS },
      channel: {
        type: 'HTTP',
        version: '1.0.0',
        config: {
          uri: `${gateway.url}/hooks/okta/events`,
          method: 'POST',
          headers: [],
          authScheme: { type: 'HEADER', key: 'authorization', value: EVENT_SECRET },
        },
      },
    });
    expect(lines(run.stdout)).toEqual([
      `✔ Telephony inline hook "Okta Telephony Gateway" (${inline.id}): created; ACTIVE → ${gateway.url}/hooks/okta/telephony`,
      `✔ Event hook "Okta Telephony Gateway events" (${event.id}): created, verified; ACTIVE, VERIFIED → ${gateway.url}/hooks/okta/events`,
      `3 write(s) to ${okta.url}: POST /api/v1/inlineHooks, POST /api/v1/eventHooks, POST /api/v1/eventHooks/${event.id}/lifecycle/verify`,
    ]);
    expect(run.stdout + run.stderr).not.toContain(HOOK_SECRET);
    expect(run.stdout + run.stderr).not.toContain(EVENT_SECRET);
  });

  it('should change nothing and create no duplicate when run again', async () => {
    expect((await setup()).code).toBe(0);
    const before = okta.writes();
    const [inline] = okta.org.inlineHooks.values();
    const [event] = okta.org.eventHooks.values();

    const run = await setup();

    expect(run.code).toBe(0);
    expect(okta.writes()).toEqual(before);
    expect(okta.org.inlineHooks.size).toBe(1);
    expect(okta.org.eventHooks.size).toBe(1);
    expect(lines(run.stdout)).toEqual([
      `✔ Telephony inline hook "Okta Telephony Gateway" (${inline.id}): unchanged; ACTIVE → ${gateway.url}/hooks/okta/telephony`,
      `✔ Event hook "Okta Telephony Gateway events" (${event.id}): unchanged; ACTIVE, VERIFIED → ${gateway.url}/hooks/okta/events`,
      `0 write(s) to ${okta.url}`,
    ]);
  });

  it('should write the secrets again, and verify the event hook again, with --update-secrets', async () => {
    expect((await setup()).code).toBe(0);
    const [inline] = okta.org.inlineHooks.values();
    const [event] = okta.org.eventHooks.values();
    const before = okta.writes().length;

    const run = await setup('--update-secrets');

    expect(run.code).toBe(0);
    expect(okta.writes().slice(before)).toEqual([
      `PUT /api/v1/inlineHooks/${inline.id}`,
      `PUT /api/v1/eventHooks/${event.id}`,
      `POST /api/v1/eventHooks/${event.id}/lifecycle/verify`,
    ]);
    expect(okta.org.eventHooks.get(event.id)?.verificationStatus).toBe('VERIFIED');
  });

  it('should print the calls it would make, secrets masked, and write nothing with --dry-run', async () => {
    const run = await setup('--dry-run', '--json');

    expect(run.code).toBe(0);
    expect(okta.writes()).toEqual([]);
    const telephony = `${gateway.url}/hooks/okta/telephony`;
    const events = `${gateway.url}/hooks/okta/events`;
    expect(JSON.parse(run.stdout).calls).toEqual([
      {
        method: 'POST',
        path: '/api/v1/inlineHooks',
        body: {
          name: 'Okta Telephony Gateway',
          type: 'com.okta.telephony.provider',
          version: '1.0.0',
          channel: {
            type: 'HTTP',
            version: '1.0.0',
            config: {
              uri: telephony,
              method: 'POST',
              headers: [],
              authScheme: { type: 'HEADER', key: 'authorization', value: '********' },
            },
          },
        },
      },
      {
        method: 'POST',
        path: '/api/v1/eventHooks',
        body: {
          name: 'Okta Telephony Gateway events',
          description:
            'Phone-verification and factor events for the Okta Telephony Gateway (otg okta setup)',
          events: { type: 'EVENT_TYPE', items: EVENTS },
          channel: {
            type: 'HTTP',
            version: '1.0.0',
            config: {
              uri: events,
              headers: [],
              authScheme: { type: 'HEADER', key: 'authorization', value: '********' },
            },
          },
        },
      },
      { method: 'POST', path: '/api/v1/eventHooks/{new event hook id}/lifecycle/verify' },
    ]);
    const text = await setup('--dry-run');
    expect(lines(text.stdout).filter((l) => l.startsWith('  would'))).toEqual([
      '  would POST /api/v1/inlineHooks',
      '  would POST /api/v1/eventHooks',
      '  would POST /api/v1/eventHooks/{new event hook id}/lifecycle/verify',
    ]);
    expect(okta.writes()).toEqual([]);
    expect(run.stdout + text.stdout).not.toContain(HOOK_SECRET);
  });

  it('should refuse to replace another active telephony hook without --replace, and replace it with it', async () => {
    const other = okta.org.seedInlineHook(
      'Twilio via Workflows',
      'https://acme.workflows.okta.com/api/flo/abc/invoke',
      'ACTIVE',
    );

    const refused = await setup();

    expect(refused.code).toBe(1);
    expect(okta.writes()).toEqual([]);
    expect(lines(refused.stderr)).toEqual([
      `✖ Another telephony inline hook is active: "Twilio via Workflows" (${other.id}) → https://acme.workflows.okta.com/api/flo/abc/invoke. An org has one active telephony hook.`,
      '  Run again with --replace to deactivate it and activate this one (it is kept, inactive, to switch back).',
    ]);

    const replaced = await setup('--replace');

    expect(replaced.code).toBe(0);
    const ours = [...okta.org.inlineHooks.values()].find((h) => h.id !== other.id);
    expect(okta.writes().slice(0, 2)).toEqual([
      `POST /api/v1/inlineHooks/${other.id}/lifecycle/deactivate`,
      'POST /api/v1/inlineHooks',
    ]);
    expect(okta.org.inlineHooks.get(other.id)?.status).toBe('INACTIVE');
    expect(ours?.status).toBe('ACTIVE');
    expect(lines(replaced.stdout)[0]).toBe(
      `✔ Telephony inline hook "Twilio via Workflows" (${other.id}): deactivated; INACTIVE → https://acme.workflows.okta.com/api/flo/abc/invoke`,
    );
  });

  it('should make an OAuth telephony hook for hook.auth.oauth, and skip the event hook without an events secret', async () => {
    const config = tempConfig(OAUTH_ONLY);
    const args = setupArgs(config.file);
    try {
      const missing = await otg(args, { OKTA_API_TOKEN: TOKEN });
      const run = await otg(
        [...args, '--hook-client-id', '0oahookclient', '--hook-key-id', 'hk1'],
        { OKTA_API_TOKEN: TOKEN },
      );

      expect(missing.code).toBe(2);
      expect(lines(missing.stderr)).toEqual([
        '✖ hook.auth.oauth is configured: give the OAuth client Okta uses with --hook-client-id and --hook-key-id.',
      ]);
      expect(run.code).toBe(0);
      expect(okta.writes()).toEqual(['POST /api/v1/inlineHooks']);
      const [inline] = okta.org.inlineHooks.values();
      expect(inline.channel).toEqual({
        type: 'OAUTH',
        version: '1.0.0',
        config: {
          uri: `${gateway.url}/hooks/okta/telephony`,
          method: 'POST',
          authType: 'private_key_jwt',
          clientId: '0oahookclient',
          tokenUrl: 'https://acme.okta.com/oauth2/default/v1/token',
          scope: 'okta.telephony.send',
          hookKeyId: 'hk1',
          authScheme: null,
        },
      });
      expect(lines(run.stdout).slice(1, 2)).toEqual([
        '! Event hook not set up: events.auth.headers has no secret, so the gateway would refuse every event.',
      ]);
    } finally {
      config.remove();
    }
  });

  describe('with an OAuth service app (private_key_jwt)', () => {
    let keys: string;

    beforeAll(() => {
      keys = mkdtempSync(join(tmpdir(), 'otg-cli-keys-'));
    });

    afterAll(() => rmSync(keys, { recursive: true, force: true }));

    const asApp = async (granted: string[]) => {
      const app = await okta.oauth.createApp(granted);
      const keyFile = join(keys, `${app.clientId}.pem`);
      writeFileSync(keyFile, app.privateKeyPem);
      return { OKTA_CLIENT_ID: app.clientId, OKTA_PRIVATE_KEY_FILE: keyFile };
    };
    const run = (env: Record<string, string>) => otg(setupArgs(), env);

    it('should set both hooks up with an access token of the two manage scopes', async () => {
      const result = await run(await asApp(['okta.inlineHooks.manage', 'okta.eventHooks.manage']));

      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(okta.writes()).toHaveLength(3);
      const token = okta.requests.find((r) => r.url === '/oauth2/v1/token');
      expect(new URLSearchParams(token?.body).get('scope')).toBe(
        'okta.inlineHooks.manage okta.eventHooks.manage',
      );
    });

    it('should name the scopes to grant when the app lacks one, and write nothing', async () => {
      const result = await run(await asApp(['okta.inlineHooks.manage']));

      expect(result.code).toBe(1);
      expect(okta.writes()).toEqual([]);
      expect(lines(result.stderr)).toEqual([
        "✖ Okta refused the service app's token request (HTTP 400): invalid_scope (One or more scopes are not configured for the authorization server resource.).",
        '  The service app must be granted okta.inlineHooks.manage and okta.eventHooks.manage. Grant them to the service app: Admin Console → Applications → the app → Okta API Scopes.',
      ]);
    });
  });
});
