import { plainToInstance } from 'class-transformer';
import { TrustedConfig } from './trusted.config';
import { networkProblem, TrustedList } from './trusted';

const list = (config: Record<string, unknown>) =>
  new TrustedList(plainToInstance(TrustedConfig, config, { exposeDefaultValues: true }));

describe(TrustedList.name, () => {
  const sut = list({
    ranges: ['+44 20 7946 0'],
    networks: ['203.0.113.0/24', '2001:db8:4::/48', '192.0.2.7'],
    loginDomains: ['Example.com'],
  });

  it.each([
    ['+442079460123', undefined, true],
    ['+442079461123', undefined, false],
    ['+14155552671', '203.0.113.200', true],
    ['+14155552671', '::ffff:203.0.113.9', true],
    ['+14155552671', '203.0.114.1', false],
    ['+14155552671', '2001:db8:4:ffff::1', true],
    ['+14155552671', '2001:db8:5::1', false],
    ['+14155552671', '192.0.2.7', true],
    ['+14155552671', '192.0.2.8', false],
    ['+14155552671', 'not an address', false],
  ])('should vouch for %s from %s: %s', (e164, ip, expected) => {
    expect(sut.vouches(e164, ip)).toBe(expected);
  });

  it('should know company logins by domain, in any case, and nothing else', () => {
    expect(sut.companyLogin('ana@example.com')).toBe(true);
    expect(sut.companyLogin('Ana@EXAMPLE.COM')).toBe(true);
    expect(sut.companyLogin('ana@example.com.evil.test')).toBe(false);
    expect(sut.companyLogin('ana@mail.example.com')).toBe(false);
    expect(sut.companyLogin('example.com')).toBe(false);
    expect(sut.companyLogin(undefined)).toBe(false);
  });

  it('should vouch for nothing when empty', () => {
    expect(list({}).vouches('+442079460123', '203.0.113.1')).toBe(false);
  });
});

describe(networkProblem.name, () => {
  it('should read addresses and CIDRs and say what is wrong with the rest', () => {
    expect(networkProblem('203.0.113.0/24')).toBeUndefined();
    expect(networkProblem('2001:db8::/32')).toBeUndefined();
    expect(networkProblem('203.0.113.0/33')).toBe('prefix length must be 0 to 32');
    expect(networkProblem('2001:db8::/129')).toBe('prefix length must be 0 to 128');
    expect(networkProblem('300.0.0.1')).toBe('not an IP address');
  });
});
