import { Registry } from 'prom-client';
import { DeliveryRequest } from '../delivery/delivery.types';
import { normalizePhoneNumber, PhoneNumberInfo } from '../phone/phone-number';
import { protectionParts } from '../../test/support/protection-parts';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { SYSTEM_CLOCK } from '../common/clock';
import { StoreUnavailableError } from '../store/key-value-store';
import { MemoryStore } from '../store/memory.store';
import { ProtectionService } from './protection.service';
import { ALLOWED } from './protection.types';

const request: DeliveryRequest = {
  channel: 'sms',
  phoneNumber: '+37120123456',
  code: '123456',
  userId: '00u1',
};
const phone = (raw: string): PhoneNumberInfo => normalizePhoneNumber(raw, 'US')!;

describe(ProtectionService.name, () => {
  let registry: Registry;
  const build = (protection: Record<string, unknown>) => {
    const parts = protectionParts(protection);
    registry = parts.registry;
    return parts.sut;
  };
  const decisions = async () =>
    (await registry.getSingleMetricAsString('otg_protection_decisions_total'))
      .split('\n')
      .filter((line) => !line.startsWith('#'));
  const limits = [
    { key: 'user', limit: 1, windowSeconds: 60 },
    { key: 'country', limit: 5, windowSeconds: 60 },
  ];

  it('should let a clean delivery through and count it as allowed in its country', async () => {
    const sut = build({ rateLimits: limits });

    expect(await sut.check(request, phone('+37120123456'))).toBe(ALLOWED);
    expect(await sut.check(request, phone('+8816123456789'))).toEqual({
      action: 'blocked',
      findings: [{ rule: 'non-geographic', reason: 'non-geographic numbers (+881) are denied' }],
    });
    expect(await decisions()).toEqual([
      'otg_protection_decisions_total{rule="none",country="LV",action="allowed"} 1',
      'otg_protection_decisions_total{rule="non-geographic",country="non-geographic",action="blocked"} 1',
    ]);
  });

  it('should block what the number policy refuses without counting it against the rate limits', async () => {
    const sut = build({ countries: { deny: ['LV'] }, rateLimits: limits });

    expect(await sut.check(request, phone('+37120123456'))).toEqual({
      action: 'blocked',
      findings: [{ rule: 'country-deny', reason: 'destination country LV is denied' }],
    });
    expect(await sut.check(request, phone('+447400123456'))).toBe(ALLOWED);
    expect(await sut.check(request, phone('+447400123457'))).toEqual({
      action: 'blocked',
      findings: [{ rule: 'rate-limit:user:1/60s', reason: 'over 1 per 60 s for this user' }],
    });
    expect(await decisions()).toEqual([
      'otg_protection_decisions_total{rule="country-deny",country="LV",action="blocked"} 1',
      'otg_protection_decisions_total{rule="none",country="GB",action="allowed"} 1',
      'otg_protection_decisions_total{rule="rate-limit:user:1/60s",country="GB",action="blocked"} 1',
    ]);
  });

  it('should check and count every rule in monitor mode, and block nothing', async () => {
    const sut = build({ mode: 'monitor', countries: { deny: ['LV'] }, rateLimits: limits });

    expect(await sut.check(request, phone('+37120123456'))).toEqual({
      action: 'would-block',
      findings: [{ rule: 'country-deny', reason: 'destination country LV is denied' }],
    });
    expect(await sut.check(request, phone('+37190012345'))).toEqual({
      action: 'would-block',
      findings: [
        { rule: 'country-deny', reason: 'destination country LV is denied' },
        { rule: 'number-type', reason: 'number type PREMIUM_RATE is denied' },
        { rule: 'rate-limit:user:1/60s', reason: 'over 1 per 60 s for this user' },
      ],
    });
    expect(await decisions()).toEqual([
      'otg_protection_decisions_total{rule="country-deny",country="LV",action="would-block"} 2',
      'otg_protection_decisions_total{rule="number-type",country="LV",action="would-block"} 1',
      'otg_protection_decisions_total{rule="rate-limit:user:1/60s",country="LV",action="would-block"} 1',
    ]);
  });

  it.each([
    [{}, { enabled: false, action: 'block', monitored: false }],
    [
      { adaptive: { enabled: true, action: 'step-down' } },
      { enabled: true, action: 'step-down', monitored: false },
    ],
    [
      { adaptive: { enabled: true, mode: 'monitor' } },
      { enabled: true, action: 'block', monitored: true },
    ],
    [
      { mode: 'monitor', adaptive: { enabled: true, mode: 'enforce' } },
      { enabled: true, action: 'block', monitored: true },
    ],
  ])('should say what a watch does with %j', (protection, policy) => {
    expect(build(protection).watchPolicy).toEqual({ ...policy, requestTypes: ['enrollment'] });
  });
});

describe(`${ProtectionService.name} with the watch list while the store is down`, () => {
  /** A store that fails every call, as the Redis driver does while Redis is down. */
  const down = new Proxy(new MemoryStore(10), {
    get: (target, property) =>
      property === 'driver' || property === 'worstCaseMs'
        ? Reflect.get(target, property)
        : () => Promise.reject(new StoreUnavailableError('redis not connected')),
  });
  const enrollment = { ...request, requestType: 'com.okta.user.telephony.pre-enrollment' };

  it('should send without the watch list when fail-open', async () => {
    const { sut } = protectionParts({ adaptive: { enabled: true } }, SYSTEM_CLOCK, down);

    expect(await sut.check(enrollment, phone('+447400123456'), 'd-1')).toBe(ALLOWED);
  });

  it('should refuse to send uncounted when fail-closed and enforcing', async () => {
    const { sut } = protectionParts({ adaptive: { enabled: true } }, SYSTEM_CLOCK, down, {
      onUnavailable: 'fail-closed',
    });

    expect(await sut.check(enrollment, phone('+447400123456'), 'd-1')).toEqual({
      action: 'unavailable',
      reason: 'the shared store is unavailable; rate limits cannot be counted (fail-closed)',
    });
  });

  it('should list the watch list as a 503 (the admin route and the console alike)', async () => {
    const { sut } = protectionParts({ adaptive: { enabled: true } }, SYSTEM_CLOCK, down);

    const refused = await sut.watchlist().catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe(ApiErrorCode.StoreUnavailable);
  });
});
