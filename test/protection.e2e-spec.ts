import { FakeTwilio } from './support/fakes/twilio.fake';
import { ManualClock } from './support/clock';
import { Gateway, startGateway } from './support/gateway';
import { hookRequest } from './support/okta';
import {
  blockedAnswer,
  decisions,
  deliveryIdOf,
  errorAnswer,
  oktaValue,
  protectedConfig,
  record,
} from './support/protection';

describe('Toll-fraud protection (e2e)', () => {
  let twilio: FakeTwilio;
  const gateways: Gateway[] = [];
  const start = async (protection: Record<string, unknown>, clock?: ManualClock) => {
    const gateway = await startGateway(protectedConfig(twilio, protection), {}, { clock });
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
  });

  afterEach(async () => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
    for (const gateway of gateways.splice(0)) await gateway.close();
  });

  afterAll(async () => {
    await twilio.close();
  });

  describe.each([
    ['a denied country', '+37120123456', 'country-deny', 'destination country LV is denied'],
    ['a premium-rate number', '+449098790000', 'number-type', 'number type PREMIUM_RATE is denied'],
    [
      'an invalid number',
      '+4990012345678',
      'number-invalid',
      'the number is not in an assigned range of its country',
    ],
  ])('for %s', (_case, phoneNumber, rule, reason) => {
    it('should send nothing and answer FAILED with the rule (onBlock: failed)', async () => {
      const gateway = await start({ countries: { deny: ['LV'] }, onBlock: 'failed' });

      const res = await gateway.hook(hookRequest({ phoneNumber })).expect(200);

      expect(twilio.requests).toHaveLength(0);
      expect(res.body).toEqual(blockedAnswer(rule, reason, deliveryIdOf(res.body)));
    });

    it("should send nothing and answer Okta's error object (onBlock: error)", async () => {
      const gateway = await start({ countries: { deny: ['LV'] }, onBlock: 'error' });

      const res = await gateway.hook(hookRequest({ phoneNumber })).expect(200);

      expect(twilio.requests).toHaveLength(0);
      expect(res.body).toEqual(errorAnswer(reason));
    });
  });

  it("should answer Okta's Preview request (9876543210) FAILED blocked=number-invalid", async () => {
    const gateway = await start({});

    const res = await gateway
      .hook(
        hookRequest({
          phoneNumber: '9876543210',
          requestType: 'com.okta.user.telephony.pre-enrollment',
          ipAddress: '127.0.0.1',
        }),
      )
      .expect(200);

    expect(twilio.requests).toHaveLength(0);
    expect(res.body).toEqual(
      blockedAnswer(
        'number-invalid',
        'the number is not in an assigned range of its country',
        deliveryIdOf(res.body),
      ),
    );
  });

  it('should block the sixth request to one phone within a 5-per-window rule, and allow it again after the window', async () => {
    const clock = new ManualClock();
    const gateway = await start(
      { rateLimits: [{ key: 'phone', limit: 5, windowSeconds: 60 }] },
      clock,
    );
    const send = () => gateway.hook(hookRequest()).expect(200);

    for (let i = 0; i < 5; i++) {
      expect(oktaValue((await send()).body).status).toBe('SUCCESSFUL');
    }
    const sixth = await send();
    const other = await gateway.hook(hookRequest({ phoneNumber: '+447400123456' })).expect(200);

    expect(sixth.body).toEqual(
      blockedAnswer(
        'rate-limit:phone:5/60s',
        'over 5 per 60 s for this phone number',
        deliveryIdOf(sixth.body),
      ),
    );
    expect(oktaValue(other.body).status).toBe('SUCCESSFUL');
    expect(twilio.requests).toHaveLength(6);

    clock.advance(59_999);
    expect(oktaValue((await send()).body).status).toBe('FAILED');
    clock.advance(1);

    expect(oktaValue((await send()).body).status).toBe('SUCCESSFUL');
    expect(twilio.requests).toHaveLength(7);
  });

  it('should count a repeated eventId once', async () => {
    const gateway = await start({ rateLimits: [{ key: 'phone', limit: 2, windowSeconds: 60 }] });
    const status = async (eventId: string) =>
      oktaValue((await gateway.hook(hookRequest({ eventId })).expect(200)).body).status;

    expect([
      await status('evt-a'),
      await status('evt-a'),
      await status('evt-b'),
      await status('evt-c'),
    ]).toEqual(['SUCCESSFUL', 'SUCCESSFUL', 'SUCCESSFUL', 'FAILED']);
    expect(twilio.requests).toHaveLength(2);
  });

  it('should show a block in GET /deliveries/:id, /metrics and one masked log line', async () => {
    const gateway = await start({ countries: { deny: ['LV'] } });

    const res = await gateway.hook(hookRequest({ phoneNumber: '+37120123456', userId: '00uB' }));
    await gateway.hook(hookRequest({ phoneNumber: '+447400123456' })).expect(200);
    const deliveryId = deliveryIdOf(res.body);

    expect(await record(gateway, deliveryId)).toEqual({
      deliveryId,
      transactionId: deliveryId,
      outcome: 'blocked',
      status: 'blocked',
      statusAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      cause: 'country-deny',
      reason: 'destination country LV is denied',
      requestType: 'com.okta.user.telephony.mfa-verification',
      channel: 'sms',
      country: 'LV',
      to: '+371******56',
      okta: { eventId: expect.any(String), userId: '00uB', login: 'test.user@example.com' },
      attempts: [],
      protection: {
        action: 'blocked',
        findings: [{ rule: 'country-deny', reason: 'destination country LV is denied' }],
      },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      durationMs: expect.any(Number),
      history: [],
    });
    expect(await decisions(gateway)).toEqual([
      'otg_protection_decisions_total{rule="country-deny",country="LV",action="blocked"} 1',
      'otg_protection_decisions_total{rule="none",country="GB",action="allowed"} 1',
    ]);
    const line = gateway.logs.entries().find((e) => e.deliveryId === deliveryId);
    expect(line).toMatchObject({
      msg: 'delivery blocked',
      outcome: 'blocked',
      cause: 'country-deny',
      to: '+371******56',
    });
    expect(gateway.logs.lines.join('\n')).not.toContain('20123456');
  });

  it('should send everything in monitor mode, and still count and record what would be blocked', async () => {
    const gateway = await start({
      mode: 'monitor',
      countries: { deny: ['LV'] },
      rateLimits: [{ key: 'user', limit: 1, windowSeconds: 60 }],
    });

    const first = await gateway.hook(hookRequest({ phoneNumber: '+37120123456' })).expect(200);
    const second = await gateway.hook(hookRequest({ phoneNumber: '+447400123456' })).expect(200);

    expect(twilio.requests).toHaveLength(2);
    const { transactionId } = oktaValue(second.body);
    expect(oktaValue(first.body).status).toBe('SUCCESSFUL');
    expect((await record(gateway, transactionId)).protection).toEqual({
      action: 'would-block',
      findings: [{ rule: 'rate-limit:user:1/60s', reason: 'over 1 per 60 s for this user' }],
    });
    expect(await decisions(gateway)).toEqual([
      'otg_protection_decisions_total{rule="country-deny",country="LV",action="would-block"} 1',
      'otg_protection_decisions_total{rule="rate-limit:user:1/60s",country="GB",action="would-block"} 1',
    ]);
  });

  it('should not apply a rule whose key the request lacks, nor one scoped to other request types', async () => {
    const gateway = await start({
      rateLimits: [
        { key: 'ip', limit: 1, windowSeconds: 60 },
        {
          key: 'phone',
          limit: 1,
          windowSeconds: 60,
          requestTypes: ['com.okta.user.telephony.pre-enrollment'],
        },
      ],
    });
    const withoutIp = () => {
      const body = hookRequest();
      delete (body.data as { context?: unknown }).context;
      return body;
    };

    for (let i = 0; i < 3; i++) await gateway.hook(withoutIp()).expect(200);

    expect(twilio.requests).toHaveLength(3);
  });
});
