import { plainToInstance } from 'class-transformer';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DeliveryRequest } from '../delivery/delivery.types';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { RateLimitRuleConfig } from './protection.config';
import { rateLimitName, RateLimitRule } from './rate-limit.rule';

const rule = (config: Record<string, unknown>) =>
  new RateLimitRule(
    plainToInstance(RateLimitRuleConfig, { limit: 5, windowSeconds: 900, ...config }),
    new RateLimiterMemory({ points: 5, duration: 900 }),
  );
const request = (extra: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
  requestType: 'com.okta.user.telephony.pre-enrollment',
  channel: 'sms',
  phoneNumber: '+37120123456',
  code: '123456',
  userId: '00u1',
  clientIp: '203.0.113.7',
  ...extra,
});
const phone = (raw: string): PhoneNumberInfo => normalizePhoneNumber(raw, 'US')!;
const lv = phone('+37120123456');

describe(RateLimitRule.name, () => {
  it('should be named after its key, limit and window unless it has a name', () => {
    const config = plainToInstance(RateLimitRuleConfig, {
      key: 'ip',
      limit: 20,
      windowSeconds: 60,
    });

    expect(rateLimitName(config)).toBe('ip:20/60s');
    expect(rateLimitName({ ...config, name: 'ip-burst' })).toBe('ip-burst');
    expect(rule({ key: 'phone' }).finding).toEqual({
      rule: 'rate-limit:phone:5/900s',
      reason: 'over 5 per 900 s for this phone number',
    });
  });

  it('should key phone numbers, users and addresses by a digest that holds none of them', () => {
    const keys = ['phone', 'user', 'ip'].map((key) => rule({ key }).keyFor(request(), lv));

    expect(keys).toEqual([
      expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    ]);
    expect(keys.join()).not.toMatch(/20123456|00u1|203\.0\.113/);
    expect(rule({ key: 'phone' }).keyFor(request(), phone('+37120123457'))).not.toBe(keys[0]);
  });

  it('should count one IPv6 /64 as one client', () => {
    const sut = rule({ key: 'ip' });

    expect(sut.keyFor(request({ clientIp: '2001:db8:aa:1::1' }), lv)).toBe(
      sut.keyFor(request({ clientIp: '2001:db8:aa:1:ffff::2' }), lv),
    );
  });

  it('should key a country by its code, a non-geographic number by its calling code', () => {
    const sut = rule({ key: 'country' });

    expect(sut.keyFor(request(), lv)).toBe('LV');
    expect(sut.keyFor(request(), phone('+2348031234567'))).toBe('NG');
    expect(sut.keyFor(request(), phone('+8816123456789'))).toBe('+881');
  });

  it('should key a prefix by its first digits: numbers that share them share the key', () => {
    const sut = rule({ key: 'prefix', prefixDigits: 7 });

    expect(sut.keyFor(request(), phone('+37120123456'))).toBe(
      sut.keyFor(request(), phone('+37120129999')),
    );
    expect(sut.keyFor(request(), phone('+37120133456'))).not.toBe(
      sut.keyFor(request(), phone('+37120123456')),
    );
  });

  it('should not apply without the user id or the IP address it counts by', () => {
    expect(rule({ key: 'user' }).keyFor(request({ userId: undefined }), lv)).toBeUndefined();
    expect(rule({ key: 'user' }).keyFor(request({ userId: ' ' }), lv)).toBeUndefined();
    expect(rule({ key: 'ip' }).keyFor(request({ clientIp: undefined }), lv)).toBeUndefined();
    expect(rule({ key: 'ip' }).keyFor(request({ clientIp: '' }), lv)).toBeUndefined();
  });

  it('should apply only to its channels and request types', () => {
    const sut = rule({
      key: 'phone',
      channels: ['voice'],
      requestTypes: ['com.okta.user.telephony.pre-enrollment'],
    });

    expect(sut.keyFor(request({ channel: 'voice' }), lv)).toBeDefined();
    expect(sut.keyFor(request({ channel: 'sms' }), lv)).toBeUndefined();
    expect(
      sut.keyFor(
        request({ channel: 'voice', requestType: 'com.okta.user.telephony.mfa-verification' }),
        lv,
      ),
    ).toBeUndefined();
    expect(sut.keyFor(request({ channel: 'voice', requestType: undefined }), lv)).toBeUndefined();
  });

  it('should know the request types by their short names', () => {
    const sut = rule({ key: 'phone', requestTypes: ['enrollment', 'sign-in'] });

    expect(sut.keyFor(request(), lv)).toBeDefined();
    expect(
      sut.keyFor(request({ requestType: 'com.okta.user.telephony.mfa-verification' }), lv),
    ).toBeDefined();
    expect(
      sut.keyFor(request({ requestType: 'com.okta.user.telephony.password-reset' }), lv),
    ).toBeUndefined();
  });
});

describe(`${RateLimitRule.name} select`, () => {
  const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
  const overrides = [new RateLimiterMemory({ points: 500, duration: 900 })];
  const select = (config: Record<string, unknown>, req = request(), to = lv, trusted = false) =>
    new RateLimitRule(
      plainToInstance(RateLimitRuleConfig, { limit: 5, windowSeconds: 900, ...config }),
      new RateLimiterMemory({ points: 5, duration: 900 }),
      overrides,
    ).select(req, to, trusted, NOW);

  it('should count in windows aligned on the clock', () => {
    const sut = new RateLimitRule(
      plainToInstance(RateLimitRuleConfig, { key: 'country', limit: 5, windowSeconds: 900 }),
      new RateLimiterMemory({ points: 5, duration: 900 }),
    );

    expect(sut.select(request(), lv, false, NOW)?.key).toBe(`LV:${NOW / 900_000}`);
    expect(sut.select(request(), lv, false, NOW + 899_999)?.key).toBe(`LV:${NOW / 900_000}`);
    expect(sut.select(request(), lv, false, NOW + 900_000)?.key).toBe(`LV:${NOW / 900_000 + 1}`);
  });

  it('should count only deliveries to its countries', () => {
    expect(select({ key: 'phone', countries: ['IN'] })).toBeUndefined();
    expect(select({ key: 'phone', countries: ['IN', 'LV'] })).toBeDefined();
  });

  it('should give an override its own limit and counter for the keys it matches', () => {
    const office = [{ match: '203.0.113.0/24', limit: 500 }];
    const block = [{ match: '+371 2012', limit: 500 }];

    expect(select({ key: 'ip', overrides: office })).toEqual({
      limiter: overrides[0],
      key: expect.stringMatching(/^[A-Za-z0-9_-]{43}:\d+$/),
      finding: {
        rule: 'rate-limit:ip:5/900s',
        reason: 'over 500 per 900 s for this client IP address',
      },
    });
    expect(
      select({ key: 'ip', overrides: office }, request({ clientIp: '198.51.100.1' }))?.limiter,
    ).not.toBe(overrides[0]);
    expect(select({ key: 'prefix', prefixDigits: 6, overrides: block })?.limiter).toBe(
      overrides[0],
    );
    expect(select({ key: 'country', overrides: [{ match: 'LV', limit: 9 }] })?.limiter).toBe(
      overrides[0],
    );
    expect(select({ key: 'user', overrides: [{ match: '00u1', limit: 9 }] })?.limiter).toBe(
      overrides[0],
    );
  });

  it('should let trusted deliveries skip the rules on shared keys, not those on one person', () => {
    const trusted = (key: string) =>
      select({ key, prefixDigits: key === 'prefix' ? 6 : undefined }, request(), lv, true);

    expect(['ip', 'prefix', 'country'].map(trusted)).toEqual([undefined, undefined, undefined]);
    expect(trusted('phone')).toBeDefined();
    expect(trusted('user')).toBeDefined();
  });
});
