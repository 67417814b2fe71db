import { CliGateway, lines, otg, startCliGateway } from './support/cli';
import { FakeOktaManagement } from './support/fakes/okta-management.fake';
import { OKTA_SPEC } from './support/fakes/okta-spec';
import { HOOK_SECRET, testConfig } from './support/gateway';
import { hasVendorSpec } from './support/openapi';

const TOKEN = 'okta-api-token-for-tests-0123456789';
const EVENT_SECRET = 'test-event-secret-0123456789';
const EVENTS = [
  'system.sms.send_phone_verification_message',
  'system.voice.send_phone_verification_call',
  'user.authentication.auth_via_mfa',
  'user.mfa.factor.activate',
];
const specs = hasVendorSpec(OKTA_SPEC);
if (!specs)
  console.warn(`../shared/vendor-specs/${OKTA_SPEC} is missing: the otg okta tests are skipped`);

(specs ? describe : describe.skip)('otg okta (e2e, against a fake Okta Management API)', () => {
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

  const setup = (...extra: string[]) =>
    otg(
      [
        'okta',
        'setup',
        '--org',
        okta.url,
        '--url',
        gateway.url,
        '--config',
        gateway.configFile,
        ...extra,
      ],
      {
        OKTA_API_TOKEN: TOKEN,
      },
    );

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
});
