import { ManualClock } from '../../test/support/clock';
import { protectionParts } from '../../test/support/protection-parts';
import { normalizePhoneNumber } from '../phone/phone-number';
import { VerificationFeedback } from './verification-feedback';

const request = {
  requestType: 'com.okta.user.telephony.pre-enrollment',
  channel: 'sms' as const,
  userId: '00u1',
  clientIp: '198.51.100.7',
};
const phone = normalizePhoneNumber('+447400100001', 'US')!;

describe(VerificationFeedback.name, () => {
  const build = (enabled = true) => protectionParts({ adaptive: { enabled } }, new ManualClock());
  const results = async (parts: ReturnType<typeof build>) =>
    (await parts.registry.getSingleMetricAsString('otg_protection_feedback_total'))
      .split('\n')
      .filter((line) => !line.startsWith('#'));

  it('should settle each ticket once, and say when it knows none', async () => {
    const parts = build();
    await parts.sut.check(request, phone, 'd-1');

    expect(await parts.feedback.verified('d-1')).toBe('verified');
    expect(await parts.feedback.verified('d-1')).toBe('repeat');
    expect(await parts.feedback.notSent('d-1')).toBe('repeat');
    expect(await parts.feedback.verified('d-unknown')).toBe('unknown');
    expect(await parts.feedback.notSent('d-unknown')).toBe('unknown');
    expect(await results(parts)).toEqual([
      'otg_protection_feedback_total{result="verified"} 1',
      'otg_protection_feedback_total{result="repeat"} 2',
      'otg_protection_feedback_total{result="unknown"} 1',
    ]);
  });

  it('should make a verified number and user trusted, and keep no number in the store', async () => {
    const parts = build();
    await parts.sut.check(request, phone, 'd-1');
    await parts.feedback.verified('d-1');

    // The memory driver's own map: every key the feedback wrote.
    const keys = [...(parts.store as unknown as { entries: Map<string, unknown> }).entries.keys()];
    expect(keys.filter((k) => k.startsWith('pt:'))).toEqual([
      expect.stringMatching(/^pt:p:[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^pt:u:[A-Za-z0-9_-]{43}$/),
    ]);
    expect(keys.join()).not.toMatch(/7400100001|00u1|198\.51/);
  });

  it('should do nothing at all while the watch list is off', async () => {
    const parts = build(false);
    await parts.sut.check(request, phone, 'd-1');

    expect(await parts.feedback.verified('d-1')).toBe('unknown');
    expect(await results(parts)).toEqual([]);
  });
});
