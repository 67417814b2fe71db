import { KeyValueStore } from '../store/key-value-store';

/** Digests of who a delivery is for and from: its number, Okta user and client network. */
export interface Parties {
  readonly phone: string;
  readonly user?: string;
  readonly network?: string;
}

/** Verified codes each party has had within `trustSeconds` of the last one. */
export interface Trust {
  readonly phone: number;
  readonly user: number;
  readonly network: number;
}

/** Verified codes that make a client network trusted: a household, not one lucky code. */
export const TRUSTED_NETWORK_CODES = 3;

/**
 * Who has a verified history: `pt:<p|u|n>:<digest>` counts the codes verified for a number, a
 * user and a network, and lives `trustSeconds` after the last one. A verified number is never
 * blocked by the watch list; a verified user, or a network with a few verified codes, vouches
 * for a delivery against a country-wide watch.
 */
export class TrustRecords {
  private readonly ttlMs: number;

  constructor(
    private readonly store: KeyValueStore,
    trustSeconds: number,
  ) {
    this.ttlMs = trustSeconds * 1000;
  }

  async read(parties: Parties): Promise<Trust> {
    const [phone, user, network] = await Promise.all([
      this.count('p', parties.phone),
      this.count('u', parties.user),
      this.count('n', parties.network),
    ]);
    return { phone, user, network };
  }

  async credit(parties: Parties): Promise<void> {
    const add = (kind: string, id: string | undefined) =>
      id ? this.store.increment(`pt:${kind}:${id}`, { v: 1 }, this.ttlMs) : undefined;
    await Promise.all([add('p', parties.phone), add('u', parties.user), add('n', parties.network)]);
  }

  private async count(kind: string, id: string | undefined): Promise<number> {
    return id ? ((await this.store.counters(`pt:${kind}:${id}`)).v ?? 0) : 0;
  }
}
