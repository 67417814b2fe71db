import { isIP } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * What one client is, for a per-IP rate limit: an IPv4 address as it is, an IPv6 address by
 * its /64 network (one subscriber or host gets a whole /64 and can rotate through it at will),
 * an IPv4-mapped IPv6 address as the IPv4 address. Anything else is kept as it came.
 */
export function clientNetwork(ip: string): string {
  const address = plainAddress(ip);
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
}

/**
 * The network the watch list counts a client in: its IPv4 /24 (`198.51.100.0/24`) or IPv6 /48
 * (`2001:db8:aa::/48`, one site); undefined when the address cannot be read.
 */
export function watchNetwork(ip: string): string | undefined {
  const address = plainAddress(ip);
  switch (isIP(address)) {
    case 4:
      return `${address.split('.').slice(0, 3).join('.')}.0/24`;
    case 6:
      return `${ipv6Groups(address).slice(0, 3).join(':')}::/48`;
    default:
      return undefined;
  }
}

/** A client address trimmed, its zone id dropped, IPv4-mapped IPv6 as IPv4. */
export function plainAddress(ip: string): string {
  const address = ip.trim().replace(/%.*$/, '');
  return MAPPED_V4.exec(address)?.[1] ?? address;
}

/** The eight groups of an IPv6 address, in lower-case hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string?];
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const rest = tail ? tail.split(':') : [];
    const restLength = rest.length + (rest.some((g) => g.includes('.')) ? 1 : 0);
    groups.push(...Array<string>(8 - groups.length - restLength).fill('0'), ...rest);
  }
  return groups.map((g) => (g.includes('.') ? g : parseInt(g, 16).toString(16)));
}
