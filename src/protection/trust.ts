import { KeyValueStore } from '../store/key-value-store';

/** Digests of whom a delivery is for: its number and its Okta user. */
export interface Parties {
  readonly phone: string;
  readonly user?: string;
}

/** Verified codes each party has had within `trustSeconds` of the last one. */
export interface Trust {
  readonly phone: number;
  readonly user: number;
}

/**
 * Who has a verified history: `pt:<p|u>:<digest>` counts the codes verified for a number and
 * for a user, and lives `trustSeconds` after the last one. A verified number is never blocked
 * by the watch list; a verified user is vouched for against a wide watch (adaptive.policy.ts).
 * A network earns no trust: residential and mobile proxies share real users' networks.
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
    const [phone, user] = await Promise.all([
      this.count('p', parties.phone),
      this.count('u', parties.user),
    ]);
    return { phone, user };
  }

  async credit(parties: Parties): Promise<void> {
    const add = (kind: string, id: string | undefined) =>
      id ? this.store.increment(`pt:${kind}:${id}`, { v: 1 }, this.ttlMs) : undefined;
    await Promise.all([add('p', parties.phone), add('u', parties.user)]);
  }

  private async count(kind: string, id: string | undefined): Promise<number> {
    return id ? ((await this.store.counters(`pt:${kind}:${id}`)).v ?? 0) : 0;
  }
}
