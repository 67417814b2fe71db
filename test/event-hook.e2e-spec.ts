import { eventually } from './support/eventually';
import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';
import {
  authViaMfaEvent,
  classicSmsEvent,
  EVENT_HOOK_SECRET,
  EVENT_HOOK_SOURCE,
  eventHookDelivery,
  Json,
  oieSmsEvent,
  OktaUser,
  sessionStartEvent,
  user,
} from './support/okta-events';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const SMS_EVENT = 'system.sms.send_phone_verification_message';
const ERROR_401 = { error: { errorSummary: 'Authentication failed', errorCauses: [] } };
const OKTA_HEADERS = { accept: 'application/json', 'user-agent': 'Okta-Integrations' };
/** The headers a record keeps: the allow-listed ones the test sent, never the secret. */
const KEPT_HEADERS = { ...OKTA_HEADERS, 'content-type': 'application/json' };
const asResource = (u: OktaUser) => ({
  id: u.id,
  alternateId: u.login,
  displayName: u.name,
  type: 'User',
});

interface HistoryEntry {
  kind: string;
  uuid?: string;
  event?: Json;
}

describe('Okta event hook (e2e)', () => {
  let twilio: FakeTwilio;
  let gateway: Gateway;

  const post = (body: unknown, secret: string | null = EVENT_HOOK_SECRET) => {
    const req = gateway.http().post('/hooks/okta/events').set(OKTA_HEADERS);
    return (secret === null ? req : req.set('authorization', secret)).send(body as object);
  };
  const record = async (id: string) =>
    (
      await gateway
        .http()
        .get(`/deliveries/${id}`)
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(200)
    ).body as { status: string; history: HistoryEntry[] };
  /** The record once `count` Okta events are attached (they are processed after Okta's answer). */
  const withEvents = (id: string, count: number) =>
    eventually(
      () => record(id),
      (r) => r.history.filter((e) => e.kind === 'okta-event').length >= count,
    );
  /** Sends an OTP through the gateway and returns the transaction id Okta got. */
  const deliver = async (userId: string, phoneNumber: string): Promise<string> => {
    const res = await gateway.hook(hookRequest({ userId, phoneNumber })).expect(200);
    return (res.body as { commands: { value: { transactionId: string }[] }[] }).commands[0].value[0]
      .transactionId;
  };

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
        providers: {
          tw: twilioProvider(twilio, {
            circuitBreaker: { consecutiveFailures: 1000, cooldownMs: 100 },
          }),
        },
        routing: { default: ['tw'] },
        admin: { tokens: [ADMIN_TOKEN] },
      }),
    );
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.script();
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
  });

  it('should answer the one-time verification with the challenge, as JSON', async () => {
    const res = await gateway
      .http()
      .get('/hooks/okta/events')
      .set('authorization', EVENT_HOOK_SECRET)
      .set('x-okta-verification-challenge', 'X2J0hPkVNJjt4pbUHE8qP1-V9uG8qkNYh3FM')
      .expect(200);

    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ verification: 'X2J0hPkVNJjt4pbUHE8qP1-V9uG8qkNYh3FM' });
  });

  it.each([
    ['no secret', null],
    ['the telephony hook secret', HOOK_SECRET],
    ['a wrong secret', 'test-event-hook-secret-012345678X'],
  ])('should answer 401 to a verification request with %s', async (_name, secret) => {
    const req = gateway.http().get('/hooks/okta/events').set('x-okta-verification-challenge', 'c1');
    const res = await (secret === null ? req : req.set('authorization', secret)).expect(401);

    expect(res.body).toEqual(ERROR_401);
  });

  it('should answer 401 to events without the secret, and process nothing', async () => {
    const before = await metric(gateway, 'otg_okta_events_total', {
      event_type: 'user.session.start',
    });

    const res = await post(eventHookDelivery([sessionStartEvent(user('00uNOAUTH'))]), null).expect(
      401,
    );

    expect(res.body).toEqual(ERROR_401);
    await post(eventHookDelivery([]));
    expect(
      await metric(gateway, 'otg_okta_events_total', { event_type: 'user.session.start' }),
    ).toBe(before);
  });

  it('should answer 400 to a verification request without a challenge', async () => {
    const res = await gateway
      .http()
      .get('/hooks/okta/events')
      .set('authorization', EVENT_HOOK_SECRET)
      .expect(400);

    expect(res.body.error.errorCauses).toEqual([
      {
        errorSummary: 'x-okta-verification-challenge: a verification challenge is required',
        reason: 'a verification challenge is required',
        locationType: 'body',
        location: 'x-okta-verification-challenge',
      },
    ]);
  });

  it.each([
    ['no data', { eventType: 'com.okta.event_hook' }],
    ['events that are not a list', { data: { events: { uuid: 'u' } } }],
    ['an event without uuid', { data: { events: [{ eventType: SMS_EVENT }] } }],
    ['an event whose type is not text', { data: { events: [{ uuid: 'u', eventType: 7 }] } }],
  ])('should answer 400 (which Okta does not retry) to %s', async (_name, body) => {
    const res = await post(body).expect(400);

    expect(res.body.error.errorSummary).toBe('The request is not a valid Okta hook request');
  });

  it('should refuse a body over the body limit (413), in plain text (415) or as a form (400)', async () => {
    const huge = eventHookDelivery([sessionStartEvent(user('00uBIG'))]);
    (huge.data as { padding?: string }).padding = 'x'.repeat(70_000);

    await post(huge).expect(413);
    await post('uuid=1').set('content-type', 'text/plain').expect(415);
    await post('uuid=1').type('form').expect(400);
  });

  it('should take a batch with both event shapes, a repeat and an unrelated event, answer an empty 200, and attach each phone event once to its delivery', async () => {
    const ann = user('00uANN', 'Ann Lee');
    const bob = user('00uBOB', 'Bob Roe');
    const annTx = await deliver(ann.id, '+14155552671');
    const bobTx = await deliver(bob.id, '+447400123456');
    const oie = oieSmsEvent(ann, '+14xxxxxxxxx');
    const maskedDebugData = {
      ...(oie.debugContext as { debugData: Json }).debugData,
      phoneNumber: '+1**********',
    };
    const classic = classicSmsEvent(bob, '+447400123456', {
      smsProvider: 'INLINE_HOOK',
      transactionId: bobTx,
    });
    const before = {
      sms: await metric(gateway, 'otg_okta_events_total', { event_type: SMS_EVENT }),
      session: await metric(gateway, 'otg_okta_events_total', { event_type: 'user.session.start' }),
      repeats: await metric(gateway, 'otg_okta_event_repeats_total'),
    };
    const batch = eventHookDelivery([classic, oie, oie, sessionStartEvent(ann)]);

    const res = await post(batch).expect(200);
    await post(eventHookDelivery([oie])).expect(200);

    expect(res.text).toBe('');
    await eventually(
      () => metric(gateway, 'otg_okta_event_repeats_total'),
      (n) => n === before.repeats + 2,
    );
    const annRecord = await withEvents(annTx, 1);
    const bobRecord = await withEvents(bobTx, 1);
    expect(annRecord.history).toEqual([
      {
        kind: 'okta-event',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        eventType: SMS_EVENT,
        uuid: oie.uuid,
        published: oie.published,
        result: 'SUCCESS',
        event: {
          dateAndTime: oie.published,
          message: 'Send phone verification SMS message',
          eventId: batch.eventId,
          eventType: SMS_EVENT,
          eventTime: batch.eventTime,
          version: '0',
          actor: asResource(ann),
          oktaUser: asResource(ann),
          phone: { id: null, alternateId: '+1**********', displayName: null, type: null },
          uuid: oie.uuid,
          eventDetails: {
            ...oie,
            debugContext: {
              debugData: maskedDebugData,
            },
          },
          headers: KEPT_HEADERS,
          source: EVENT_HOOK_SOURCE,
          debugContext: {
            debugData: {
              requestId: 'reqOIE0000000000000000000',
              requestUri: '/idp/idx/challenge',
              phoneNumber: '+1**********',
              countryCallingCode: '1',
              smsProvider: 'INLINE_HOOK',
            },
          },
          summary: {
            channel: 'sms',
            engine: 'identity-engine',
            result: 'SUCCESS',
            reason: null,
            deniedByOkta: false,
            oktaFallback: false,
            oktaProvider: 'INLINE_HOOK',
            transactionId: null,
            countryCallingCode: '1',
            country: null,
          },
        },
      },
    ]);
    const classicPhone = {
      id: 'mbl3p075rwLbODqXZ0g7',
      alternateId: '+44********56',
      displayName: '+44********56',
    };
    expect(bobRecord.history).toEqual([
      expect.objectContaining({ kind: 'okta-event', uuid: classic.uuid, result: 'SUCCESS' }),
    ]);
    expect(bobRecord.history[0].event).toEqual({
      dateAndTime: classic.published,
      message: 'Send phone verification SMS message',
      eventId: batch.eventId,
      eventType: SMS_EVENT,
      eventTime: batch.eventTime,
      version: '0',
      actor: asResource(bob),
      oktaUser: asResource(bob),
      phone: { ...classicPhone, type: 'MobilePhone' },
      uuid: classic.uuid,
      eventDetails: {
        ...classic,
        target: [
          (classic.target as Json[])[0],
          { ...(classic.target as Json[])[1], ...classicPhone },
        ],
      },
      headers: KEPT_HEADERS,
      source: EVENT_HOOK_SOURCE,
      debugContext: {
        debugData: {
          requestId: 'reqRgSk8IBBRhuo0YdlEDTmUw',
          requestUri: '/api/v1/authn/factors/sms/verify',
          smsProvider: 'INLINE_HOOK',
          transactionId: bobTx,
        },
      },
      summary: {
        channel: 'sms',
        engine: 'classic',
        result: 'SUCCESS',
        reason: null,
        deniedByOkta: false,
        oktaFallback: false,
        oktaProvider: 'INLINE_HOOK',
        transactionId: bobTx,
        countryCallingCode: null,
        country: 'GB',
      },
    });
    expect(await metric(gateway, 'otg_okta_events_total', { event_type: SMS_EVENT })).toBe(
      before.sms + 2,
    );
    expect(
      await metric(gateway, 'otg_okta_events_total', { event_type: 'user.session.start' }),
    ).toBe(before.session + 1);
    const logs = gateway.logs.lines.join('\n');
    for (const secret of ['4155552671', '7400123456', EVENT_HOOK_SECRET])
      expect(logs).not.toContain(secret);
  });

  it('should attach an event that arrived before its delivery once the delivery is made', async () => {
    const early = user('00uEARLY');
    const event = classicSmsEvent(early, '+14155550123');
    const parked = await metric(gateway, 'otg_okta_event_correlations_total', { result: 'parked' });

    await post(eventHookDelivery([event])).expect(200);
    await eventually(
      () => metric(gateway, 'otg_okta_event_correlations_total', { result: 'parked' }),
      (n) => n === parked + 1,
    );
    const transactionId = await deliver(early.id, '+14155550123');

    const found = await withEvents(transactionId, 1);
    expect(found.history).toEqual([
      expect.objectContaining({ kind: 'okta-event', uuid: event.uuid, eventType: SMS_EVENT }),
    ]);
    expect(await metric(gateway, 'otg_okta_event_correlations_total', { result: 'late' })).toBe(1);
  });

  it("should show Okta's own fallback send beside the gateway's failed delivery, and count fallbacks and denials", async () => {
    const carl = user('00uCARL');
    twilio.script(() => twilioError(500, 20500));
    await gateway.hook(hookRequest({ userId: carl.id, phoneNumber: '+14155550199' })).expect(200);
    const failed = gateway.logs
      .entries()
      .find((e) => e.msg === 'delivery failed' && e.to === '+1********99');
    const fallback = oieSmsEvent(carl, '+14155550199', {
      isSmsHookFailover: 'true',
      smsProvider: 'TELESIGN',
      countryCodeIso2: 'US',
    });
    const denied = classicSmsEvent(
      user('00uDENY'),
      '+2207001234',
      {},
      { outcome: { result: 'DENY', reason: 'Telephony rate limit' } },
    );

    await post(eventHookDelivery([fallback, denied])).expect(200);

    const found = await withEvents(failed?.deliveryId as string, 1);
    expect(found.status).toBe('failed');
    expect(found.history[0].event).toMatchObject({
      phone: { alternateId: '+1********99' },
      summary: { oktaFallback: true, oktaProvider: 'TELESIGN', country: 'US', result: 'SUCCESS' },
    });
    expect(
      await metric(gateway, 'otg_okta_fallbacks_total', { channel: 'sms', country: 'US' }),
    ).toBe(1);
    await eventually(
      () => metric(gateway, 'otg_okta_denied_total', { channel: 'sms', country: 'GM' }),
      (n) => n === 1,
    );
  });

  it('should count phone verifications against the country of the code they follow', async () => {
    const vera = user('00uVERA');
    const labels = { channel: 'sms', country: 'DE' };
    const sent = await metric(gateway, 'otg_otp_sent_total', labels);
    await deliver(vera.id, '+4915123456789');

    await post(
      eventHookDelivery([
        authViaMfaEvent(vera, 'SMS_FACTOR'),
        authViaMfaEvent(vera, 'OKTA_VERIFY_PUSH'),
      ]),
    ).expect(200);

    expect(
      await eventually(
        () => metric(gateway, 'otg_otp_verified_total', labels),
        (n) => n === 1,
      ),
    ).toBe(1);
    expect(await metric(gateway, 'otg_otp_sent_total', labels)).toBe(sent + 1);
    expect(
      await metric(gateway, 'otg_okta_events_total', {
        event_type: 'user.authentication.auth_via_mfa',
      }),
    ).toBe(2);
  });
});
