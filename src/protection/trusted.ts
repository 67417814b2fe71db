import { BlockList, isIP } from 'node:net';
import { plainAddress } from './client-ip';
import { TrustedConfig } from './trusted.config';

/** Digits of an E.164 prefix as config writes it (`+44 20 7946 0` → `442079460`). */
export function prefixDigits(prefix: string): string {
  return prefix.replace(/\D/g, '');
}

/** A `BlockList` of addresses and CIDRs; a string it cannot read is a problem for the caller. */
export function networkList(networks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const network of networks) {
    const [address, bits] = network.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** Why a network string cannot be read, or undefined when it can. */
export function networkProblem(network: string): string | undefined {
  const [address, bits] = network.split('/');
  const version = isIP(address);
  if (version === 0) return 'not an IP address';
  const max = version === 4 ? 32 : 128;
  if (bits !== undefined && !(Number(bits) >= 0 && Number(bits) <= max)) {
    return `prefix length must be 0 to ${max}`;
  }
  return undefined;
}

/** Whether a client address lies in the list (IPv4-mapped IPv6 read as IPv4). */
export function inNetworks(list: BlockList, ip: string | undefined): boolean {
  if (!ip) return false;
  const address = plainAddress(ip);
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** `protection.trusted`, ready to ask: the company's ranges and networks. */
export class TrustedList {
  private readonly ranges: readonly string[];
  private readonly networks: BlockList;
  private readonly domains: ReadonlySet<string>;
  readonly empty: boolean;

  constructor(config: TrustedConfig) {
    this.ranges = config.ranges.map(prefixDigits);
    this.networks = networkList(config.networks);
    this.domains = new Set(config.loginDomains.map((d) => d.toLowerCase()));
    this.empty = config.ranges.length === 0 && config.networks.length === 0;
  }

  /** Whether the Okta login is in one of the company's login domains. */
  companyLogin(login: string | undefined): boolean {
    const at = login?.lastIndexOf('@') ?? -1;
    return (
      at > 0 &&
      this.domains.has(
        login!
          .slice(at + 1)
          .trim()
          .toLowerCase(),
      )
    );
  }

  /** Whether the number is in a trusted range or the client in a trusted network. */
  vouches(e164: string, clientIp: string | undefined): boolean {
    if (this.empty) return false;
    const digits = e164.slice(1);
    return this.ranges.some((r) => digits.startsWith(r)) || inNetworks(this.networks, clientIp);
  }
}
