import { eventually } from './support/eventually';
import { eventHookTestbed } from './support/event-hook';
import { HOOK_SECRET } from './support/gateway';
import { metric } from './support/metrics';
import {
  EVENT_HOOK_SECRET,
  eventHookDelivery,
  sessionStartEvent,
  user,
} from './support/okta-events';

const SMS_EVENT = 'system.sms.send_phone_verification_message';
const ERROR_401 = { error: { errorSummary: 'Authentication failed', errorCauses: [] } };

describe('Okta event hook: verification and the door (e2e)', () => {
  const bed = eventHookTestbed();

  it('should answer the one-time verification with the challenge, as JSON', async () => {
    const res = await bed.gateway
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
    const req = bed.gateway
      .http()
      .get('/hooks/okta/events')
      .set('x-okta-verification-challenge', 'c1');
    const res = await (secret === null ? req : req.set('authorization', secret)).expect(401);

    expect(res.body).toEqual(ERROR_401);
  });

  it('should answer 401 to events without the secret, and process nothing', async () => {
    const noAuth = user('00uNOAUTH');
    const counted = (eventType: string) =>
      metric(bed.gateway, 'otg_okta_events_total', { event_type: eventType });
    const before = await counted('user.session.start');

    const res = await bed.okta
      .postEvents(eventHookDelivery([sessionStartEvent(noAuth)]), null)
      .expect(401);
    // An authenticated delivery afterwards, as a barrier: once it is counted, the refused one would have been.
    const barrier = { ...sessionStartEvent(noAuth), eventType: 'user.session.end' };
    await bed.okta.postEvents(eventHookDelivery([barrier])).expect(200);
    await eventually(
      () => counted('user.session.end'),
      (n) => n === 1,
    );

    expect(res.body).toEqual(ERROR_401);
    expect(await counted('user.session.start')).toBe(before);
  });

  it('should answer 400 to a verification request without a challenge', async () => {
    const res = await bed.gateway
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
    const res = await bed.okta.postEvents(body).expect(400);

    expect(res.body.error.errorSummary).toBe('The request is not a valid Okta hook request');
  });

  it('should refuse a body over events.bodyLimitBytes (413), in plain text or as a form (415)', async () => {
    const huge = eventHookDelivery([sessionStartEvent(user('00uBIG'))]);
    (huge.data as { padding?: string }).padding = 'x'.repeat(5 * 1024 * 1024);

    await bed.okta.postEvents(huge).expect(413);
    await bed.okta.postEvents('uuid=1').set('content-type', 'text/plain').expect(415);
    await bed.okta.postEvents('uuid=1').type('form').expect(415);
  });
});
