import { eventually } from './support/eventually';
import { eventHookTestbed, OKTA_HEADERS } from './support/event-hook';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';
import {
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

const SMS_EVENT = 'system.sms.send_phone_verification_message';
/** The headers a record keeps: the allow-listed ones the test sent, never the secret. */
const KEPT_HEADERS = { ...OKTA_HEADERS, 'content-type': 'application/json' };
const asResource = (u: OktaUser) => ({
  id: u.id,
  alternateId: u.login,
  displayName: u.name,
  type: 'User',
});

describe('Okta event hook: phone verification records (e2e)', () => {
  const bed = eventHookTestbed();

  it('should take a batch with both event shapes, a repeat and an unrelated event, answer an empty 200, and attach each phone event once to its delivery', async () => {
    const ann = user('00uANN', 'Ann Lee');
    const bob = user('00uBOB', 'Bob Roe');
    const annTx = await bed.okta.deliver(
      hookRequest({ userId: ann.id, phoneNumber: '+14155552671' }),
    );
    const bobTx = await bed.okta.deliver(
      hookRequest({ userId: bob.id, phoneNumber: '+447400123456' }),
    );
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
      sms: await metric(bed.gateway, 'otg_okta_events_total', { event_type: SMS_EVENT }),
      session: await metric(bed.gateway, 'otg_okta_events_total', {
        event_type: 'user.session.start',
      }),
      repeats: await metric(bed.gateway, 'otg_okta_event_repeats_total'),
    };
    const batch = eventHookDelivery([classic, oie, oie, sessionStartEvent(ann)]);

    const res = await bed.okta.postEvents(batch).expect(200);
    await bed.okta.postEvents(eventHookDelivery([oie])).expect(200);

    expect(res.text).toBe('');
    await eventually(
      () => metric(bed.gateway, 'otg_okta_event_repeats_total'),
      (n) => n === before.repeats + 2,
    );
    const annRecord = await bed.okta.withEvents(annTx, 1);
    const bobRecord = await bed.okta.withEvents(bobTx, 1);
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
    expect(await metric(bed.gateway, 'otg_okta_events_total', { event_type: SMS_EVENT })).toBe(
      before.sms + 2,
    );
    expect(
      await metric(bed.gateway, 'otg_okta_events_total', { event_type: 'user.session.start' }),
    ).toBe(before.session + 1);
    const logs = bed.gateway.logs.lines.join('\n');
    for (const secret of ['4155552671', '7400123456', EVENT_HOOK_SECRET])
      expect(logs).not.toContain(secret);
  });

  it('should attach an event that arrived before its delivery once the delivery is made', async () => {
    const early = user('00uEARLY');
    const event = classicSmsEvent(early, '+14155550123');
    const parked = await metric(bed.gateway, 'otg_okta_event_correlations_total', {
      result: 'parked',
    });

    await bed.okta.postEvents(eventHookDelivery([event])).expect(200);
    await eventually(
      () => metric(bed.gateway, 'otg_okta_event_correlations_total', { result: 'parked' }),
      (n) => n === parked + 1,
    );
    const transactionId = await bed.okta.deliver(
      hookRequest({ userId: early.id, phoneNumber: '+14155550123' }),
    );

    const found = await bed.okta.withEvents(transactionId, 1);
    expect(found.history).toEqual([
      expect.objectContaining({ kind: 'okta-event', uuid: event.uuid, eventType: SMS_EVENT }),
    ]);
    expect(await metric(bed.gateway, 'otg_okta_event_correlations_total', { result: 'late' })).toBe(
      1,
    );
  });
});
