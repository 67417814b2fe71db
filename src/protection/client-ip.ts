import { isIP } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * What one client is, for a per-IP rate limit: an IPv4 address as it is, an IPv6 address by
 * its /64 network (one subscriber or host gets a whole /64 and can rotate through it at will),
 * an IPv4-mapped IPv6 address as the IPv4 address. Anything else is kept as it came.
 */
export function clientNetwork(ip: string): string {
  const address = ip.trim().replace(/%.*$/, '');
  const mapped = MAPPED_V4.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.split('::') as [string, string?];
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const rest = tail ? tail.split(':') : [];
    const restLength = rest.length + (rest.some((g) => g.includes('.')) ? 1 : 0);
    groups.push(...Array<string>(8 - groups.length - restLength).fill('0'), ...rest);
  }
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
