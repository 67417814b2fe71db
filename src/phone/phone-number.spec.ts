import { maskPhone, normalizePhoneNumber } from './phone-number';

describe(normalizePhoneNumber.name, () => {
  it.each([
    ['+14155552671', 'US', '+14155552671', 'US'],
    ['14155552671', 'US', '+14155552671', 'US'],
    ['4155552671', 'US', '+14155552671', 'US'],
    [14155552671, 'US', '+14155552671', 'US'],
    ['(415) 555-2671', 'US', '+14155552671', 'US'],
    ['07400 123456', 'GB', '+447400123456', 'GB'],
    ['447400123456', 'US', '+447400123456', 'GB'],
    ['+49 30 123456', 'US', '+4930123456', 'DE'],
    ['0612345678', 'FR', '+33612345678', 'FR'],
    ['+2348031234567', 'US', '+2348031234567', 'NG'],
  ])('should read %p (default region %s) as %s in %s', (raw, region, e164, country) => {
    expect(normalizePhoneNumber(raw, region)).toMatchObject({ e164, country, valid: true });
  });

  it('should keep a possible but unassigned number, marked not valid', () => {
    expect(normalizePhoneNumber('9876543210', 'US')).toEqual({
      e164: '+19876543210',
      country: 'US',
      callingCode: '1',
      nonGeographic: false,
      valid: false,
      type: undefined,
    });
  });

  it('should tell a number that belongs to no country', () => {
    expect(normalizePhoneNumber('+8816123456789', 'US')).toEqual({
      e164: '+8816123456789',
      country: undefined,
      callingCode: '881',
      nonGeographic: true,
      valid: true,
      type: 'MOBILE',
    });
  });

  it('should tell the number type', () => {
    expect(normalizePhoneNumber('+19005551234', 'US')?.type).toBe('PREMIUM_RATE');
    expect(normalizePhoneNumber('+447400123456', 'US')?.type).toBe('MOBILE');
  });

  it.each([
    '',
    'abc',
    '12',
    '+',
    '++14155552671',
    '1'.repeat(20),
    'phone: 4155552671',
    '+0123456789',
  ])('should refuse %p, which cannot be a phone number', (raw) => {
    expect(normalizePhoneNumber(raw, 'US')).toBeUndefined();
  });
});

describe(maskPhone.name, () => {
  it.each([
    ['+14155552671', '+1********71'],
    ['+447400123456', '+44********56'],
    ['+2348031234567', '+234********67'],
  ])('should keep the country code and last two digits of %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it('should mask everything when the number is too short to show anything', () => {
    expect(maskPhone('+123')).toBe('+****');
  });
});
