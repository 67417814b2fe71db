import { ManualClock } from './support/clock';
import { eventually } from './support/eventually';
import { FakeTwilio } from './support/fakes/twilio.fake';
import { Gateway, startGateway } from './support/gateway';
import { hookRequest } from './support/okta';
import {
  EVENT_HOOK_SECRET,
  eventHookDelivery,
  factorActivateEvent,
  user,
} from './support/okta-events';
import {
  ADMIN_TOKEN,
  blockedAnswer,
  decisions,
  deliveryIdOf,
  oktaValue,
  protectedConfig,
  record,
} from './support/protection';

const ENROLLMENT = 'com.okta.user.telephony.pre-enrollment';
/** Past settleSeconds (90) and the 30 s bucket the codes were counted in. */
const SETTLED = 121_000;
const REASON = 'range +44 7400 1** sent 3 verified 0, baseline 0.85';

/**
 * The watch list through the real gateway: enrollments by the telephony hook, verified codes
 * by Okta's event hook, a block explained in Okta's answer, the record, the log and the
 * metrics, and the watch list on its admin route.
 */
describe('Toll-fraud watch list (e2e)', () => {
  let twilio: FakeTwilio;
  let clock: ManualClock;
  let gateway: Gateway;
  const start = async (protection: Record<string, unknown> = {}) => {
    clock = new ManualClock();
    const events = { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } };
    const config = protectedConfig(
      twilio,
      { adaptive: { enabled: true }, ...protection },
      { events },
    );
    gateway = await startGateway(config, {}, { clock });
  };
  const enroll = (phoneNumber: string, userId: string, ipAddress: string) =>
    gateway
      .hook(hookRequest({ phoneNumber, userId, ipAddress, requestType: ENROLLMENT }))
      .expect(200);
  const strangers = async () => {
    for (const n of [1, 2, 3]) {
      const res = await enroll(`+44740010000${n}`, `00uStranger${n}`, `198.51.${n}.7`);
      expect(oktaValue(res.body).status).toBe('SUCCESSFUL');
    }
    clock.advance(SETTLED);
  };
  const feedback = async () =>
    (await gateway.http().get('/metrics').expect(200)).text
      .split('\n')
      .filter((line) => line.startsWith('otg_protection_feedback_total{'));

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
  });

  afterEach(async () => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
    await gateway.close();
  });

  afterAll(async () => {
    await twilio.close();
  });

  it('should block an enrollment into a range whose codes go unverified, and say why everywhere', async () => {
    await start();
    await strangers();

    const res = await enroll('+447400100004', '00uStranger4', '198.51.4.7');
    const deliveryId = deliveryIdOf(res.body);

    expect(res.body).toEqual(blockedAnswer('pumping-watch:range', REASON, deliveryId));
    expect(twilio.requests).toHaveLength(3);
    expect(await record(gateway, deliveryId)).toMatchObject({
      outcome: 'blocked',
      cause: 'pumping-watch:range',
      reason: REASON,
      to: '+44********04',
      protection: {
        action: 'blocked',
        findings: [{ rule: 'pumping-watch:range', reason: REASON }],
      },
    });
    const lines = gateway.logs.entries();
    expect(lines.filter((l) => l.msg === 'pumping watch started').map((l) => l.watch)).toEqual([
      REASON,
      'range +44 7400 1 sent 3 verified 0, baseline 0.85',
      'range +44 740 sent 3 verified 0, baseline 0.85',
    ]);
    expect(lines.find((l) => l.deliveryId === deliveryId)).toMatchObject({
      msg: 'delivery blocked',
      cause: 'pumping-watch:range',
      reason: REASON,
    });
    expect(gateway.logs.lines.join('\n')).not.toMatch(/7400100004|\+44740010/);
    expect(await decisions(gateway)).toEqual([
      'otg_protection_decisions_total{rule="none",country="GB",action="allowed"} 3',
      'otg_protection_decisions_total{rule="pumping-watch:range",country="GB",action="blocked"} 1',
    ]);
  });

  it('should list the watch list for admins only, with no number in it', async () => {
    await start();
    await strangers();
    await enroll('+447400100004', '00uStranger4', '198.51.4.7');
    const since = new Date(clock.now()).toISOString();
    const until = new Date(clock.now() + 21_600_000).toISOString();
    const entry = (key: string, explanation: string) => ({
      kind: 'range',
      key,
      country: 'GB',
      since,
      until,
      strikes: 0,
      test: 'poor',
      sent: 3,
      verified: 0,
      baseline: 0.85,
      explanation,
    });

    const res = await gateway
      .http()
      .get('/protection/watchlist')
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);

    expect(res.body).toEqual({
      watched: [
        entry('+44 740', 'range +44 740 sent 3 verified 0, baseline 0.85'),
        entry('+44 7400 1', 'range +44 7400 1 sent 3 verified 0, baseline 0.85'),
        entry('+44 7400 1**', REASON),
      ],
    });
    await gateway.http().get('/protection/watchlist').expect(401);
  });

  it('should learn from verified codes: a number verified is never blocked by the watch list', async () => {
    await start();
    const verifiedUser = user('00uVerified');
    await enroll('+447400100009', verifiedUser.id, '203.0.113.7');
    await gateway
      .http()
      .post('/hooks/okta/events')
      .set('authorization', EVENT_HOOK_SECRET)
      .send(eventHookDelivery([factorActivateEvent(verifiedUser, 'SMS_FACTOR')]))
      .expect(200);
    await eventually(feedback, (lines) => lines.length > 0);
    await strangers();
    await enroll('+447400100005', '00uStranger5', '198.51.5.7');

    expect(await feedback()).toEqual(['otg_protection_feedback_total{result="verified"} 1']);
    const res = await enroll('+447400100009', verifiedUser.id, '203.0.113.7');
    expect(oktaValue(res.body).status).toBe('SUCCESSFUL');
  });

  it('should send and record what it would block in monitor mode', async () => {
    await start({ mode: 'monitor' });
    await strangers();

    const res = await enroll('+447400100004', '00uStranger4', '198.51.4.7');

    expect(oktaValue(res.body).status).toBe('SUCCESSFUL');
    expect((await record(gateway, oktaValue(res.body).transactionId)).protection).toEqual({
      action: 'would-block',
      findings: [{ rule: 'pumping-watch:range', reason: REASON }],
    });
  });
});
