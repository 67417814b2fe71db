import { maskOktaPhone, readOktaPhone } from './okta-phone';

describe(readOktaPhone.name, () => {
  it('should read a full number with or without +, in any layout', () => {
    expect(readOktaPhone('+14155552671')).toEqual({ kind: 'full', e164: '+14155552671' });
    expect(readOktaPhone('14155552671')).toEqual({ kind: 'full', e164: '+14155552671' });
    expect(readOktaPhone('+1 (415) 555-2671')).toEqual({ kind: 'full', e164: '+14155552671' });
    expect(readOktaPhone(447400123456)).toEqual({ kind: 'full', e164: '+447400123456' });
  });

  it('should read a number masked the way Okta documents it', () => {
    expect(readOktaPhone('+14xxxxxxxxx')).toEqual({
      kind: 'masked',
      pattern: '14?????????',
      callingCode: '1',
    });
    expect(readOktaPhone('+44*******456', '44')).toEqual({
      kind: 'masked',
      pattern: '44*******456'.replace(/\*/g, '?'),
      callingCode: '44',
    });
    expect(readOktaPhone('xxxxxxxxx71')).toEqual({ kind: 'masked', pattern: '?????????71' });
  });

  it.each([undefined, null, '', 'SMS Authentication', '+1', { phone: '+14155552671' }])(
    'should read nothing from %p',
    (raw) => {
      expect(readOktaPhone(raw)).toBeUndefined();
    },
  );
});

describe(maskOktaPhone.name, () => {
  it('should show the calling code and the last two digits only', () => {
    expect(maskOktaPhone({ kind: 'full', e164: '+14155552671' })).toBe('+1********71');
    expect(maskOktaPhone(readOktaPhone('+14xxxxxxxxx')!)).toBe('+1**********');
    expect(maskOktaPhone(readOktaPhone('+1415xxxx671')!)).toBe('+1********71');
    expect(maskOktaPhone(readOktaPhone('xxxxxxxxx71')!)).toBe('+*********71');
  });
});
