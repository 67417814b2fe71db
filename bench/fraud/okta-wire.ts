import { REQUEST_TYPES, SimRequest } from './model';

/** The telephony hook request Okta would send for a simulated request (okta-contract.md §1.8). */
export function hookBody(request: SimRequest, eventId: string): object {
  return {
    eventId,
    eventTime: new Date().toISOString(),
    eventType: 'com.okta.telephony.provider',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: 'https://example.okta.com/api/v1/inlineHooks/calFraudSim',
    requestType: request.requestType,
    data: {
      context: {
        request: {
          id: `req${eventId}`,
          method: 'POST',
          url: { value: '/idp/idx/challenge/send' },
          ipAddress: request.ip,
        },
      },
      userProfile: {
        firstName: 'Sim',
        lastName: 'User',
        login: request.login,
        userId: request.userId,
      },
      messageProfile: {
        msgTemplate: 'Your verification code is 480213',
        phoneNumber: request.phone,
        otpExpires: new Date(Date.now() + 300_000).toISOString(),
        deliveryChannel: request.channel === 'sms' ? 'SMS' : 'Voice',
        otpCode: '480213',
        locale: 'en',
      },
    },
  };
}

/**
 * The System Log event Okta emits when the code is typed in: the factor activated at
 * enrollment, an MFA sign-in otherwise (events/factor-verification.ts reads `factor`).
 * `published` is the wall clock: the gateway's delivery records are on it.
 */
export function verifiedEvent(request: SimRequest, uuid: string): object {
  const enrollment = request.requestType === REQUEST_TYPES.enrollment;
  return {
    uuid,
    published: new Date().toISOString(),
    eventType: enrollment ? 'user.mfa.factor.activate' : 'user.authentication.auth_via_mfa',
    version: '0',
    severity: 'INFO',
    displayMessage: enrollment
      ? 'Activate factor or authenticator'
      : 'Authentication of user via MFA',
    actor: {
      id: request.userId,
      type: 'User',
      alternateId: request.login,
      displayName: 'Sim User',
    },
    client: { ipAddress: request.ip },
    outcome: { result: 'SUCCESS', reason: null },
    target: [
      {
        id: 'paeSim',
        type: 'AuthenticatorEnrollment',
        alternateId: 'unknown',
        displayName: 'Phone',
      },
    ],
    debugContext: {
      debugData: {
        factor: request.channel === 'sms' ? 'SMS_FACTOR' : 'CALL_FACTOR',
        factorIntent: enrollment ? 'ENROLLMENT' : 'AUTHENTICATION',
      },
    },
  };
}
