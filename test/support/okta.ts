/** Telephony hook requests in the shapes Okta documents (okta-contract.md §1.8). */
export interface HookRequestOptions {
  eventId?: string;
  phoneNumber?: string | number;
  otpCode?: string | number;
  deliveryChannel?: string;
  msgTemplate?: string | null;
  locale?: string;
  requestType?: string | null;
  eventAction?: string;
  userId?: string;
  login?: string;
  ipAddress?: string;
}

let sequence = 0;

export function hookRequest(options: HookRequestOptions = {}): Record<string, unknown> {
  const code = options.otpCode ?? '480213';
  const messageProfile: Record<string, unknown> = {
    msgTemplate: `Your verification code is ${code}`,
    phoneNumber: options.phoneNumber ?? '+14155552671',
    otpExpires: '2026-11-22T21:48:34.321Z',
    deliveryChannel: options.deliveryChannel ?? 'SMS',
    otpCode: code,
    locale: options.locale ?? 'EN-US',
  };
  if (options.msgTemplate !== undefined)
    messageProfile.msgTemplate = options.msgTemplate ?? undefined;
  if (options.eventAction) messageProfile.eventAction = options.eventAction;
  const body: Record<string, unknown> = {
    eventId: options.eventId ?? `evt-${Date.now()}-${++sequence}`,
    eventTime: '2026-11-22T21:43:40.000Z',
    eventType: 'com.okta.telephony.provider',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: 'https://example.okta.com/api/v1/inlineHooks/calz6lVQA77AwFeEe0g3',
    requestType:
      options.requestType === undefined
        ? 'com.okta.user.telephony.mfa-verification'
        : options.requestType,
    data: {
      context: {
        request: {
          id: 'reqRgSk8IBBRhuo0YdlEDTmUw',
          method: 'POST',
          url: { value: '/idp/idx/challenge' },
          ipAddress: options.ipAddress ?? '203.0.113.7',
        },
      },
      userProfile: {
        firstName: 'Test',
        lastName: 'User',
        login: options.login ?? 'test.user@example.com',
        userId: options.userId ?? '00uyxxSknGtK8022w0g3',
      },
      messageProfile,
    },
  };
  if (body.requestType === null) delete body.requestType;
  return body;
}
