import Redis from 'ioredis';
import type { ConnectionOptions } from 'node:tls';
import { eventually } from './eventually';
import { ClientAccess, withClient } from './redis-probe';
import { freePort, onFreshPorts, RedisServer } from './redis-server';

const SLOTS = 16384;

/** A cluster over TLS: the nodes' TLS arguments given their port, and how clients connect. */
export interface ClusterTls {
  readonly args: (port: number) => string[];
  readonly client: ConnectionOptions;
}

/**
 * A throwaway Redis Cluster of three primaries (no replicas) on 127.0.0.1, each a
 * `redis-server --cluster-enabled yes` with its own port, bus port and directory (where it
 * keeps nodes.conf, so a stopped cluster comes back as it was), optionally over TLS only.
 * Joined with CLUSTER ADDSLOTS and CLUSTER MEET, as `redis-cli --cluster create` does.
 */
export class RedisCluster {
  private readonly busPorts: number[] = [];
  private readonly access: ClientAccess;

  private constructor(
    readonly nodes: RedisServer[],
    tls?: ClusterTls,
  ) {
    this.access = { tls: tls?.client };
  }

  static async start(tls?: ClusterTls): Promise<RedisCluster> {
    const cluster = new RedisCluster([], tls);
    try {
      for (let i = 0; i < 3; i++) cluster.nodes.push(await cluster.startNode(tls));
      await cluster.join();
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /** One node with a bus port of its own; both picked again if one is taken meanwhile. */
  private startNode(tls?: ClusterTls): Promise<RedisServer> {
    return onFreshPorts(async () => {
      // Explicit: the default (port + 10000) may be taken, or above 65535.
      const bus = await freePort();
      const args = (port: number) => [...clusterArgs(bus), ...(tls?.args(port) ?? [])];
      const node = await RedisServer.startOnce({ args, probeTls: tls?.client });
      this.busPorts.push(bus);
      return node;
    });
  }

  /** `127.0.0.1:<port>` of each node, as `store.redis.cluster.nodes` takes them. */
  get addresses(): string[] {
    return this.nodes.map((node) => node.address);
  }

  /** How many keys matching `pattern` each node holds, in node order. */
  async keysPerNode(pattern: string): Promise<number[]> {
    return Promise.all(
      this.nodes.map((node) =>
        withClient(node.port, async (c) => (await c.keys(pattern)).length, this.access),
      ),
    );
  }

  /** Stops the given nodes (all by default: no primary is left). */
  async stop(nodes: readonly RedisServer[] = this.nodes): Promise<void> {
    await Promise.all(nodes.map((node) => node.stop()));
  }

  /** Starts stopped nodes again from their nodes.conf; waits until the cluster serves all slots. */
  async resume(nodes: readonly RedisServer[] = this.nodes): Promise<void> {
    await Promise.all(nodes.map((node) => node.resume()));
    await this.untilServing();
  }

  async close(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.close()));
  }

  private async join(): Promise<void> {
    const share = Math.ceil(SLOTS / this.nodes.length);
    await Promise.all(
      this.nodes.map((node, i) => {
        const slots = range(i * share, Math.min((i + 1) * share, SLOTS));
        const add = (c: Redis) => c.call('CLUSTER', 'ADDSLOTS', ...slots.map(String));
        return withClient(node.port, add, this.access);
      }),
    );
    const meet = async (c: Redis) => {
      for (const [i, node] of this.nodes.entries()) {
        if (i > 0) await c.call('CLUSTER', 'MEET', '127.0.0.1', node.port, this.busPorts[i]);
      }
    };
    await withClient(this.nodes[0].port, meet, this.access);
    await this.untilServing();
  }

  /** Every node knows every other and says the cluster is ok (all slots served). */
  private async untilServing(): Promise<void> {
    const states = () =>
      Promise.all(
        this.nodes.map((node) =>
          withClient(node.port, (c) => c.call('CLUSTER', 'INFO'), this.access),
        ),
      );
    const ok = (info: unknown) =>
      String(info).includes('cluster_state:ok') &&
      String(info).includes(`cluster_known_nodes:${this.nodes.length}`);
    await eventually(states, (all) => all.every(ok), 20_000);
  }
}

function clusterArgs(busPort: number): string[] {
  const config = ['--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000'];
  return ['--cluster-enabled', 'yes', '--cluster-port', String(busPort), ...config];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
