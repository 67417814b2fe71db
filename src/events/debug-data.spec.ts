import { debugText, debugValue, isTrue, maskPhones } from './debug-data';

describe(debugValue.name, () => {
  it('should find a key in camelCase or snake_case, whichever Okta sent', () => {
    expect(debugValue({ isSmsHookFailover: 'true' }, 'is_sms_hook_failover')).toBe('true');
    expect(debugValue({ is_sms_hook_failover: true }, 'isSmsHookFailover')).toBe(true);
    expect(debugValue({ smsProvider: null, sms_provider: 'TWILIO' }, 'smsProvider')).toBe('TWILIO');
    expect(debugValue({}, 'smsProvider')).toBeUndefined();
  });

  it('should write numbers and booleans as text, and nothing for objects', () => {
    expect(debugText({ countryCallingCode: 44 }, 'countryCallingCode')).toBe('44');
    expect(debugText({ a: { b: 1 } }, 'a')).toBeNull();
    expect(debugText({ a: '' }, 'a')).toBeNull();
  });
});

describe(isTrue.name, () => {
  it.each([
    [true, true],
    ['true', true],
    [' TRUE ', true],
    ['false', false],
    [false, false],
    [1, false],
    [undefined, false],
  ])('should read %p as %p', (value, expected) => {
    expect(isTrue(value)).toBe(expected);
  });
});

describe(maskPhones.name, () => {
  it('should mask numbers under phone keys, international-looking values and MobilePhone resources', () => {
    const event = {
      target: [
        { id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann' },
        { id: 'mbl1', type: 'MobilePhone', alternateId: '4155552671', displayName: '+14155552671' },
      ],
      debugContext: {
        debugData: {
          phoneNumber: '+14xxxxxxxxx',
          phone_number: 14155552671,
          phoneNumberType: 'MOBILE',
          note: 'call +44 7400 123456',
          caller: '+44 7400 123456',
          transactionId: '268632458E3C100F5F5F594C6DC689D4',
          countryCallingCode: '1',
        },
      },
    };

    expect(maskPhones(event)).toEqual({
      target: [
        { id: '00u1', type: 'User', alternateId: 'ann@example.com', displayName: 'Ann' },
        {
          id: 'mbl1',
          type: 'MobilePhone',
          alternateId: '+41******71',
          displayName: '+1********71',
        },
      ],
      debugContext: {
        debugData: {
          phoneNumber: '+1**********',
          phone_number: '+1********71',
          phoneNumberType: 'MOBILE',
          note: 'call +44 7400 123456',
          caller: '+44********56',
          transactionId: '268632458E3C100F5F5F594C6DC689D4',
          countryCallingCode: '1',
        },
      },
    });
  });
});
