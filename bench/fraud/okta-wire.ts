import { hookRequest } from '../../test/support/okta';
import { authViaMfaEvent, factorActivateEvent, Json } from '../../test/support/okta-events';
import { REQUEST_TYPES, SimRequest } from './model';

/** The telephony hook request Okta would send for a simulated request (okta-contract.md §1.8). */
export function hookBody(request: SimRequest, eventId: string): Json {
  return hookRequest({
    eventId,
    phoneNumber: request.phone,
    deliveryChannel: request.channel === 'sms' ? 'SMS' : 'Voice',
    requestType: request.requestType,
    userId: request.userId,
    login: request.login,
    ipAddress: request.ip,
  });
}

/**
 * The System Log event Okta emits when the code is typed in: the factor activated at
 * enrollment, an MFA sign-in otherwise (events/factor-verification.ts reads `factor`). Its
 * `published` is the wall clock: the gateway's delivery records are on it.
 */
export function verifiedEvent(request: SimRequest): Json {
  const person = { id: request.userId, login: request.login, name: 'Sim User' };
  const factor = request.channel === 'sms' ? 'SMS_FACTOR' : 'CALL_FACTOR';
  return request.requestType === REQUEST_TYPES.enrollment
    ? factorActivateEvent(person, factor)
    : authViaMfaEvent(person, factor);
}
