import { clientNetwork, watchNetwork } from './client-ip';

describe(clientNetwork.name, () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:DB8:85A3:08D3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:1:2:3::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['not an address', 'not an address'],
  ])('should count %s as %s', (ip, network) => {
    expect(clientNetwork(ip)).toBe(network);
  });

  it('should count two addresses of one /64 as one client, and of two /64s as two', () => {
    const a = clientNetwork('2001:db8:aa:1::1');

    expect(clientNetwork('2001:db8:aa:1:ffff:ffff:ffff:fffe')).toBe(a);
    expect(clientNetwork('2001:db8:aa:2::1')).not.toBe(a);
  });
});

describe(watchNetwork.name, () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24'],
    ['::ffff:203.0.113.7', '203.0.113.0/24'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['not an address', undefined],
  ])('should count %s in %s', (ip, network) => {
    expect(watchNetwork(ip)).toBe(network);
  });
});
