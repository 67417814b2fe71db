import { Logger } from '@nestjs/common';
import { RedisConnection } from '../src/store/redis-connection';
import { RedisStore } from '../src/store/redis.store';
import { RedisConfig } from '../src/store/store.config';
import { eventually } from './support/eventually';
import { eventHookConfig, OktaAndSupport } from './support/event-hook';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway } from './support/gateway';
import { hookRequest } from './support/okta';
import { eventHookDelivery, oieSmsEvent, user } from './support/okta-events';
import { expectSharedPhoneLimit, oktaValue } from './support/protection';
import { RedisCluster } from './support/redis-cluster';
import { describeWithRedis } from './support/redis-server';
import { storeDetails, storeWarnings } from './support/store-status';
import { keepsTheContract, keepsTheIndexContract } from './support/store-contract';

const KEY_PREFIX = `otg-cluster-e2e-${process.pid}:`;

describeWithRedis('Redis Cluster of three primaries (e2e)', () => {
  let cluster: RedisCluster;

  beforeAll(async () => {
    cluster = await RedisCluster.start();
  }, 60_000);

  afterAll(async () => {
    await cluster?.close();
  });

  describe('the store contract on the cluster', () => {
    let connection: RedisConnection;
    let store: RedisStore;

    beforeAll(async () => {
      Logger.overrideLogger(false);
      const config = Object.assign(new RedisConfig(), {
        cluster: { nodes: [cluster.addresses[0]] },
      });
      connection = new RedisConnection(config);
      await connection.ready(5000);
      store = new RedisStore(connection, 'contract-cluster:', 500);
    });

    afterAll(async () => {
      await connection.close();
    });

    keepsTheContract(() => store);
    keepsTheIndexContract(() => store);
  });

  describe('two gateways sharing the cluster', () => {
    let twilio: FakeTwilio;
    let a: Gateway;
    let b: Gateway;

    const gateway = () =>
      startGateway(
        eventHookConfig({
          server: { port: 0, replicas: 2 },
          providers: { tw: twilioProvider(twilio) },
          routing: { default: ['tw'] },
          protection: { rateLimits: [{ key: 'phone', limit: 3, windowSeconds: 60 }] },
          store: {
            driver: 'redis',
            redis: { cluster: { nodes: cluster.addresses }, keyPrefix: KEY_PREFIX },
          },
        }),
      );

    beforeAll(async () => {
      twilio = await FakeTwilio.start();
      twilio.delayAnswers(150); // the two gateways' requests overlap
      a = await gateway();
      b = await gateway();
    });

    afterEach(() => {
      expect(twilio.problems).toEqual([]);
      twilio.server.requests.length = 0;
    });

    afterAll(async () => {
      await a?.close();
      await b?.close();
      await twilio?.close();
    });

    it('should send once when both gateways get the same eventId at once, and answer both the same', async () => {
      const body = hookRequest({ eventId: 'evt-cluster-shared', phoneNumber: '+33612345678' });

      const [first, second] = await Promise.all([a.hook(body), b.hook(body)]);

      expect(twilio.requests).toHaveLength(1);
      expect(first.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(oktaValue(first.body).status).toBe('SUCCESSFUL');
    });

    it('should hold one rate limit across both gateways', async () => {
      await expectSharedPhoneLimit(a, b, twilio, '+447400123456');
    });

    it('should attach an Okta event received by one gateway to a delivery made by the other', async () => {
      const dana = user('00uCLUSTER');
      const transactionId = await new OktaAndSupport(a).deliver(
        hookRequest({ userId: dana.id, phoneNumber: '+14155552671' }),
      );
      const batch = eventHookDelivery([oieSmsEvent(dana, '+14xxxxxxxxx')]);

      await new OktaAndSupport(b).postEvents(batch).expect(200);

      const view = await new OktaAndSupport(a).withEvents(transactionId, 1);
      expect(view.history).toEqual([
        expect.objectContaining({
          kind: 'okta-event',
          uuid: (batch.data as { events: { uuid: string }[] }).events[0].uuid,
        }),
      ]);
    });

    it('should spread the keys over every primary, without a store error on either gateway', async () => {
      const perNode = await cluster.keysPerNode(`${KEY_PREFIX}*`);

      expect(perNode.every((keys) => keys > 0)).toBe(true);
      expect([...storeWarnings(a), ...storeWarnings(b)]).toEqual([]);
    });

    it('should report a cluster that lost a primary as unavailable, answer every hook meanwhile, and recover', async () => {
      const [lost] = cluster.nodes.slice(-1);
      let sequence = 0;
      /** One hook (a number of its own: the phone limit stays out of it), then readiness. */
      const hookThenReadiness = async () => {
        const phoneNumber = `+336123456${String(10 + (sequence++ % 90))}`;
        const res = await a.hook(hookRequest({ phoneNumber })).expect(200);
        expect(oktaValue(res.body).status).toBe('SUCCESSFUL');
        return storeDetails(a);
      };
      await cluster.stop([lost]);
      try {
        const down = await eventually(
          hookThenReadiness,
          (s) => s.problem === 'redis error CLUSTERDOWN',
          20_000,
        );

        expect(down).toEqual({
          status: 'up',
          driver: 'redis',
          topology: 'cluster',
          available: false,
          problem: 'redis error CLUSTERDOWN',
          onUnavailable: 'fail-open',
        });
      } finally {
        await cluster.resume([lost]);
      }
      expect((await eventually(hookThenReadiness, (s) => s.available, 20_000)).available).toBe(
        true,
      );
    }, 60_000);

    it('should report the outage while no primary answers, answer every hook meanwhile, and recover', async () => {
      await cluster.stop();
      try {
        await eventually(
          () => storeDetails(a),
          (s) => !s.available,
          10_000,
        );

        const during = await a.hook(hookRequest({ phoneNumber: '+33612345678' })).expect(200);

        expect(oktaValue(during.body).status).toBe('SUCCESSFUL');
        expect(await storeDetails(a)).toEqual({
          status: 'up',
          driver: 'redis',
          topology: 'cluster',
          available: false,
          problem: expect.any(String),
          onUnavailable: 'fail-open',
        });
      } finally {
        await cluster.resume();
      }
      for (const g of [a, b])
        await eventually(
          () => storeDetails(g),
          (s) => s.available,
          15_000,
        );
      twilio.server.requests.length = 0;
      const again = hookRequest({ eventId: 'evt-cluster-after', phoneNumber: '+4917612345678' });

      const [first, second] = await Promise.all([a.hook(again), b.hook(again)]);

      expect(twilio.requests).toHaveLength(1);
      expect(second.body).toEqual(first.body);
    }, 60_000);
  });
});
