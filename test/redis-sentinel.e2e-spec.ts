import { eventually } from './support/eventually';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { HookLoad, LoadedRequest, StoreWatch } from './support/hook-load';
import { hookRequest } from './support/okta';
import { oktaValue } from './support/protection';
import { describeWithRedis } from './support/redis-server';
import { MASTER_NAME, SentinelGroup, SETTLE_MS } from './support/redis-sentinel';
import { storeDetails } from './support/store-status';

const SECRETS = {
  password: 'redis-data-password-0123456789',
  sentinelPassword: 'redis-sentinel-password-0123456789',
};
const KEY_PREFIX = `otg-sentinel-e2e-${process.pid}:`;
/** A failover takes seconds (a second to call the primary down, an election, a promotion). */
const FAILOVER_TEST_MS = 60_000 + SETTLE_MS;

describeWithRedis(
  'Redis Sentinel: a primary, two replicas, three sentinels (e2e)',
  () => {
    let group: SentinelGroup;
    let twilio: FakeTwilio;
    let gateway: Gateway;
    /** Loads and watches of the running test, stopped after it even when it failed. */
    const running: { stop(): Promise<void> }[] = [];
    const track = <T extends { stop(): Promise<void> }>(started: T): T => {
      running.push(started);
      return started;
    };

    /** Requests that went out without dedupe because the store was down (fail-open). */
    const sentWithoutDedupe = () =>
      gateway.logs
        .entries()
        .filter((e) => e.msg === 'store unavailable: sending without dedupe (fail-open)')
        .map((e) => e.eventId as string);

    /** `redis connected` lines: the first connection, then one per reconnection. */
    const connections = () => gateway.logs.entries().filter((e) => e.msg === 'redis connected');
    /** Every request was answered SUCCESSFUL and sent exactly once. */
    const expectEveryAnswerSent = (load: HookLoad) => {
      expect(load.requests.map((r) => [r.status, oktaValue(r.body).status])).toEqual(
        load.requests.map(() => [200, 'SUCCESSFUL']),
      );
      expect(twilio.requests).toHaveLength(load.requests.length);
    };
    /** The same eventIds again: the same answers, and not one message more. */
    const expectRepeatsNotSent = async (requests: LoadedRequest[]) => {
      twilio.server.requests.length = 0;
      for (const request of requests) {
        const again = await gateway.hook(hookRequest({ eventId: request.eventId })).expect(200);
        expect(again.body).toEqual(request.body);
      }
      expect(twilio.requests).toHaveLength(0);
    };

    beforeAll(async () => {
      group = await SentinelGroup.start(SECRETS);
      twilio = await FakeTwilio.start();
      gateway = await startGateway(
        testConfig({
          providers: { tw: twilioProvider(twilio) },
          routing: { default: ['tw'] },
          store: {
            driver: 'redis',
            redis: {
              sentinel: {
                masterName: MASTER_NAME,
                sentinels: group.addresses,
                password: '${REDIS_PASSWORD}',
                sentinelPassword: '${file:' + group.sentinelPasswordFile + '}',
              },
              keyPrefix: KEY_PREFIX,
            },
          },
        }),
        { REDIS_PASSWORD: SECRETS.password },
      );
    }, FAILOVER_TEST_MS);

    afterEach(async () => {
      for (const started of running.splice(0)) await started.stop();
      expect(twilio.problems).toEqual([]);
      twilio.server.requests.length = 0;
    });

    afterAll(async () => {
      await gateway?.close();
      await twilio?.close();
      await group?.close();
    });

    it('should find the primary through the sentinels and send a repeated eventId once', async () => {
      const first = await gateway.hook(hookRequest({ eventId: 'evt-sentinel-1' })).expect(200);
      const again = await gateway.hook(hookRequest({ eventId: 'evt-sentinel-1' })).expect(200);

      expect(again.body).toEqual(first.body);
      expect(twilio.requests).toHaveLength(1);
      expect(await storeDetails(gateway)).toEqual({
        status: 'up',
        driver: 'redis',
        topology: 'sentinel',
        available: true,
        onUnavailable: 'fail-open',
      });
    });

    it(
      'should answer every hook while the primary crashes mid-load, report the outage, and not send twice after the failover',
      async () => {
        const watch = track(new StoreWatch(gateway));
        const recovery: { at?: number } = {};
        const load = track(
          new HookLoad(gateway, 'evt-crash', {
            concurrency: 3,
            pauseMs: 20,
            max: 1500,
            until: (run) => recovery.at !== undefined && run.startedAfter(recovery.at).length >= 15,
          }),
        );
        await load.untilAnswered(15);
        await group.syncReplica();
        const acknowledged = load.answered();
        const crashed = await group.primary();

        await crashed.stop('SIGKILL');
        await group.untilFailedOver(crashed);
        recovery.at = await eventually(
          () => watch.recoveredAt(),
          (at) => at !== undefined,
          20_000,
        );
        await load.done;
        await watch.stop();

        expectEveryAnswerSent(load);
        expect(watch.availability()).toEqual([true, false, true]);
        expect(watch.samples.find((sample) => !sample.available)).toMatchObject({
          topology: 'sentinel',
          problem: expect.stringMatching(/^(redis error [A-Z]+|connection closed)$/) as unknown,
        });
        const unprotected = sentWithoutDedupe();
        const afterFailover = load.startedAfter(recovery.at!);
        expect(unprotected.length).toBeGreaterThan(0);
        expect(afterFailover.filter((r) => unprotected.includes(r.eventId))).toEqual([]);
        await expectRepeatsNotSent([...acknowledged, ...afterFailover]);
      },
      FAILOVER_TEST_MS,
    );

    it(
      'should follow a planned failover (SENTINEL FAILOVER) at once, writing to the new primary only',
      async () => {
        await group.untilSettled(1);
        const old = await group.primary();
        const connectedBefore = connections().length;
        const switched: { at?: number } = {};
        const load = track(
          new HookLoad(gateway, 'evt-planned', {
            concurrency: 3,
            pauseMs: 20,
            max: 1500,
            until: (run) => switched.at !== undefined && run.startedAfter(switched.at).length >= 15,
          }),
        );
        await load.untilAnswered(15);
        await group.syncReplica();
        const acknowledged = load.answered();

        await group.failover();
        await group.untilFailedOver(old);
        const reconnected = await eventually(
          () => connections()[connectedBefore],
          (line) => line !== undefined,
          10_000,
        );
        switched.at = Number(reconnected.time);
        await load.done;
        // Still a primary in its own eyes for a while: the gateway must not need it any more.
        await old.stop('SIGKILL');

        expectEveryAnswerSent(load);
        expect((await storeDetails(gateway)).available).toBe(true);
        await expectRepeatsNotSent([...acknowledged, ...load.startedAfter(switched.at)]);
      },
      FAILOVER_TEST_MS,
    );

    it('should keep both passwords out of every log line and readiness answer', async () => {
      const seen = JSON.stringify([gateway.logs.lines, await storeDetails(gateway)]);

      expect(seen).not.toContain(SECRETS.password);
      expect(seen).not.toContain(SECRETS.sentinelPassword);
    });
  },
  ['redis-server', 'redis-sentinel'],
);
