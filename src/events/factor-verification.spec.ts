import { verifiedPhoneChannel } from './factor-verification';
import { OktaLogEvent } from './okta-log-event.types';

const event = (fields: Partial<OktaLogEvent>): OktaLogEvent => ({
  uuid: 'u-1',
  eventType: 'user.authentication.auth_via_mfa',
  outcome: { result: 'SUCCESS' },
  ...fields,
});

describe(verifiedPhoneChannel.name, () => {
  it.each([
    ['SMS_FACTOR', 'sms'],
    ['CALL_FACTOR', 'voice'],
    ['OKTA_VERIFY_PUSH', undefined],
  ])('should read the %s factor as %p', (factor, channel) => {
    expect(verifiedPhoneChannel(event({ debugContext: { debugData: { factor } } }))).toBe(channel);
  });

  it('should read the method of an Identity Engine authenticator enrollment', () => {
    const target = (methodTypeUsed: string) => [
      { id: '00u1', type: 'User' },
      { id: 'paeX', type: 'AuthenticatorEnrollment', detailEntry: { methodTypeUsed } },
    ];

    expect(verifiedPhoneChannel(event({ target: target('SMS') }))).toBe('sms');
    expect(verifiedPhoneChannel(event({ target: target('Voice call') }))).toBe('voice');
    expect(verifiedPhoneChannel(event({ target: target('Email') }))).toBeUndefined();
  });

  it('should count nothing for a failed verification', () => {
    expect(
      verifiedPhoneChannel(
        event({
          outcome: { result: 'FAILURE' },
          debugContext: { debugData: { factor: 'SMS_FACTOR' } },
        }),
      ),
    ).toBeUndefined();
  });
});
