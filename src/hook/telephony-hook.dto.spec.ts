import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { toDeliveryRequest } from './hook-request.mapper';
import { TelephonyHookRequestDto } from './telephony-hook.dto';

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

function locations(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const at = path ? `${path}.${e.property}` : e.property;
    return [...Object.keys(e.constraints ?? {}).map(() => at), ...locations(e.children ?? [], at)];
  });
}

function parse(body: unknown): { dto: TelephonyHookRequestDto; errors: string[] } {
  const dto = plainToInstance(TelephonyHookRequestDto, body);
  return { dto, errors: locations(validateSync(dto, { stopAtFirstError: true })) };
}

describe(TelephonyHookRequestDto.name, () => {
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
  ])('should reject %s, naming the field', (_name, fields, location) => {
    expect(parse(profile(fields)).errors).toEqual([location]);
  });

  it('should reject a body without data', () => {
    expect(parse({ eventId: 'x' }).errors).toEqual(['data']);
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
