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
});
