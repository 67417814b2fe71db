import { COUNTRIES } from './model';
import { mobileNumber } from './numbers';
import { Random } from './random';

/** The company's phone block (one cc+7 range) and its office's NAT address. */
export const COMPANY_BLOCK = '+447400555';
export const OFFICE_IP = '203.0.113.10';

export interface User {
  readonly id: string;
  readonly login: string;
  readonly country: string;
  readonly offsetHours: number;
  phone: string;
  readonly home: string;
  readonly office: boolean;
  readonly voice: boolean;
}

/** Everyone at the start, and the networks they share. */
export class Population {
  readonly users: User[] = [];
  /** Per country, the /24s of its mobile carriers' NAT (many users behind each). */
  private readonly carrierNets = new Map<string, string[]>();

  constructor(
    private readonly random: Random,
    size: number,
    officeUsers: number,
  ) {
    for (let i = 0; i < officeUsers; i++) this.users.push(this.newUser('GB', true));
    while (this.users.length < size) this.users.push(this.newUser(this.country(), false));
  }

  country(): string {
    return this.random.weighted(COUNTRIES.map(([code, weight]) => [code, weight] as const));
  }

  newUser(country: string, office: boolean): User {
    const offsetHours = COUNTRIES.find(([code]) => code === country)![2];
    const id = this.random.oktaId('00u');
    return {
      id,
      login: `${id.slice(3, 11).toLowerCase()}@example.com`,
      country,
      offsetHours,
      phone: office
        ? `${COMPANY_BLOCK}${this.random.digits(3)}`
        : mobileNumber(this.random, country),
      home: this.random.ipv4(),
      office,
      voice: this.random.chance(0.04),
    };
  }

  /** An address behind one of the country's mobile carrier NATs. */
  carrierIp(country: string): string {
    let nets = this.carrierNets.get(country);
    if (!nets) {
      nets = Array.from({ length: 4 }, () => this.random.ipv4().replace(/\.\d+$/, '.'));
      this.carrierNets.set(country, nets);
    }
    return this.random.pick(nets) + String(this.random.int(1, 254));
  }

  /** Where a remote user is today: home, or on the phone's mobile data. */
  remoteIp(user: User): string {
    return this.random.chance(0.65) ? user.home : this.carrierIp(user.country);
  }
}
