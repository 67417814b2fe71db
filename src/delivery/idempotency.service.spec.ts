import { Logger } from '@nestjs/common';
import { KeyValueStore, StoreUnavailableError } from '../store/key-value-store';
import { MemoryStore } from '../store/memory.store';
import { StoreConfig } from '../store/store.config';
import { DeliveryPolicy } from './delivery.policy';
import { DeliveryClock, DeliveryOutcome, FailedOutcome } from './delivery.types';
import { IdempotencyService } from './idempotency.service';

/** The store and idempotency log their warnings; the assertions say what matters. */
Logger.overrideLogger(false);

const sent = (id: string): DeliveryOutcome => ({
  kind: 'sent',
  deliveryId: id,
  channel: 'sms',
  attempts: [{ providerId: 'a', outcome: 'sent', latencyMs: 3 }],
  durationMs: 3,
  providerId: 'a',
  transactionId: `SM-${id}`,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  calls: number;
  deliver(): Promise<DeliveryOutcome>;
  refuse(cause: FailedOutcome['cause'], reason: string): DeliveryOutcome;
}

/** A run whose deliveries are counted; each answers after `delayMs`. */
function counting(delayMs = 0): Run {
  const run = {
    calls: 0,
    async deliver(): Promise<DeliveryOutcome> {
      run.calls += 1;
      await sleep(delayMs);
      return sent(`d${run.calls}`);
    },
    refuse: (cause: FailedOutcome['cause'], reason: string): DeliveryOutcome => ({
      kind: 'failed',
      deliveryId: 'refused',
      channel: 'sms',
      attempts: [],
      durationMs: 0,
      cause,
      reason,
    }),
  };
  return run;
}

function create(store: KeyValueStore, onUnavailable: StoreConfig['onUnavailable'] = 'fail-open') {
  const config = Object.assign(new StoreConfig(), { onUnavailable });
  return new IdempotencyService(store, config, new DeliveryPolicy(400, 50, '{code}'));
}

const clock = (): DeliveryClock => ({
  startedAt: performance.now(),
  deadlineAt: performance.now() + 400,
});

/** What DeliveryService does with a claim: deliver then complete, answer, or refuse. */
async function once(sut: IdempotencyService, eventId: string, run: Run): Promise<DeliveryOutcome> {
  const started = clock();
  const claim = await sut.claim(eventId, started);
  if (claim.kind === 'answer') return claim.outcome;
  if (claim.kind === 'refuse') return run.refuse(claim.cause, claim.reason);
  let outcome: DeliveryOutcome;
  try {
    outcome = await run.deliver();
  } catch (error) {
    await sut.release(claim, error);
    throw error;
  }
  await sut.complete(claim, outcome, started);
  return outcome;
}

describe(IdempotencyService.name, () => {
  let store: MemoryStore;
  beforeEach(() => (store = new MemoryStore(1000)));

  it('should deliver once for two concurrent requests with the same eventId and give both its outcome', async () => {
    const sut = create(store);
    const run = counting(20);

    const [first, second] = await Promise.all([once(sut, 'e1', run), once(sut, 'e1', run)]);

    expect(run.calls).toBe(1);
    expect(second).toBe(first);
  });

  it('should answer a later duplicate from the store without delivering', async () => {
    const sut = create(store);
    const run = counting();
    const first = await once(sut, 'e1', run);

    const again = await once(sut, 'e1', run);

    expect(run.calls).toBe(1);
    expect(again).toEqual(first);
  });

  it('should deliver once per eventId', async () => {
    const sut = create(store);
    const run = counting();

    await once(sut, 'e1', run);
    await once(sut, 'e2', run);

    expect(run.calls).toBe(2);
  });

  it('should wait for an owner elsewhere (another replica) and return its outcome', async () => {
    const sut = create(store);
    const run = counting();
    await store.setIfAbsent('idem:e1', { state: 'pending' }, 10_000);
    setTimeout(
      () => void store.set('idem:e1', { state: 'done', outcome: sent('remote') }, 10_000),
      40,
    );

    const outcome = await once(sut, 'e1', run);

    expect(outcome).toEqual(sent('remote'));
    expect(run.calls).toBe(0);
  });

  it('should refuse, not send, when the owner does not finish before the deadline', async () => {
    const sut = create(store);
    const run = counting();
    await store.setIfAbsent('idem:e1', { state: 'pending' }, 10_000);

    const outcome = await once(sut, 'e1', run);

    expect(run.calls).toBe(0);
    expect(outcome).toMatchObject({ kind: 'failed', cause: 'duplicate-pending' });
  });

  it('should take over when the owner died and its claim expired', async () => {
    const sut = create(store);
    const run = counting();
    await store.setIfAbsent('idem:e1', { state: 'pending' }, 30);

    const outcome = await once(sut, 'e1', run);

    expect(run.calls).toBe(1);
    expect(outcome).toEqual(sent('d1'));
  });

  it('should give the id up when the delivery threw, so that a retry delivers', async () => {
    const sut = create(store);
    const run = counting();
    const deliver = run.deliver;
    run.deliver = () => Promise.reject(new Error('boom'));
    await expect(once(sut, 'e1', run)).rejects.toThrow('boom');
    run.deliver = deliver;

    const outcome = await once(sut, 'e1', run);

    expect(run.calls).toBe(1);
    expect(outcome).toEqual(sent('d1'));
  });

  it('should deliver, without a store, a request that has no eventId', async () => {
    const sut = create(store);

    await expect(sut.claim(undefined, clock())).resolves.toEqual({ kind: 'deliver' });
    expect(await store.get('idem:undefined')).toBeUndefined();
  });

  describe('when the store is unavailable', () => {
    const down = new MemoryStore(10);
    down.setIfAbsent = () => Promise.reject(new StoreUnavailableError('redis error ECONNREFUSED'));

    it('should send without dedupe when fail-open', async () => {
      const run = counting();

      await once(create(down, 'fail-open'), 'e1', run);
      await once(create(down, 'fail-open'), 'e1', run);

      expect(run.calls).toBe(2);
    });

    it('should answer without sending when fail-closed', async () => {
      const run = counting();

      const outcome = await once(create(down, 'fail-closed'), 'e1', run);

      expect(run.calls).toBe(0);
      expect(outcome).toEqual({
        kind: 'failed',
        deliveryId: 'refused',
        channel: 'sms',
        attempts: [],
        durationMs: 0,
        cause: 'store-unavailable',
        reason: 'the shared store is unavailable; not sent (fail-closed)',
      });
    });
  });
});
