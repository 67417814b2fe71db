import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const twilio = (fake: FakeTwilio) =>
  twilioProvider(fake, { circuitBreaker: { consecutiveFailures: 1000, cooldownMs: 100 } });
const config = (a: FakeTwilio, b: FakeTwilio, tokens: string[]) =>
  testConfig({
    providers: { 'twilio-a': twilio(a), 'twilio-b': twilio(b) },
    routing: { default: ['twilio-a', 'twilio-b'] },
    admin: { tokens },
  });

describe('GET /deliveries/:transactionId (e2e)', () => {
  let a: FakeTwilio;
  let b: FakeTwilio;
  let gateway: Gateway;
  const get = (id: string, token: string | null = ADMIN_TOKEN) => {
    const req = gateway.http().get(`/deliveries/${id}`);
    return token === null ? req : req.set('authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    a = await FakeTwilio.start();
    b = await FakeTwilio.start();
    gateway = await startGateway(config(a, b, [ADMIN_TOKEN]));
  });

  afterEach(() => {
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    a.script();
    b.script();
  });

  afterAll(async () => {
    await gateway.close();
    await a.close();
    await b.close();
  });

  it('should show a delivery after a failover, by transaction id and by delivery id, without the code or the number', async () => {
    a.script(() => twilioError(503, 20503));
    const hook = await gateway
      .hook(hookRequest({ eventId: 'evt-record', otpCode: '731904', userId: '00uRECORD' }))
      .expect(200);
    const { transactionId, transactionMetadata } = hook.body.commands[0].value[0] as {
      transactionId: string;
      transactionMetadata: string;
    };
    const deliveryId = /deliveryId=([0-9a-f-]{36})/.exec(transactionMetadata)![1];

    const res = await get(transactionId).expect(200);

    expect(res.body).toEqual({
      deliveryId,
      transactionId,
      providerId: 'twilio-b',
      outcome: 'sent',
      status: 'queued',
      statusAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      requestType: 'com.okta.user.telephony.mfa-verification',
      channel: 'sms',
      country: 'US',
      to: '+1********71',
      okta: { eventId: 'evt-record', userId: '00uRECORD', login: 'test.user@example.com' },
      attempts: [
        {
          providerId: 'twilio-a',
          outcome: 'transient',
          latencyMs: expect.any(Number),
          reason: 'Twilio failed (HTTP 503, code 20503)',
        },
        { providerId: 'twilio-b', outcome: 'sent', latencyMs: expect.any(Number) },
      ],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
      history: [],
    });
    expect(res.text).not.toContain('731904');
    expect(res.text).not.toContain('4155552671');
    expect((await get(deliveryId).expect(200)).body).toEqual(res.body);
  });

  it('should show a delivery no provider could send under its delivery id', async () => {
    a.script(() => twilioError(500, 20500));
    b.script(() => twilioError(500, 20500));
    await gateway.hook(hookRequest({ eventId: 'evt-failed' })).expect(200);
    const line = gateway.logs
      .entries()
      .find((e) => e.msg === 'delivery failed' && e.outcome === 'failed');
    const deliveryId = line?.deliveryId as string;

    const res = await get(deliveryId).expect(200);

    expect(res.body).toMatchObject({
      deliveryId,
      transactionId: deliveryId,
      outcome: 'failed',
      status: 'failed',
      cause: 'exhausted',
      reason: 'every provider failed',
    });
    expect(res.body.providerId).toBeUndefined();
  });

  it.each([
    ['no Authorization header', null],
    ['a wrong token', 'admin-token-0123456789abcdeX'],
  ])('should answer 401 for %s', async (_name, token) => {
    const res = await get('anything', token).expect(401);

    expect(res.body).toEqual({ error: { errorSummary: 'Authentication failed', errorCauses: [] } });
  });

  it('should answer 404 for an unknown id', async () => {
    const res = await get('SM00000000000000000000000000000404').expect(404);

    expect(res.body).toEqual({ error: { errorSummary: 'Not found', errorCauses: [] } });
  });

  it('should not exist (404) when admin.tokens is empty', async () => {
    const disabled = await startGateway(config(a, b, []));
    try {
      await disabled
        .http()
        .get('/deliveries/anything')
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(404);
    } finally {
      await disabled.close();
    }
  });
});
