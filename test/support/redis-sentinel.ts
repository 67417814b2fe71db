import Redis from 'ioredis';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { eventually } from './eventually';
import { withClient } from './redis-probe';
import { RedisServer } from './redis-server';

/** The name the sentinels monitor the primary under. */
export const MASTER_NAME = 'otg-primary';

/** Passwords of the data servers and of the sentinels. */
export interface SentinelSecrets {
  readonly password: string;
  readonly sentinelPassword: string;
}

/** Everything over TLS: the TLS arguments of every process, given its port; how clients connect. */
export interface SentinelTls {
  readonly args: (port: number) => string[];
  readonly client: ConnectionOptions;
}

/**
 * A throwaway Sentinel setup on 127.0.0.1: a primary, two replicas (one left to fail over to
 * after a first failover) and three `redis-sentinel` processes (quorum 2) that declare a primary
 * down after one second, all with passwords.
 */
export class SentinelGroup {
  private constructor(
    readonly servers: RedisServer[],
    readonly sentinels: RedisServer[],
    private readonly secrets: SentinelSecrets,
    private readonly tls?: SentinelTls,
  ) {}

  static async start(secrets: SentinelSecrets, tls?: SentinelTls): Promise<SentinelGroup> {
    const group = new SentinelGroup([], [], secrets, tls);
    const overTls = (port: number) => (tls ? [...tls.args(port), '--tls-replication', 'yes'] : []);
    const probeTls = tls?.client;
    try {
      const args = (port: number) => [...dataArgs(secrets), ...overTls(port)];
      const primary = await RedisServer.start({ args, probeTls });
      group.servers.push(primary);
      const replicaOf = ['--replicaof', '127.0.0.1', String(primary.port)];
      for (let i = 0; i < 2; i++) {
        const replica = (port: number) => [...args(port), ...replicaOf];
        group.servers.push(await RedisServer.start({ args: replica, probeTls }));
      }
      const configFile = sentinelConfig(primary.port, secrets);
      for (let i = 0; i < 3; i++) {
        const sentinel = { program: 'redis-sentinel', configFile, args: overTls, probeTls };
        group.sentinels.push(await RedisServer.start(sentinel));
      }
      writeFileSync(group.sentinelPasswordFile, `${secrets.sentinelPassword}\n`);
      await group.untilSettled(2);
    } catch (error) {
      await group.close();
      throw error;
    }
    return group;
  }

  /** `127.0.0.1:<port>` of each sentinel, as `store.redis.sentinel.sentinels` takes them. */
  get addresses(): string[] {
    return this.sentinels.map((sentinel) => sentinel.address);
  }

  /** The sentinels' password in a file, as a Kubernetes Secret mounts it (for `${file:...}`). */
  get sentinelPasswordFile(): string {
    return join(this.sentinels[0].dir, 'sentinel-password');
  }

  /** The data server the sentinels name as primary now. */
  async primary(): Promise<RedisServer> {
    const [, port] = (await this.askSentinel(['get-master-addr-by-name', MASTER_NAME])) as string[];
    const server = this.servers.find((s) => s.port === Number(port));
    if (!server) throw new Error(`the sentinels name an unknown primary on port ${port}`);
    return server;
  }

  /**
   * Waits until a replica has every write made so far on the primary (one write of our own,
   * then WAIT): what was acknowledged before survives a failover. A replica the sentinels have
   * just reconfigured (after an earlier test's failover) may still be resyncing, and its INFO
   * seen by the sentinels may be 10 s old, so WAIT is asked again until one acknowledges.
   */
  async syncReplica(): Promise<void> {
    const primary = await this.primary();
    const acknowledge = () =>
      this.onServer(primary, async (c) => {
        await c.set('otg-test:sync', String(Date.now()));
        return Number(await c.call('WAIT', '1', '2000'));
      });
    await eventually(acknowledge, (replicas) => replicas >= 1, SETTLE_MS).catch(() => {
      throw new Error(`no replica acknowledged the writes within ${SETTLE_MS} ms`);
    });
  }

  /** Waits until the sentinels name a primary other than `old`, and it says it is one. */
  async untilFailedOver(old: RedisServer): Promise<RedisServer> {
    const promoted = await eventually(
      () => this.primary(),
      (p) => p !== old,
      30_000,
    );
    await eventually(
      () => this.role(promoted),
      (role) => role === 'master',
      10_000,
    );
    return promoted;
  }

  async close(): Promise<void> {
    await Promise.all([...this.sentinels, ...this.servers].map((s) => s.close()));
  }

  /**
   * Every sentinel knows the two others and `replicas` replicas of the primary with their link
   * up, so a failover can be agreed on and has somewhere to go. A sentinel reads a replica's
   * link state from INFO every 10 s, so after an earlier failover this can take a while on a
   * busy machine.
   */
  async untilSettled(replicas = 1): Promise<void> {
    const ready = async (sentinel: RedisServer) => {
      const peers = (await this.askSentinel(['sentinels', MASTER_NAME], sentinel)) as unknown[];
      const known = (await this.askSentinel(['replicas', MASTER_NAME], sentinel)) as string[][];
      const field = (r: string[], name: string) => r[r.indexOf(name) + 1];
      const healthy = known.filter(
        (r) => field(r, 'flags') === 'slave' && field(r, 'master-link-status') === 'ok',
      );
      return peers.length === 2 && healthy.length >= replicas;
    };
    const all = () => Promise.all(this.sentinels.map(ready));
    await eventually(all, (states) => states.every(Boolean), SETTLE_MS);
  }

  /** Asks the sentinels for a failover, as an operator does before maintenance. */
  async failover(): Promise<void> {
    await this.askSentinel(['failover', MASTER_NAME]);
  }

  private role(server: RedisServer): Promise<string> {
    return this.onServer(server, async (c) => /role:(\w+)/.exec(await c.info('replication'))![1]);
  }

  private onServer<T>(server: RedisServer, use: (c: Redis) => Promise<T>): Promise<T> {
    return withClient(server.port, use, { password: this.secrets.password, tls: this.tls?.client });
  }

  private askSentinel(args: string[], sentinel = this.sentinels[0]): Promise<unknown> {
    const ask = (c: Redis) => c.call('SENTINEL', ...args);
    const access = { password: this.secrets.sentinelPassword, tls: this.tls?.client };
    return withClient(sentinel.port, ask, access);
  }
}

/** Long enough for two of the sentinels' 10-second INFO rounds on a loaded 2-core machine. */
export const SETTLE_MS = 45_000;

function dataArgs({ password }: SentinelSecrets): string[] {
  const sync = ['--repl-diskless-sync', 'yes', '--repl-diskless-sync-delay', '0'];
  return ['--requirepass', password, '--masterauth', password, ...sync];
}

function sentinelConfig(primaryPort: number, secrets: SentinelSecrets): string {
  return [
    `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${primaryPort} 2`,
    `sentinel auth-pass ${MASTER_NAME} ${secrets.password}`,
    `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
    `sentinel failover-timeout ${MASTER_NAME} 5000`,
    `requirepass ${secrets.sentinelPassword}`,
    '',
  ].join('\n');
}
