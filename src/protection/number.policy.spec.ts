import { plainToInstance } from 'class-transformer';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { NumberPolicy } from './number.policy';
import { ProtectionConfig } from './protection.config';

const policy = (protection: Record<string, unknown> = {}) =>
  new NumberPolicy(plainToInstance(ProtectionConfig, protection, { exposeDefaultValues: true }));
const phone = (raw: string): PhoneNumberInfo => {
  const info = normalizePhoneNumber(raw, 'US');
  if (!info) throw new Error(`test number ${raw} is not a phone number`);
  return info;
};
const rules = (sut: NumberPolicy, raw: string) => sut.check(phone(raw))?.map((f) => f.rule);

describe(NumberPolicy.name, () => {
  describe('with the defaults (deny premium rate and shared cost, block invalid numbers)', () => {
    const sut = policy();

    it.each([
      ['US fixed line or mobile', '+14155552671'],
      ['US toll free', '+18005550100'],
      ['GB mobile', '+447400123456'],
      ['DE fixed line', '+4930123456'],
      ['DE mobile', '+4917612345678'],
      ['FR mobile', '+33612345678'],
      ['LV mobile', '+37120123456'],
      ['NG mobile', '+2348031234567'],
    ])('should let a %s number through', (_kind, raw) => {
      expect(sut.check(phone(raw))).toBeUndefined();
    });

    it.each([
      ['US', '+19005551234'],
      ['GB', '+449098790000'],
      ['DE', '+499001234567'],
      ['FR', '+33891234567'],
      ['LV', '+37190012345'],
    ])('should deny a %s premium-rate number', (_country, raw) => {
      expect(sut.check(phone(raw))).toEqual([
        { rule: 'number-type', reason: 'number type PREMIUM_RATE is denied' },
      ]);
    });

    it.each([
      ['DE', '+4918012345678'],
      ['FR', '+33810123456'],
      ['LV', '+37181234567'],
    ])('should deny a %s shared-cost number', (_country, raw) => {
      expect(rules(sut, raw)).toEqual(['number-type']);
    });

    it.each([
      ["Okta's Preview number, read in the US", '9876543210'],
      ['a DE number in an unassigned range', '+4990012345678'],
      ['a GB number in the range Ofcom keeps for drama', '+441632960000'],
      ['an LV number in an unassigned range', '+37100000000'],
    ])('should block %s as invalid', (_kind, raw) => {
      expect(sut.check(phone(raw))).toEqual([
        { rule: 'number-invalid', reason: 'the number is not in an assigned range of its country' },
      ]);
    });

    it.each([
      ['satellite (+881)', '+8816123456789', '881'],
      ['international networks (+883)', '+883510012345', '883'],
    ])('should deny a non-geographic %s number', (_kind, raw, code) => {
      expect(sut.check(phone(raw))).toEqual([
        { rule: 'non-geographic', reason: `non-geographic numbers (+${code}) are denied` },
      ]);
    });

    it('should give every rule a non-geographic premium-rate number breaks', () => {
      expect(rules(sut, '+979123456789')).toEqual(['non-geographic', 'number-type']);
    });
  });

  it.each([
    ['UAN', '+443012345678', 'GB'],
    ['UAN', '+2347001234567', 'NG'],
    ['VOICEMAIL', '+3932123456789', 'IT'],
    ['PAGER', '+447640123456', 'GB'],
    ['PERSONAL_NUMBER', '+447000123456', 'GB'],
    ['TOLL_FREE', '+448001234567', 'GB'],
    ['VOIP', '+33912345678', 'FR'],
    ['MOBILE', '+37120123456', 'LV'],
    ['FIXED_LINE', '+4930123456', 'DE'],
    ['FIXED_LINE_OR_MOBILE', '+14155552671', 'US'],
  ])(
    'should deny a %s number (%s, %s) when that type is denied, and no other type',
    (type, raw) => {
      const sut = policy({ numberTypes: { deny: [type] } });
      const other = type === 'MOBILE' ? '+4930123456' : '+33612345678';

      expect(sut.check(phone(raw))).toEqual([
        { rule: 'number-type', reason: `number type ${type} is denied` },
      ]);
      expect(sut.check(phone(other))).toBeUndefined();
    },
  );

  it('should deny the countries on the deny list only', () => {
    const sut = policy({ countries: { deny: ['LV', 'NG'] } });

    expect(sut.check(phone('+37120123456'))).toEqual([
      { rule: 'country-deny', reason: 'destination country LV is denied' },
    ]);
    expect(rules(sut, '+2348031234567')).toEqual(['country-deny']);
    expect(rules(sut, '+447400123456')).toBeUndefined();
  });

  it('should serve only the countries on the allow list, and then no non-geographic number', () => {
    const sut = policy({ countries: { allow: ['US', 'GB', 'DE', 'FR'] } });

    expect(rules(sut, '+14155552671')).toBeUndefined();
    expect(rules(sut, '+4930123456')).toBeUndefined();
    expect(sut.check(phone('+37120123456'))).toEqual([
      { rule: 'country-not-allowed', reason: 'destination country LV is not on the allow list' },
    ]);
    expect(rules(sut, '+8816123456789')).toEqual(['non-geographic']);
  });

  it('should let non-geographic numbers past the country lists when told to', () => {
    const sut = policy({ countries: { allow: ['US'], nonGeographic: 'allow' } });

    expect(sut.check(phone('+8816123456789'))).toBeUndefined();
    expect(rules(sut, '+979123456789')).toEqual(['number-type']);
  });

  it('should say a number of no known country is not on the allow list', () => {
    const sut = policy({ countries: { allow: ['US'] }, invalidNumbers: 'allow' });

    expect(sut.check(phone('+17005551234'))).toEqual([
      {
        rule: 'country-not-allowed',
        reason: 'destination country of +1 unknown is not on the allow list',
      },
    ]);
  });

  it('should let invalid numbers through with invalidNumbers: allow', () => {
    const sut = policy({ invalidNumbers: 'allow' });

    expect(sut.check(phone('9876543210'))).toBeUndefined();
  });

  it('should give every rule a number breaks, in order', () => {
    const sut = policy({ countries: { deny: ['DE'] }, numberTypes: { deny: ['MOBILE'] } });

    expect(rules(sut, '+4917612345678')).toEqual(['country-deny', 'number-type']);
    expect(rules(sut, '+4990012345678')).toEqual(['number-invalid', 'country-deny']);
  });
});
