import Redis from 'ioredis';

const CHANNEL = '+switch-master';

/**
 * Moves the client to the new primary as soon as the sentinels announce it (`+switch-master`),
 * unless it is already there. A planned failover (`SENTINEL FAILOVER`) leaves the old primary
 * up and writable until the sentinels demote it seconds later, and what is written there
 * meanwhile is lost; a crash failover, on the contrary, finds the client already reconnected to
 * the promoted replica, which must not cost a second reconnection (ioredis' own
 * `failoverDetector` reconnects on every announcement).
 *
 * One subscriber per configured sentinel, with the client's sentinel credentials and TLS.
 */
export class SentinelSwitchWatch {
  private readonly subscribers: Redis[];

  constructor(private readonly client: Redis) {
    const { sentinels = [], sentinelPassword, sentinelUsername, sentinelTLS } = client.options;
    this.subscribers = sentinels.map(({ host, port }) => {
      const subscriber = new Redis({
        host,
        port,
        username: sentinelUsername,
        password: sentinelPassword,
        tls: sentinelTLS,
        connectTimeout: client.options.connectTimeout,
      });
      subscriber.on('error', () => undefined); // the sentinels' own outages are not the store's
      subscriber.on('message', (_channel: string, text: string) => this.onSwitch(text));
      subscriber.subscribe(CHANNEL).catch(() => undefined);
      return subscriber;
    });
  }

  close(): void {
    for (const subscriber of this.subscribers) subscriber.disconnect();
  }

  /** `<master name> <old ip> <old port> <new ip> <new port>`. */
  private onSwitch(text: string): void {
    const [name, , , host, port] = text.split(' ');
    if (name !== this.client.options.name || this.client.status !== 'ready') return;
    const stream = this.client.stream;
    if (stream.remoteAddress === host && stream.remotePort === Number(port)) return;
    this.client.disconnect(true);
  }
}
