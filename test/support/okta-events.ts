import { randomUUID } from 'node:crypto';

/**
 * Okta event hook deliveries and System Log events in the shapes okta-contract.md §4 documents:
 * the envelope of §4.2, and `system.sms.send_phone_verification_message` in its Classic shape
 * (the phone as a `MobilePhone` target) and its Identity Engine shape (phone, calling code and
 * provider in `debugContext.debugData`, §4.6).
 */
export const EVENT_HOOK_SECRET = 'test-event-hook-secret-0123456789';
export const EVENT_HOOK_SOURCE = 'https://example.okta.com/api/v1/eventHooks/who7hphp39JoHLni81d7';

export type Json = Record<string, unknown>;

export function eventHookDelivery(events: Json[], eventId = randomUUID()): Json {
  return {
    eventType: 'com.okta.event_hook',
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: EVENT_HOOK_SOURCE,
    eventId,
    data: { events },
    eventTime: new Date().toISOString(),
    contentType: 'application/json',
  };
}

export interface OktaUser {
  readonly id: string;
  readonly login: string;
  readonly name: string;
}

export const user = (id: string, name = 'Test User'): OktaUser => ({
  id,
  login: `${id.toLowerCase()}@example.com`,
  name,
});

const resource = (u: OktaUser) => ({
  id: u.id,
  type: 'User',
  alternateId: u.login,
  displayName: u.name,
  detailEntry: null,
});

/** The LogEvent fields every event has (OAS `LogEvent`). */
function logEvent(eventType: string, u: OktaUser, fields: Json): Json {
  return {
    uuid: randomUUID(),
    published: new Date().toISOString(),
    eventType,
    version: '0',
    severity: 'INFO',
    legacyEventType: null,
    actor: resource(u),
    client: {
      userAgent: { rawUserAgent: 'Mozilla/5.0', os: 'Mac OS X', browser: 'CHROME' },
      zone: 'null',
      device: 'Computer',
      id: null,
      ipAddress: '203.0.113.7',
      geographicalContext: { city: 'San Francisco', state: 'California', country: 'United States' },
    },
    outcome: { result: 'SUCCESS', reason: null },
    transaction: { type: 'WEB', id: 'YmSa4YuTtBmZbBwz3fXQyQAAA9I', detail: {} },
    ...fields,
  };
}

/** Classic: the phone is a `MobilePhone` target; debug data names Okta's provider and transaction. */
export function classicSmsEvent(
  u: OktaUser,
  phone: string,
  debugData: Json = {},
  extra: Json = {},
): Json {
  return logEvent('system.sms.send_phone_verification_message', u, {
    displayMessage: 'Send phone verification SMS message',
    target: [
      resource(u),
      {
        id: 'mbl3p075rwLbODqXZ0g7',
        type: 'MobilePhone',
        alternateId: phone,
        displayName: phone,
        detailEntry: null,
      },
    ],
    debugContext: {
      debugData: {
        requestId: 'reqRgSk8IBBRhuo0YdlEDTmUw',
        requestUri: '/api/v1/authn/factors/sms/verify',
        ...debugData,
      },
    },
    ...extra,
  });
}

/** Identity Engine: no `MobilePhone` target; the number is in the debug data (here masked, as Okta's docs show). */
export function oieSmsEvent(
  u: OktaUser,
  phoneNumber: string,
  debugData: Json = {},
  extra: Json = {},
): Json {
  return logEvent('system.sms.send_phone_verification_message', u, {
    displayMessage: 'Send phone verification SMS message',
    target: [resource(u)],
    debugContext: {
      debugData: {
        requestId: 'reqOIE0000000000000000000',
        requestUri: '/idp/idx/challenge',
        phoneNumber,
        countryCallingCode: '1',
        smsProvider: 'INLINE_HOOK',
        ...debugData,
      },
    },
    ...extra,
  });
}

/** The phone authenticator a factor event names (Identity Engine `AuthenticatorEnrollment`). */
const PHONE_ENROLLMENT = {
  id: 'sms1abcd',
  type: 'AuthenticatorEnrollment',
  alternateId: 'unknown',
  displayName: 'Phone',
  detailEntry: null,
};

/** A sign-in verified with a phone factor (`factor` debug value, as System Log queries read it). */
export function authViaMfaEvent(u: OktaUser, factor: string, result = 'SUCCESS'): Json {
  return logEvent('user.authentication.auth_via_mfa', u, {
    displayMessage: 'Authentication of user via MFA',
    outcome: { result, reason: null },
    target: [PHONE_ENROLLMENT],
    debugContext: { debugData: { factor, factorIntent: 'AUTHENTICATION' } },
  });
}

/** An enrollment verified: the phone factor activated (`factor` debug value, as for sign-ins). */
export function factorActivateEvent(u: OktaUser, factor: string): Json {
  return logEvent('user.mfa.factor.activate', u, {
    displayMessage: 'Activate factor or authenticator',
    target: [PHONE_ENROLLMENT],
    debugContext: { debugData: { factor, factorIntent: 'ENROLLMENT' } },
  });
}

/** Any event the gateway only counts. */
export function sessionStartEvent(u: OktaUser): Json {
  return logEvent('user.session.start', u, { displayMessage: 'User login to Okta', target: [] });
}
