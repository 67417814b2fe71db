import { toDeliveryRequest } from './hook-request.mapper';
import { TelephonyHookRequestDto, telephonyHookProblems } from './telephony-hook.dto';

const profile = (messageProfile: Record<string, unknown>) => ({
  eventId: 'evt-1',
  requestType: 'com.okta.user.telephony.mfa-verification',
  data: {
    messageProfile: {
      phoneNumber: '+14155552671',
      otpCode: '123456',
      deliveryChannel: 'SMS',
      ...messageProfile,
    },
    userProfile: { userId: '00u1', login: 'a@example.com' },
    context: { request: { ipAddress: '203.0.113.7' } },
  },
});

function parse(body: unknown): { dto: TelephonyHookRequestDto; errors: string[] } {
  const errors = telephonyHookProblems(body).map((problem) => problem.location);
  return { dto: body as TelephonyHookRequestDto, errors };
}

describe(telephonyHookProblems.name, () => {
  it.each([
    ['the documented sample', {}],
    ['numbers for phoneNumber and otpCode', { phoneNumber: 14155552671, otpCode: 123456 }],
    ['a phone number without +', { phoneNumber: '9876543210' }],
    ['a voice channel spelt "voice call"', { deliveryChannel: 'voice call' }],
    ['the legacy eventAction', { eventAction: 'com.okta.user.telephony.account-unlock' }],
    ['unknown extra fields', { somethingNew: { deep: [1, 2] } }],
  ])('should accept %s', (_name, fields) => {
    expect(parse(profile(fields)).errors).toEqual([]);
  });

  it.each([
    ['phoneNumber as a boolean', { phoneNumber: true }, 'data.messageProfile.phoneNumber'],
    ['phoneNumber empty', { phoneNumber: '  ' }, 'data.messageProfile.phoneNumber'],
    ['a negative phone number', { phoneNumber: -1 }, 'data.messageProfile.phoneNumber'],
    ['otpCode with punctuation', { otpCode: '12-34' }, 'data.messageProfile.otpCode'],
    ['otpCode as an object', { otpCode: { code: 1 } }, 'data.messageProfile.otpCode'],
    [
      'deliveryChannel missing',
      { deliveryChannel: undefined },
      'data.messageProfile.deliveryChannel',
    ],
    ['msgTemplate as a number', { msgTemplate: 5 }, 'data.messageProfile.msgTemplate'],
    [
      'a phone number of 33 characters',
      { phoneNumber: '1'.repeat(33) },
      'data.messageProfile.phoneNumber',
    ],
    ['a fractional phone number', { phoneNumber: 1.5 }, 'data.messageProfile.phoneNumber'],
    ['an empty channel', { deliveryChannel: '' }, 'data.messageProfile.deliveryChannel'],
    [
      'a channel of 33 characters',
      { deliveryChannel: 'x'.repeat(33) },
      'data.messageProfile.deliveryChannel',
    ],
    [
      'a message of 2001 characters',
      { msgTemplate: 'x'.repeat(2001) },
      'data.messageProfile.msgTemplate',
    ],
    ['a locale of 36 characters', { locale: 'x'.repeat(36) }, 'data.messageProfile.locale'],
  ])('should reject %s, naming the field', (_name, fields, location) => {
    expect(parse(profile(fields)).errors).toEqual([location]);
  });

  it('should reject a body without data', () => {
    expect(parse({ eventId: 'x' }).errors).toEqual(['data']);
  });

  it.each([null, [], 'text', 7])('should reject the body %p, which is not an object', (body) => {
    expect(telephonyHookProblems(body)).toEqual([
      { location: 'body', reason: 'body must be an object' },
    ]);
  });

  it('should accept null for every optional field', () => {
    const body = profile({ msgTemplate: null, locale: null });

    expect(parse({ ...body, eventId: null, data: { ...body.data, context: null } }).errors).toEqual(
      [],
    );
  });

  it('should name every wrong field, one rule each, in the order of the request', () => {
    const body = {
      eventId: 'x'.repeat(129),
      requestType: 5,
      data: {
        messageProfile: { phoneNumber: true, otpCode: '1', deliveryChannel: 'SMS', locale: 3 },
        userProfile: { userId: 1, login: [] },
        context: { request: 'req-1' },
      },
    };

    expect(telephonyHookProblems(body)).toEqual([
      { location: 'eventId', reason: 'eventId must be shorter than or equal to 128 characters' },
      { location: 'requestType', reason: 'requestType must be a string' },
      {
        location: 'data.messageProfile.phoneNumber',
        reason: 'phoneNumber must be a non-empty string or a number of the expected form',
      },
      { location: 'data.messageProfile.locale', reason: 'locale must be a string' },
      { location: 'data.userProfile.userId', reason: 'userId must be a string' },
      { location: 'data.userProfile.login', reason: 'login must be a string' },
      { location: 'data.context.request', reason: 'data.context.request must be an object' },
    ]);
  });
});

describe(toDeliveryRequest.name, () => {
  it('should map Okta names to the delivery request', () => {
    const { dto } = parse(profile({ msgTemplate: 'Code 123456', locale: 'EN-US' }));

    expect(toDeliveryRequest(dto)).toEqual({
      eventId: 'evt-1',
      requestType: 'com.okta.user.telephony.mfa-verification',
      channel: 'sms',
      phoneNumber: '+14155552671',
      code: '123456',
      text: 'Code 123456',
      locale: 'EN-US',
      userId: '00u1',
      userLogin: 'a@example.com',
      clientIp: '203.0.113.7',
    });
  });

  it.each([
    ['SMS', 'sms'],
    ['sms', 'sms'],
    [' Sms ', 'sms'],
    ['voice call', 'voice'],
    ['CALL', 'voice'],
    ['Voice', 'voice'],
  ])('should read deliveryChannel %p as %s', (deliveryChannel, channel) => {
    expect(toDeliveryRequest(parse(profile({ deliveryChannel })).dto).channel).toBe(channel);
  });

  it('should fall back to eventAction and stringify numbers', () => {
    const body = profile({
      phoneNumber: 14155552671,
      otpCode: 42,
      eventAction: 'com.okta.user.telephony.pre-enrollment',
    });
    delete (body as { requestType?: string }).requestType;

    const request = toDeliveryRequest(parse(body).dto);

    expect(request).toMatchObject({
      requestType: 'com.okta.user.telephony.pre-enrollment',
      phoneNumber: '14155552671',
      code: '42',
    });
  });
});
