import { readFileSync } from 'node:fs';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { oktaValue } from './support/protection';
import { RedisCluster } from './support/redis-cluster';
import { describeWithRedis, RedisServer } from './support/redis-server';
import { MASTER_NAME, SentinelGroup } from './support/redis-sentinel';
import { configProblems } from './support/config-files';
import { eventually } from './support/eventually';
import { storeDetails } from './support/store-status';
import { TestPki } from './support/tls-certs';

const KEY_PREFIX = `otg-tls-e2e-${process.pid}:`;

describeWithRedis(
  'Redis over TLS with a private CA, and mutual TLS (e2e)',
  () => {
    let pki: TestPki;
    let tlsOnly: RedisServer;
    let mutual: RedisServer;
    let twilio: FakeTwilio;
    const gateways: Gateway[] = [];

    /** A redis-server's arguments for a TLS port only, checking client certificates or not. */
    const tlsArgs = (authClients: 'yes' | 'no') => (port: number) => [
      ...['--port', '0', '--tls-port', String(port), '--tls-auth-clients', authClients],
      ...['--tls-cert-file', pki.server.cert, '--tls-key-file', pki.server.key],
      ...['--tls-ca-cert-file', pki.ca.cert],
    ];
    /** A node of a group (cluster, sentinels): mutual TLS, its own connections with the client certificate. */
    const nodeArgs = (port: number) => [
      ...tlsArgs('yes')(port),
      ...['--tls-client-cert-file', pki.client.cert, '--tls-client-key-file', pki.client.key],
    ];
    /** How the tests themselves connect: the CA, the client certificate, the name. */
    const clientTls = () => ({
      ca: readFileSync(pki.ca.cert),
      cert: readFileSync(pki.client.cert),
      key: readFileSync(pki.client.key),
      servername: 'redis.test',
    });
    const tlsServer = (authClients: 'yes' | 'no') =>
      RedisServer.start({ args: tlsArgs(authClients), probeTls: clientTls() });
    const gatewayOn = async (redis: Record<string, unknown>) => {
      const started = await startGateway(
        testConfig({
          providers: { tw: twilioProvider(twilio) },
          routing: { default: ['tw'] },
          store: { driver: 'redis', redis: { ...redis, keyPrefix: KEY_PREFIX } },
        }),
      );
      gateways.push(started);
      return started;
    };
    const gateway = (server: RedisServer, tls: Record<string, string>) =>
      gatewayOn({ url: `rediss://127.0.0.1:${server.port}`, tls });
    /** The same eventId twice: one send, the same answer, when the store works. */
    const sendsOnce = async (g: Gateway, eventId: string) => {
      const first = await g.hook(hookRequest({ eventId })).expect(200);
      const again = await g.hook(hookRequest({ eventId })).expect(200);
      return { first: first.body as unknown, again: again.body as unknown };
    };

    beforeAll(async () => {
      pki = TestPki.create();
      tlsOnly = await tlsServer('no');
      mutual = await tlsServer('yes');
      twilio = await FakeTwilio.start();
    });

    afterEach(async () => {
      expect(twilio.problems).toEqual([]);
      twilio.server.requests.length = 0;
      for (const g of gateways.splice(0)) await g.close();
    });

    afterAll(async () => {
      await twilio?.close();
      await tlsOnly?.close();
      await mutual?.close();
      pki?.remove();
    });

    it('should reach a rediss:// server through the private CA and the certificate name', async () => {
      const g = await gateway(tlsOnly, { caFile: pki.ca.cert, servername: 'redis.test' });

      const { first, again } = await sendsOnce(g, 'evt-tls-1');

      expect(await storeDetails(g)).toEqual({
        status: 'up',
        driver: 'redis',
        topology: 'standalone',
        available: true,
        onUnavailable: 'fail-open',
      });
      expect(again).toEqual(first);
      expect(twilio.requests).toHaveLength(1);
    });

    it('should present its client certificate to a server that requires one (mutual TLS)', async () => {
      const g = await gateway(mutual, {
        caFile: pki.ca.cert,
        certFile: pki.client.cert,
        keyFile: pki.client.key,
        servername: 'redis.test',
      });

      const { first, again } = await sendsOnce(g, 'evt-mtls-1');

      expect((await storeDetails(g)).available).toBe(true);
      expect(again).toEqual(first);
      expect(twilio.requests).toHaveLength(1);
    });

    it('should use a cluster over TLS (mutual), checking every node against servername', async () => {
      const args = (port: number) => [...nodeArgs(port), '--tls-cluster', 'yes'];
      const cluster = await RedisCluster.start({ args, client: clientTls() });
      try {
        const tls = (servername: string) => ({
          caFile: pki.ca.cert,
          servername,
          ...pair(pki.client.cert, pki.client.key),
        });
        const g = await gatewayOn({
          cluster: { nodes: cluster.addresses },
          tls: tls('redis.test'),
        });
        const wrong = await gatewayOn({
          cluster: { nodes: cluster.addresses },
          tls: tls('x.test'),
        });

        const { first, again } = await sendsOnce(g, 'evt-tls-cluster');

        expect(again).toEqual(first);
        expect(twilio.requests).toHaveLength(1);
        expect(await storeDetails(g)).toMatchObject({ topology: 'cluster', available: true });
        expect(await storeDetails(wrong)).toMatchObject({ topology: 'cluster', available: false });
      } finally {
        for (const started of gateways.splice(0)) await started.close();
        await cluster.close();
      }
    }, 60_000);

    it('should find the primary through sentinels over TLS (mutual) and send a repeated eventId once', async () => {
      const secrets = { password: 'tls-data-password-0123', sentinelPassword: 'tls-sentinel-0123' };
      const group = await SentinelGroup.start(secrets, { args: nodeArgs, client: clientTls() });
      try {
        const g = await gatewayOn({
          sentinel: { masterName: MASTER_NAME, sentinels: group.addresses, ...secrets },
          tls: {
            caFile: pki.ca.cert,
            servername: 'redis.test',
            ...pair(pki.client.cert, pki.client.key),
          },
        });

        const { first, again } = await sendsOnce(g, 'evt-tls-sentinel');

        expect(again).toEqual(first);
        expect(twilio.requests).toHaveLength(1);
        expect(await storeDetails(g)).toMatchObject({ topology: 'sentinel', available: true });
      } finally {
        for (const started of gateways.splice(0)) await started.close();
        await group.close();
      }
    }, 60_000);

    it('should refuse to boot with TLS files it cannot use, naming the key and the file', () => {
      const store = (tls: Record<string, string>) => ({
        store: { driver: 'redis', redis: { url: 'rediss://redis.test:6380', tls } },
      });
      const garbage = pki.file('garbage.pem', 'not a certificate');
      const { client, server } = pki;

      const unreadable = store({ caFile: '/nonexistent/ca.pem', ...pair(client.cert, server.key) });
      const notPem = store({ caFile: garbage, ...pair(client.key, client.cert) });

      expect(configProblems(unreadable)).toEqual([
        'store.redis.tls.caFile: file /nonexistent/ca.pem cannot be read',
        'store.redis.tls.keyFile: is not the private key of certFile',
      ]);
      expect(configProblems(notPem)).toEqual([
        `store.redis.tls.caFile: file ${garbage} is not a PEM certificate`,
        `store.redis.tls.certFile: file ${client.key} is not a PEM certificate`,
        `store.redis.tls.keyFile: file ${client.cert} is not an unencrypted PEM private key`,
      ]);
      expect(configProblems(store({ certFile: client.cert }))).toEqual([
        'store.redis.tls: certFile and keyFile go together (a client certificate and its key)',
      ]);
    });

    it.each([
      {
        case: 'a CA that did not sign the server',
        tls: () => ({ caFile: pki.otherCa.cert }),
        problem: 'redis error SELF_SIGNED_CERT_IN_CHAIN',
      },
      {
        case: 'another certificate name',
        tls: () => ({ caFile: pki.ca.cert, servername: 'x.test' }),
        problem: 'redis error ERR_TLS_CERT_ALTNAME_INVALID',
      },
      {
        case: 'no client certificate for mutual TLS',
        tls: () => ({ caFile: pki.ca.cert, servername: 'redis.test' }),
        // The server's alert or its reset, whichever the client reads first.
        problem: expect.stringMatching(
          /^redis error (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ECONNRESET)$/,
        ) as unknown,
        mutual: true,
      },
    ])(
      'should not use Redis with $case, say why in readiness, and still answer Okta',
      async ({ tls, problem, mutual: toMutual }) => {
        const g = await gateway(toMutual ? mutual : tlsOnly, tls());

        const details = await eventually(
          () => storeDetails(g),
          (s) => s.problem !== undefined,
        );
        const answer = await g.hook(hookRequest()).expect(200);

        expect(details).toEqual({
          status: 'up',
          driver: 'redis',
          topology: 'standalone',
          available: false,
          problem,
          onUnavailable: 'fail-open',
        });
        expect(oktaValue(answer.body).status).toBe('SUCCESSFUL');
      },
    );
  },
  ['redis-server', 'redis-sentinel', 'openssl'],
);

function pair(certFile: string, keyFile: string): Record<string, string> {
  return { certFile, keyFile };
}
