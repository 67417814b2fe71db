import { telephonyRequest } from './telephony-request';

describe(telephonyRequest.name, () => {
  const now = new Date('2026-11-22T21:43:40.000Z');

  it("should build a sign-in's SMS request with a fresh eventId and a six-digit code in the template", () => {
    const sut = telephonyRequest({
      phoneNumber: '+14155552671',
      channel: 'sms',
      preview: false,
      now,
    });

    expect(sut.eventId).toMatch(/^[\w-]{22}$/);
    expect(sut.code).toMatch(/^\d{6}$/);
    expect(sut.body).toEqual({
      eventId: sut.eventId,
      eventTime: '2026-11-22T21:43:40.000Z',
      eventType: 'com.okta.telephony.provider',
      eventTypeVersion: '1.0',
      contentType: 'application/json',
      cloudEventVersion: '0.1',
      source: 'https://otg.invalid/api/v1/inlineHooks/otg-cli',
      requestType: 'com.okta.user.telephony.mfa-verification',
      data: {
        context: {
          request: {
            id: expect.stringMatching(/^req[\w-]{22}$/),
            method: 'POST',
            url: { value: '/idp/idx/challenge' },
            ipAddress: '127.0.0.1',
          },
        },
        userProfile: {
          firstName: 'otg',
          lastName: 'send',
          login: 'otg.send@otg.invalid',
          userId: '00uotgsend0000000000',
        },
        messageProfile: {
          msgTemplate: `Your code is ${sut.code}`,
          phoneNumber: '+14155552671',
          otpExpires: '2026-11-22T21:48:40.000Z',
          deliveryChannel: 'SMS',
          otpCode: sut.code,
          locale: 'EN-US',
        },
      },
    });
  });

  it("should spell a voice call as Okta does: 'voice call' in a sign-in, 'Voice' from the Preview tab, with no template", () => {
    const signIn = telephonyRequest({
      phoneNumber: '+14155552671',
      channel: 'voice',
      preview: false,
      now,
    });
    const preview = telephonyRequest({
      phoneNumber: '9876543210',
      channel: 'voice',
      preview: true,
      now,
      source: 'https://acme.okta.com/api/v1/inlineHooks/cal1',
    });

    const profile = (r: typeof signIn) =>
      (r.body.data as { messageProfile: Record<string, string> }).messageProfile;
    expect(profile(signIn).deliveryChannel).toBe('voice call');
    expect(profile(preview).deliveryChannel).toBe('Voice');
    expect(profile(preview).msgTemplate).toBeUndefined();
    expect(preview.body.source).toBe('https://acme.okta.com/api/v1/inlineHooks/cal1');
    expect(preview.body.requestType).toBe('com.okta.user.telephony.pre-enrollment');
  });

  it('should never reuse an eventId or a code across requests', () => {
    const many = Array.from({ length: 50 }, () =>
      telephonyRequest({ phoneNumber: '+14155552671', channel: 'sms', preview: false }),
    );

    expect(new Set(many.map((r) => r.eventId)).size).toBe(50);
    expect(new Set(many.map((r) => r.code)).size).toBeGreaterThan(40);
  });
});
