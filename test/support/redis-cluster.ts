import { eventually } from './eventually';
import { withClient } from './redis-probe';
import { RedisServer } from './redis-server';

const SLOTS = 16384;

/**
 * A throwaway Redis Cluster of three primaries (no replicas) on 127.0.0.1, each a
 * `redis-server --cluster-enabled yes` with its own port and directory (where it keeps
 * nodes.conf, so a stopped cluster comes back as it was). Joined with CLUSTER ADDSLOTS and
 * CLUSTER MEET, as `redis-cli --cluster create` does.
 */
export class RedisCluster {
  private constructor(readonly nodes: readonly RedisServer[]) {}

  static async start(size = 3): Promise<RedisCluster> {
    const nodes: RedisServer[] = [];
    const cluster = new RedisCluster(nodes);
    try {
      for (let i = 0; i < size; i++) nodes.push(await RedisServer.start({ args: clusterArgs }));
      await cluster.join();
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /** `127.0.0.1:<port>` of each node, as `store.redis.cluster.nodes` takes them. */
  get addresses(): string[] {
    return this.nodes.map((node) => node.address);
  }

  /** How many keys matching `pattern` each node holds, in node order. */
  async keysPerNode(pattern: string): Promise<number[]> {
    return Promise.all(
      this.nodes.map((node) => withClient(node.port, async (c) => (await c.keys(pattern)).length)),
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
        return withClient(node.port, (c) => c.call('CLUSTER', 'ADDSLOTS', ...slots.map(String)));
      }),
    );
    await withClient(this.nodes[0].port, async (c) => {
      for (const node of this.nodes.slice(1)) {
        await c.call('CLUSTER', 'MEET', '127.0.0.1', String(node.port));
      }
    });
    await this.untilServing();
  }

  /** Every node knows every other and says the cluster is ok (all slots served). */
  private async untilServing(): Promise<void> {
    const states = () =>
      Promise.all(
        this.nodes.map((node) => withClient(node.port, (c) => c.call('CLUSTER', 'INFO'))),
      );
    const ok = (info: unknown) =>
      String(info).includes('cluster_state:ok') &&
      String(info).includes(`cluster_known_nodes:${this.nodes.length}`);
    await eventually(states, (all) => all.every(ok), 20_000);
  }
}

function clusterArgs(): string[] {
  const config = ['--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000'];
  return ['--cluster-enabled', 'yes', ...config];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}
