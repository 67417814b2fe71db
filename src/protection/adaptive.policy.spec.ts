import { ManualClock } from '../../test/support/clock';
import { protectionParts } from '../../test/support/protection-parts';
import { normalizePhoneNumber } from '../phone/phone-number';
import { AdaptivePolicy } from './adaptive.policy';
import { ProtectionRequest } from './protection.types';

const ENROLLMENT = 'com.okta.user.telephony.pre-enrollment';
/** Past settleSeconds (90) and the bucket the codes were counted in (30 s). */
const SETTLED = 121_000;
/** Numbers of one GB range (+44 7400 100…), on their own /24 each. */
const gbRange = (n: number) => `+447400100${String(n).padStart(3, '0')}`;
/** DE numbers in eight different 3-digit ranges. */
const DE = ['151', '152', '157', '159', '160', '162', '163', '170', '171', '172'].map(
  (r) => `+49${r}12345678`,
);

describe(AdaptivePolicy.name, () => {
  let clock: ManualClock;
  let parts: ReturnType<typeof protectionParts>;
  let sequence = 0;
  const build = (adaptive: Record<string, unknown> = {}, protection = {}) => {
    clock = new ManualClock();
    parts = protectionParts({ ...protection, adaptive: { enabled: true, ...adaptive } }, clock);
  };
  const send = (phone: string, extra: Partial<ProtectionRequest> = {}) => {
    const n = ++sequence;
    const request: ProtectionRequest = {
      requestType: ENROLLMENT,
      channel: 'sms',
      userId: `00u-stranger-${n}`,
      userLogin: `someone${n}@mailbox.example`,
      clientIp: `198.51.${n % 250}.7`,
      ...extra,
    };
    const deliveryId = `d-${n}`;
    return parts.sut
      .check(request, normalizePhoneNumber(phone, 'US')!, deliveryId)
      .then((verdict) => ({ verdict, deliveryId }));
  };
  const metric = async (name: string) =>
    (await parts.registry.getSingleMetricAsString(name))
      .split('\n')
      .filter((line) => !line.startsWith('#') && !line.includes('rule="none"'));

  beforeEach(() => build());

  it('should watch a range once three numbers in it went unverified, and block the next enrollment', async () => {
    for (const n of [1, 2, 3]) expect((await send(gbRange(n))).verdict.action).toBe('allowed');
    clock.advance(SETTLED);

    expect((await send(gbRange(4))).verdict).toEqual({
      action: 'blocked',
      findings: [
        {
          rule: 'pumping-watch:range',
          reason: 'range +44 7400 1** sent 3 verified 0, baseline 0.85',
        },
      ],
    });
    expect(await metric('otg_protection_watches_total')).toEqual([
      'otg_protection_watches_total{kind="range",country="GB"} 3',
    ]);
    expect(await metric('otg_protection_decisions_total')).toEqual([
      'otg_protection_decisions_total{rule="pumping-watch:range",country="GB",action="blocked"} 1',
    ]);
  });

  it('should not watch a range whose codes are verified, nor count codes before they are due', async () => {
    for (const n of [1, 2, 3]) {
      const { deliveryId } = await send(gbRange(n));
      expect(await parts.feedback.verified(deliveryId)).toBe('verified');
    }
    for (const n of [4, 5]) await send(gbRange(n));
    expect((await send(gbRange(6))).verdict.action).toBe('allowed');
    clock.advance(SETTLED);

    expect((await send(gbRange(7))).verdict.action).toBe('allowed');
  });

  it('should never block a number with a verified code, nor a sign-in, in a watched range', async () => {
    const { deliveryId } = await send(gbRange(9));
    await parts.feedback.verified(deliveryId);
    for (const n of [1, 2, 3, 4]) await send(gbRange(n));
    clock.advance(SETTLED);

    expect((await send(gbRange(9))).verdict.action).toBe('allowed');
    const signIn = { requestType: 'com.okta.user.telephony.mfa-verification' };
    expect((await send(gbRange(20), signIn)).verdict.action).toBe('allowed');
    expect((await send(gbRange(21))).verdict.action).toBe('blocked');
  });

  it('should count a number once per window, however many codes it is sent', async () => {
    for (let i = 0; i < 4; i++) await send(gbRange(1));
    await send(gbRange(2));
    clock.advance(SETTLED);

    expect((await send(gbRange(3))).verdict.action).toBe('allowed');
  });

  it('should take back a send no vendor took', async () => {
    for (const n of [1, 2, 3]) {
      const { deliveryId } = await send(gbRange(n));
      expect(await parts.feedback.notSent(deliveryId)).toBe('not-sent');
    }
    clock.advance(SETTLED);

    expect((await send(gbRange(4))).verdict.action).toBe('allowed');
  });

  it('should watch a country whose codes go unverified across it, vouching for known users', async () => {
    const known = await send(DE[9], { userId: '00u-known' });
    await parts.feedback.verified(known.deliveryId);
    for (const phone of DE.slice(0, 8)) await send(phone);
    clock.advance(SETTLED);

    expect((await send('+4917512345678')).verdict).toEqual({
      action: 'blocked',
      findings: [
        { rule: 'pumping-watch:country', reason: 'country DE sent 9 verified 1, baseline 0.85' },
      ],
    });
    expect((await send('+4917612345678', { userId: '00u-known' })).verdict.action).toBe('allowed');
    const staff = { userLogin: 'ana@example.com' };
    expect((await send('+4917712345678', staff)).verdict.action).toBe('blocked');
    build({}, { trusted: { loginDomains: ['example.com'] } });
    for (const phone of DE.slice(0, 8)) await send(phone);
    clock.advance(SETTLED);
    expect((await send('+4917712345678', staff)).verdict.action).toBe('allowed');
  });

  it('should not let a known user through a narrow range on watch', async () => {
    const known = await send(DE[0], { userId: '00u-known' });
    await parts.feedback.verified(known.deliveryId);
    for (const n of [1, 2, 3]) await send(gbRange(n));
    clock.advance(SETTLED);

    expect((await send(gbRange(4), { userId: '00u-known' })).verdict).toMatchObject({
      action: 'blocked',
      findings: [{ rule: 'pumping-watch:range' }],
    });
  });

  it('should step a watched key down: no voice, and one SMS per window', async () => {
    build({ action: 'step-down', stepDown: { limit: 1, windowSeconds: 3600 } });
    for (const n of [1, 2, 3]) await send(gbRange(n));
    clock.advance(SETTLED);
    const reason = 'range +44 7400 1** sent 3 verified 0, baseline 0.85';

    expect((await send(gbRange(4), { channel: 'voice' })).verdict).toEqual({
      action: 'blocked',
      findings: [
        { rule: 'pumping-watch:range', reason: `${reason}, stepped down: no voice while watched` },
      ],
    });
    expect((await send(gbRange(5))).verdict.action).toBe('allowed');
    expect((await send(gbRange(6))).verdict).toEqual({
      action: 'blocked',
      findings: [
        {
          rule: 'pumping-watch:range',
          reason: `${reason}, stepped down: over 1 per 3600 s while watched`,
        },
      ],
    });
  });

  it('should count and record but not block in monitor mode, also when only the watch list monitors', async () => {
    build({ mode: 'monitor' }, { rateLimits: [{ key: 'ip', limit: 1, windowSeconds: 60 }] });
    for (const n of [1, 2, 3]) await send(gbRange(n));
    clock.advance(SETTLED);
    const finding = {
      rule: 'pumping-watch:range',
      reason: 'range +44 7400 1** sent 3 verified 0, baseline 0.85',
      monitored: true,
    };

    expect((await send(gbRange(4))).verdict).toEqual({
      action: 'would-block',
      findings: [finding],
    });
    expect((await send(gbRange(5), { clientIp: '192.0.2.1' })).verdict).toEqual({
      action: 'would-block',
      findings: [finding],
    });
    expect((await send(gbRange(6), { clientIp: '192.0.2.1' })).verdict).toEqual({
      action: 'blocked',
      findings: [
        finding,
        { rule: 'rate-limit:ip:1/60s', reason: 'over 1 per 60 s for this client IP address' },
      ],
    });
    expect(await metric('otg_protection_decisions_total')).toEqual([
      'otg_protection_decisions_total{rule="pumping-watch:range",country="GB",action="would-block"} 3',
      'otg_protection_decisions_total{rule="rate-limit:ip:1/60s",country="GB",action="blocked"} 1',
    ]);
  });

  it('should skip deliveries from the company block and network, and those with no user id', async () => {
    build({}, { trusted: { ranges: ['+44 7400 100'], networks: ['203.0.113.0/24'] } });
    for (const n of [1, 2, 3]) await send(gbRange(n));
    for (const n of [4, 5, 6]) await send(`+447400200${n}00`, { clientIp: '203.0.113.9' });
    for (const n of [7, 8, 9]) await send(`+447400300${n}00`, { userId: undefined });
    clock.advance(SETTLED);

    expect((await send(gbRange(4))).verdict.action).toBe('allowed');
    expect((await send('+447400200700')).verdict.action).toBe('allowed');
    expect((await send('+447400300700')).verdict.action).toBe('allowed');
    expect(await parts.sut.watchlist()).toEqual([]);
  });
});
