import { plainToInstance } from 'class-transformer';
import { normalizePhoneNumber } from '../phone/phone-number';
import { AdaptiveConfig } from './adaptive.config';
import { AdaptiveKeys, rangeLabel } from './adaptive-keys';

const keys = (config: Record<string, unknown> = {}) =>
  new AdaptiveKeys(plainToInstance(AdaptiveConfig, config, { exposeDefaultValues: true }));
const gb = normalizePhoneNumber('+447400123456', 'US')!;

describe(AdaptiveKeys.name, () => {
  it('should count a delivery under its ranges (narrowest first), its network and its country', () => {
    const sut = keys().of(gb, '198.51.100.23');

    expect(
      sut.map(({ kind, label, country, narrow }) => ({ kind, label, country, narrow })),
    ).toEqual([
      { kind: 'range', label: '+44 7400 1**', country: 'GB', narrow: true },
      { kind: 'range', label: '+44 7400 1', country: 'GB', narrow: true },
      { kind: 'range', label: '+44 740', country: 'GB', narrow: undefined },
      { kind: 'network', label: '198.51.100.0/24', country: 'GB', narrow: undefined },
      { kind: 'country', label: 'GB', country: 'GB', narrow: undefined },
    ]);
    expect(sut.map((k) => k.id)).toEqual([
      expect.stringMatching(/^r7:[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^r5:[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^r3:[A-Za-z0-9_-]{43}$/),
      expect.stringMatching(/^n:[A-Za-z0-9_-]{43}$/),
      'c:GB',
    ]);
  });

  it('should hold no number or address in a store id', () => {
    const ids = keys()
      .of(gb, '198.51.100.23')
      .map((k) => k.id)
      .join();

    expect(ids).not.toMatch(/7400|198\.51/);
  });

  it('should count what the config names and nothing else', () => {
    const sut = keys({ rangeDigits: [6], network: false, country: false }).of(gb, '198.51.100.23');

    expect(sut.map((k) => k.label)).toEqual(['+44 7400 1*']);
  });

  it('should count an IPv6 client by its /48, and a number of no country by its calling code', () => {
    const satellite = normalizePhoneNumber('+8816123456789', 'US')!;
    const sut = keys({ rangeDigits: [3] }).of(satellite, '2001:db8:aa:1::1');

    expect(sut.map((k) => [k.label, k.country])).toEqual([
      ['+881 612', '+881'],
      ['2001:db8:aa::/48', '+881'],
      ['+881', '+881'],
    ]);
  });
});

describe(rangeLabel.name, () => {
  it('should show the calling code and five digits at most, in groups of four', () => {
    expect(rangeLabel('1', '415')).toBe('+1 415');
    expect(rangeLabel('44', '74001')).toBe('+44 7400 1');
    expect(rangeLabel('44', '7400123')).toBe('+44 7400 1**');
    expect(rangeLabel('49', '15123456')).toBe('+49 1512 3***');
  });
});
