import { plainToInstance } from 'class-transformer';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DeliveryRequest } from '../delivery/delivery.types';
import { normalizePhoneNumber } from '../phone/phone-number';
import { RateLimitRuleConfig } from './protection.config';
import { RateLimitPolicy } from './rate-limit.policy';
import { RateLimitRule } from './rate-limit.rule';

const rule = (config: { key: string; limit: number; channels?: string[] }) =>
  new RateLimitRule(
    plainToInstance(RateLimitRuleConfig, { windowSeconds: 900, ...config }),
    new RateLimiterMemory({ points: config.limit, duration: 900 }),
  );
const request = (extra: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
  channel: 'sms',
  phoneNumber: '+447400123456',
  code: '123456',
  userId: '00u1',
  clientIp: '203.0.113.7',
  ...extra,
});
const gb = normalizePhoneNumber('+447400123456', 'US')!;
const de = normalizePhoneNumber('+4917612345678', 'US')!;
const clock = { now: () => Date.UTC(2026, 10, 23) };
/** Points the rule has counted for this delivery's key, in the clock's window. */
const counted = async (r: RateLimitRule, req = request(), phone = gb) =>
  (await r.limiter.get(r.select(req, phone, false, clock.now())!.key))?.consumedPoints ?? 0;

describe(RateLimitPolicy.name, () => {
  it('should pass five deliveries to one phone under a 5-per-window rule and stop the sixth', async () => {
    const perPhone = rule({ key: 'phone', limit: 5 });
    const sut = new RateLimitPolicy([perPhone], clock);

    for (let i = 0; i < 5; i++) expect(await sut.consume(request(), gb, true)).toBeUndefined();

    expect(await sut.consume(request(), gb, true)).toEqual([
      { rule: 'rate-limit:phone:5/900s', reason: 'over 5 per 900 s for this phone number' },
    ]);
    expect(await sut.consume(request(), de, true)).toBeUndefined();
  });

  it('should count every rule that applies, and only those', async () => {
    const perPhone = rule({ key: 'phone', limit: 5 });
    const perUser = rule({ key: 'user', limit: 5 });
    const voiceOnly = rule({ key: 'ip', limit: 5, channels: ['voice'] });
    const sut = new RateLimitPolicy([perPhone, perUser, voiceOnly], clock);

    await sut.consume(request(), gb, true);
    await sut.consume(request({ userId: undefined }), gb, true);

    expect(await counted(perPhone)).toBe(2);
    expect(await counted(perUser)).toBe(1);
    expect(await counted(voiceOnly, request({ channel: 'voice' }))).toBe(0);
  });

  it('should give the other rules their point back when one blocks (enforce)', async () => {
    const perIp = rule({ key: 'ip', limit: 1 });
    const perPhone = rule({ key: 'phone', limit: 5 });
    const perUser = rule({ key: 'user', limit: 5 });
    const sut = new RateLimitPolicy([perIp, perPhone, perUser], clock);

    await sut.consume(request(), gb, true);
    const findings = await sut.consume(request(), de, true);

    expect(findings?.map((f) => f.rule)).toEqual(['rate-limit:ip:1/900s']);
    expect(await counted(perPhone, request(), de)).toBe(0);
    expect(await counted(perUser)).toBe(1);
    expect(await counted(perIp)).toBe(2);
  });

  it('should keep every point when told not to give any back (monitor), naming every rule over', async () => {
    const perIp = rule({ key: 'ip', limit: 1 });
    const perUser = rule({ key: 'user', limit: 1 });
    const perPhone = rule({ key: 'phone', limit: 5 });
    const sut = new RateLimitPolicy([perIp, perUser, perPhone], clock);

    await sut.consume(request(), gb, false);
    const findings = await sut.consume(request(), gb, false);

    expect(findings?.map((f) => f.rule)).toEqual([
      'rate-limit:ip:1/900s',
      'rate-limit:user:1/900s',
    ]);
    expect(await counted(perPhone)).toBe(2);
  });

  it('should do nothing without rules', async () => {
    expect(await new RateLimitPolicy([], clock).consume(request(), gb, true)).toBeUndefined();
  });
});
