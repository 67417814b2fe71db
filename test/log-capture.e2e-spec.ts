import { CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { FakeServer } from './support/fake-server';
import { eventually } from './support/eventually';
import {
  FakeTwilio,
  TWILIO_TOKEN,
  twilioError,
  twilioMessageStatus,
  twilioProvider,
  twilioStatusCallback,
} from './support/fakes/twilio.fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest, HookRequestOptions } from './support/okta';
import {
  classicSmsEvent,
  EVENT_HOOK_SECRET,
  eventHookDelivery,
  oieSmsEvent,
  user,
} from './support/okta-events';

type Entry = Record<string, unknown>;

const AUDIENCE = 'api://default';
const SCOPE = 'okta.telephony.send';
const ADMIN_TOKEN = 'admin-token-for-log-tests-0123';
/** Codes, texts and numbers of the requests below: none may ever reach a line. */
const CODES = ['480213', '913375', '660412', '207731', '845520', '118306', '392804', '574190'];
const NUMBERS = ['+14155552671', '14155552671', '4155552671', '+447400123456', '7400123456'];
const SECRET_TEXT = 'Secret text';
const PUBLIC_URL = 'https://otp.example.test';
/** The Okta user of hookRequest(), whose phone-verification events follow the deliveries. */
const OKTA_USER = user('00uyxxSknGtK8022w0g3');

/**
 * Runs the whole hook and event flow (telephony hook, event hook, signed vendor receipt) with every log line captured (level trace) and proves that no line
 * holds a code, a message text, a secret, a token or a full phone number, and that every line
 * of a hook request carries its requestId and eventId, and its transactionId once known.
 */
describe('log lines of the hook and event flows (e2e)', () => {
  let primary: FakeTwilio;
  let backup: FakeTwilio;
  let authServer: FakeServer;
  let signing: CryptoKey;
  let issuer: string;
  let gateway: Gateway;
  const tokens: string[] = [];

  beforeAll(async () => {
    [primary, backup] = await Promise.all([FakeTwilio.start(), FakeTwilio.start()]);
    const pair = await generateKeyPair('RS256');
    signing = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    authServer = await FakeServer.start((req) => {
      if (req.url.endsWith('/.well-known/openid-configuration')) {
        return { status: 200, body: { issuer, jwks_uri: `${issuer}/v1/keys` } };
      }
      return { status: 200, body: { keys: [jwk] } };
    });
    issuer = `${authServer.url}/oauth2/default`;
    const breaker = { consecutiveFailures: 1000, cooldownMs: 100 };
    gateway = await startGateway(
      testConfig({
        logging: { level: 'trace' },
        server: { port: 0, publicUrl: PUBLIC_URL },
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
        hook: {
          auth: {
            headers: [{ name: 'authorization', secrets: [HOOK_SECRET] }],
            oauth: { issuer, audience: AUDIENCE, scopes: [SCOPE] },
          },
        },
        providers: {
          'twilio-a': twilioProvider(primary, { circuitBreaker: breaker }),
          'twilio-b': twilioProvider(backup, { circuitBreaker: breaker }),
          console: { type: 'console' },
        },
        routing: {
          default: ['twilio-a', 'twilio-b'],
          rules: [{ match: { channels: ['voice'] }, providers: ['console'] }],
        },
        admin: { tokens: [ADMIN_TOKEN] },
      }),
    );
  });

  afterEach(() => {
    expect([...primary.problems, ...backup.problems]).toEqual([]);
    primary.script();
    backup.script();
  });

  afterAll(async () => {
    await gateway.close();
    await Promise.all([primary.close(), backup.close(), authServer.close()]);
    expectNoSecretInAnyLine();
  });

  /** Sends one hook call with its own request id; returns the answer and the lines it wrote. */
  async function call(
    requestId: string,
    options: HookRequestOptions,
    authorization = HOOK_SECRET,
  ): Promise<{ status: number; body: Entry; lines: Entry[] }> {
    const from = gateway.logs.lines.length;
    const res = await request(gateway.url)
      .post('/hooks/okta/telephony')
      .set('authorization', authorization)
      .set('x-request-id', requestId)
      .send(hookRequest(options));
    await gateway.logs.waitFor((e) => e.requestId === requestId && e.msg === 'request completed');
    return {
      status: res.status,
      body: res.body as Entry,
      lines: gateway.logs.entries().slice(from),
    };
  }

  function expectEveryLine(lines: Entry[], fields: Entry): void {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatchObject(fields);
  }

  /** From the first line that knows the transaction id on, every line carries it. */
  function expectTransactionIdOnceKnown(lines: Entry[], transactionId: string): void {
    const first = lines.findIndex((l) => l.transactionId !== undefined);
    expect(first).toBeGreaterThanOrEqual(0);
    expectEveryLine(lines.slice(first), { transactionId });
  }

  function sentTransactionId(body: Entry): string {
    const commands = body.commands as { value: { transactionId: string }[] }[];
    return commands[0].value[0].transactionId;
  }

  it('should tag every line of a sent delivery and mask the number', async () => {
    const { body, lines } = await call('req-sent', { eventId: 'evt-sent', otpCode: CODES[0] });

    expectEveryLine(lines, { requestId: 'req-sent', eventId: 'evt-sent' });
    expectTransactionIdOnceKnown(lines, sentTransactionId(body));
    expect(lines.map((l) => l.msg)).toEqual(['delivery sent', 'request completed']);
    expect(lines[0]).toMatchObject({ to: '+1********71', provider: 'twilio-a' });
    expect(lines[1]).toMatchObject({ method: 'POST', route: '/hooks/okta/telephony', status: 200 });
  });

  it('should tag the lines of a failover, whatever the failing vendor said', async () => {
    primary.script(() => ({
      status: 500,
      body: { code: 20500, message: `+14155552671 rejected ${CODES[1]}`, status: 500 },
    }));

    const { body, lines } = await call('req-failover', {
      eventId: 'evt-failover',
      otpCode: CODES[1],
      msgTemplate: `${SECRET_TEXT} ${CODES[1]}`,
    });

    expect(body).toMatchObject({ commands: [{ value: [{ provider: 'twilio-b' }] }] });
    expectEveryLine(lines, { requestId: 'req-failover', eventId: 'evt-failover' });
    expectTransactionIdOnceKnown(lines, sentTransactionId(body));
  });

  it('should hide the message text even on a line whose writer passed it (console provider)', async () => {
    const { body, lines } = await call('req-console', {
      eventId: 'evt-console',
      deliveryChannel: 'voice call',
      otpCode: CODES[1],
      msgTemplate: `${SECRET_TEXT} ${CODES[1]}`,
    });

    expectEveryLine(lines, { requestId: 'req-console', eventId: 'evt-console' });
    expectTransactionIdOnceKnown(lines, sentTransactionId(body));
    expect(lines[0]).toMatchObject({ context: 'provider:console', text: '[redacted]' });
  });

  it('should tag the lines of a delivery no provider could send with its delivery id', async () => {
    primary.script(() => twilioError(500, 20500));
    backup.script(() => twilioError(503, 20503));

    const { body, lines } = await call('req-failed', { eventId: 'evt-failed', otpCode: CODES[2] });

    expect(body).toHaveProperty('error');
    const failed = lines.find((l) => l.msg === 'delivery failed');
    expectEveryLine(lines, { requestId: 'req-failed', eventId: 'evt-failed' });
    expectTransactionIdOnceKnown(lines, failed?.deliveryId as string);
  });

  it('should tag the lines of a number that cannot be a phone number', async () => {
    const { lines } = await call('req-invalid', {
      eventId: 'evt-invalid',
      otpCode: CODES[3],
      phoneNumber: '+999123456789',
    });

    expectEveryLine(lines, { requestId: 'req-invalid', eventId: 'evt-invalid' });
    expect(lines[0]).toMatchObject({ msg: 'delivery failed', cause: 'invalid-number' });
    expect(JSON.stringify(lines)).not.toContain('999123456789');
  });

  it('should answer a replayed eventId with the first transaction id on its lines', async () => {
    const first = await call('req-first', { eventId: 'evt-twice', otpCode: CODES[4] });

    const replay = await call('req-replay', { eventId: 'evt-twice', otpCode: CODES[4] });

    expect(replay.body).toEqual(first.body);
    expectEveryLine(replay.lines, {
      requestId: 'req-replay',
      eventId: 'evt-twice',
      transactionId: sentTransactionId(first.body),
    });
  });

  it('should tag the lines of a refused secret or a malformed body', async () => {
    const refused = await call('req-401', { eventId: 'evt-401', otpCode: CODES[5] }, 'wrong');
    const malformed = await call('req-400', {
      eventId: 'evt-400',
      otpCode: `${CODES[5]}-x`,
      deliveryChannel: '',
    });

    expect([refused.status, malformed.status]).toEqual([401, 400]);
    expect(refused.lines.map((l) => l.msg)).toEqual([
      'request refused: wrong secret',
      'request completed',
    ]);
    // A refused request's body is never read (issue 22), so its eventId stays unknown.
    expectEveryLine(refused.lines, { requestId: 'req-401' });
    expect(refused.lines.filter((l) => 'eventId' in l)).toEqual([]);
    expect(refused.lines[1]).toMatchObject({ status: 401 });
    expectEveryLine(malformed.lines, { requestId: 'req-400', eventId: 'evt-400', status: 400 });
  });

  it('should accept an OAuth access token and refuse a forged one without logging either', async () => {
    const token = await new SignJWT({ scp: [SCOPE] })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(signing);
    const forged = `${token.slice(0, -8)}AAAAAAAA`;
    tokens.push(token, forged);

    const ok = await call(
      'req-oauth',
      { eventId: 'evt-oauth', otpCode: CODES[6] },
      `Bearer ${token}`,
    );
    const bad = await call('req-forged', { eventId: 'evt-forged' }, `Bearer ${forged}`);

    expect([ok.status, bad.status]).toEqual([200, 401]);
    expectEveryLine(ok.lines, { requestId: 'req-oauth', eventId: 'evt-oauth' });
    expectEveryLine(bad.lines, { requestId: 'req-forged' });
    expect(bad.lines.filter((l) => 'eventId' in l)).toEqual([]);
    expect(bad.lines.map((l) => l.msg)).toEqual([
      'bearer token refused',
      'request refused: invalid token',
      'request completed',
    ]);
  });

  it('should keep the admin token and the looked-up phone number out of the lines', async () => {
    const first = await call('req-lookup', { eventId: 'evt-lookup', otpCode: CODES[0] });

    await request(gateway.url)
      .get(`/deliveries/${sentTransactionId(first.body)}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
  });

  it('should keep the numbers of Okta events and vendor receipts out of the lines', async () => {
    const sent = await call('req-events', { eventId: 'evt-events', otpCode: CODES[7] });
    const transactionId = sentTransactionId(sent.body);
    const events = [
      classicSmsEvent(OKTA_USER, NUMBERS[0], { transactionId, smsProvider: 'INLINE_HOOK' }),
      oieSmsEvent(OKTA_USER, NUMBERS[0]),
    ];
    await request(gateway.url)
      .post('/hooks/okta/events')
      .set('authorization', EVENT_HOOK_SECRET)
      .send(eventHookDelivery(events))
      .expect(200);
    const signed = twilioStatusCallback(
      `${PUBLIC_URL}/callbacks/twilio-a/status`,
      twilioMessageStatus(transactionId, 'delivered'),
    );
    await request(gateway.url)
      .post('/callbacks/twilio-a/status')
      .set(signed.headers)
      .send(signed.body)
      .expect(200);

    const lines = await eventually(
      () => gateway.logs.entries(),
      (all) => all.filter((l) => l.msg === 'okta phone verification event').length >= 2,
    );
    expect(lines.filter((l) => l.msg === 'delivery receipt')).toEqual([
      expect.objectContaining({ provider: 'twilio-a', transactionId, status: 'delivered' }),
    ]);
  });

  function expectNoSecretInAnyLine(): void {
    const all = gateway.logs.lines.join('\n');
    const secrets = [HOOK_SECRET, EVENT_HOOK_SECRET, TWILIO_TOKEN, ADMIN_TOKEN, SECRET_TEXT];
    secrets.push(...CODES, ...NUMBERS);
    for (const secret of [...secrets, ...tokens, ...tokens.map((t) => t.split('.')[2])]) {
      expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(all).toContain('+1********71');
  }
});
