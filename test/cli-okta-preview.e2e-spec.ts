import { CliGateway, lines, otg, startCliGateway } from './support/cli';
import { FakeOktaManagement } from './support/fakes/okta-management.fake';
import { OKTA_SPEC } from './support/fakes/okta-spec';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { testConfig } from './support/gateway';
import { formToObject, missingVendorSpec } from './support/openapi';
import { describeOrSkip } from './support/skip';

// Each `otg` run is a new Node process: about a second, several on a loaded machine.
jest.setTimeout(60_000);

const TOKEN = 'okta-api-token-for-tests-0123456789';
const EVENT_SECRET = 'test-event-secret-0123456789';
const MISSING_SPEC = missingVendorSpec(OKTA_SPEC);

/** A gateway on `providers`, set up in a fresh fake org with `otg okta setup`. */
async function setUp(
  providers: Record<string, unknown>,
): Promise<{ gateway: CliGateway; okta: FakeOktaManagement }> {
  const gateway = await startCliGateway(
    testConfig({
      events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_SECRET] }] } },
      providers,
      routing: { default: Object.keys(providers) },
    }),
  );
  const okta = await FakeOktaManagement.start();
  okta.apiTokens.add(TOKEN);
  const setup = await otg(['okta', 'setup', ...orgArgs(okta, gateway)], { OKTA_API_TOKEN: TOKEN });
  expect(setup.code).toBe(0);
  return { gateway, okta };
}

function orgArgs(okta: FakeOktaManagement, gateway: CliGateway): string[] {
  return ['--org', okta.url, '--url', gateway.url, '--config', gateway.configFile];
}

describeOrSkip(MISSING_SPEC, 'otg okta preview and status (e2e)', () => {
  describe('through a running gateway on the console provider', () => {
    let gateway: CliGateway;
    let okta: FakeOktaManagement;

    beforeAll(async () => ({ gateway, okta } = await setUp({ console: { type: 'console' } })));

    afterEach(() => expect(okta.problems).toEqual([]));

    afterAll(async () => {
      await okta.close();
      await gateway.close();
    });

    const preview = (...extra: string[]) =>
      otg(['okta', 'preview', '--org', okta.url, ...extra], { OKTA_API_TOKEN: TOKEN });

    it("should make Okta call the hook and print Okta's view of a sent message", async () => {
      const run = await preview('--to', '+14155552671', '--json');

      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      const [hook] = okta.org.inlineHooks.values();
      const value = out.answer.commands[0].value[0];
      expect(out.hook).toEqual({
        id: hook.id,
        name: 'Okta Telephony Gateway',
        uri: `${gateway.url}/hooks/okta/telephony`,
      });
      expect(value).toMatchObject({ status: 'SUCCESSFUL', provider: 'console' });
      expect(value.transactionId).toMatch(/^console-[0-9a-f-]{36}$/);
      expect(out.okta).toEqual({
        outcome: 'sent',
        summary: 'Okta accepts it: the code was sent.',
        ...value,
      });
      const execute = okta.requests.find((r) => r.url.endsWith('/execute'));
      const sent = JSON.parse(execute?.body ?? '{}');
      expect(sent.eventId).toBe(out.eventId);
      expect(sent.data.messageProfile).toMatchObject({
        phoneNumber: '+14155552671',
        deliveryChannel: 'SMS',
      });
      expect(run.stdout).not.toContain('4155552671');
      expect(run.stdout).not.toContain(sent.data.messageProfile.otpCode);
      const delivered = await gateway.logs.waitFor(
        (e) => e.msg === 'request completed' && e.eventId === out.eventId,
      );
      expect(delivered.status).toBe(200);
    });

    it("should explain the FAILED answer to Okta's example number, which proves the hook answers", async () => {
      const run = await preview();

      expect(run.code).toBe(0);
      const [hook] = okta.org.inlineHooks.values();
      const out = lines(run.stdout);
      expect(out.slice(0, 3)).toEqual([
        `→ Okta executes "Okta Telephony Gateway" (${hook.id}) → ${gateway.url}/hooks/okta/telephony`,
        expect.stringMatching(
          /^ {2}Preview request · sms to Okta's example number · eventId [\w-]{22}$/,
        ),
        expect.stringMatching(/^← Okta's view in \d+ ms$/),
      ]);
      expect(out).toContainEqual('  status         FAILED');
      expect(out).toContainEqual('  provider       okta-telephony-gateway');
      expect(out).toContainEqual(
        expect.stringMatching(/^ {2}metadata {7}blocked=number-invalid; why=[^;]+; deliveryId=/),
      );
      expect(out.slice(-2)).toEqual([
        '! Okta shows the person that sending failed.',
        "! Okta's example number is not a valid number: a FAILED answer proves the hook is reachable and authenticated. Give --to to send a real message.",
      ]);
    });

    it("should print the hooks' state, URL and authentication", async () => {
      const run = await otg(['okta', 'status', '--org', okta.url, '--url', gateway.url], {
        OKTA_API_TOKEN: TOKEN,
      });

      expect(run.code).toBe(0);
      const [hook] = okta.org.inlineHooks.values();
      const [event] = okta.org.eventHooks.values();
      expect(lines(run.stdout)).toEqual([
        `Telephony inline hooks in ${okta.url}:`,
        ` * Okta Telephony Gateway (${hook.id}) ACTIVE → ${gateway.url}/hooks/okta/telephony, header authorization`,
        'Event hook:',
        `  Okta Telephony Gateway events (${event.id}) ACTIVE, VERIFIED → ${gateway.url}/hooks/okta/events, header authorization`,
        '    events: system.sms.send_phone_verification_message, system.voice.send_phone_verification_call, user.authentication.auth_via_mfa, user.mfa.factor.activate',
        '✔ Okta calls the gateway.',
      ]);
    });

    it('should fail the status when the telephony hook is not active', async () => {
      const [hook] = okta.org.inlineHooks.values();
      okta.org.setInline(hook.id, 'INACTIVE');
      try {
        const run = await otg(['okta', 'status', '--org', okta.url, '--json'], {
          OKTA_API_TOKEN: TOKEN,
        });

        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout)).toMatchObject({
          ok: false,
          problems: ['the telephony hook is INACTIVE'],
        });
      } finally {
        okta.org.setInline(hook.id, 'ACTIVE');
      }
    });
  });

  describe('through a running gateway on a fake vendor', () => {
    let twilio: FakeTwilio;
    let gateway: CliGateway;
    let okta: FakeOktaManagement;

    beforeAll(async () => {
      twilio = await FakeTwilio.start();
      ({ gateway, okta } = await setUp({ 'twilio-main': twilioProvider(twilio) }));
    });

    afterAll(async () => {
      await okta.close();
      await gateway.close();
      await twilio.close();
    });

    it("should deliver through the vendor and print the vendor's message id as Okta sees it", async () => {
      const run = await otg(['okta', 'preview', '--org', okta.url, '--to', '+14155552671'], {
        OKTA_API_TOKEN: TOKEN,
      });

      expect(run.code).toBe(0);
      expect(twilio.problems).toEqual([]);
      expect(okta.problems).toEqual([]);
      expect(twilio.server.requests).toHaveLength(1);
      const form = formToObject(twilio.server.requests[0].body);
      expect(form).toEqual({
        To: '+14155552671',
        From: '+15005550006',
        Body: expect.stringMatching(/^\(HOOK\)Your code is \d{6}$/),
      });
      const code = String(form.Body).slice(-6);
      expect(lines(run.stdout)).toContainEqual(`  transactionId  SM${'1'.padStart(32, '0')}`);
      expect(lines(run.stdout)).toContainEqual('  provider       twilio-main');
      expect(run.stdout).not.toContain(code);
      expect(run.stdout).not.toContain('4155552671');
    });
  });
});
