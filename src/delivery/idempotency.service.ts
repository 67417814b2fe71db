import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryPolicy } from './delivery.policy';
import { KEY_VALUE_STORE, KeyValueStore, StoreUnavailableError } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { answerTimeLeft } from './deadline';
import { DeliveryClock, DeliveryOutcome, FailureCause } from './delivery.types';
import { settleWrite } from './settle-write';

/** What the store holds per Okta eventId: a claim while the owner delivers, then its outcome. */
type Entry =
  { readonly state: 'pending' } | { readonly state: 'done'; readonly outcome: DeliveryOutcome };

const PENDING: Entry = { state: 'pending' };
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;

/** One delivery to run at most once, and how to answer when it may not run. */
export interface IdempotentRun {
  deliver(): Promise<DeliveryOutcome>;
  refuse(
    cause: Extract<FailureCause, 'store-unavailable' | 'duplicate-pending'>,
    reason: string,
  ): DeliveryOutcome;
}

/**
 * The same Okta eventId sends at most once. The first request claims the id (SET NX PX, a lease
 * of twice the hook deadline) and delivers; a duplicate in the same process shares its promise,
 * one on another replica polls the store until the outcome is there. The outcome is kept for
 * `store.idempotencyTtlSeconds`, so a later duplicate gets the same answer without a send.
 * A waiter whose owner never finishes (it died) answers Okta's error object at its deadline, so
 * Okta sends the code itself: a possible second message beats none.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');
  private readonly inFlight = new Map<string, Promise<DeliveryOutcome>>();

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    private readonly config: StoreConfig,
    private readonly hook: DeliveryPolicy,
  ) {}

  once(eventId: string, clock: DeliveryClock, run: IdempotentRun): Promise<DeliveryOutcome> {
    const shared = this.inFlight.get(eventId);
    if (shared) return shared;
    const outcome = this.claim(`idem:${eventId}`, eventId, clock, run);
    this.inFlight.set(eventId, outcome);
    const forget = () => void this.inFlight.delete(eventId);
    outcome.then(forget, forget);
    return outcome;
  }

  private async claim(
    key: string,
    eventId: string,
    clock: DeliveryClock,
    run: IdempotentRun,
  ): Promise<DeliveryOutcome> {
    let owner: boolean;
    try {
      owner = await this.store.setIfAbsent(key, PENDING, this.hook.deadlineMs * 2);
    } catch (error) {
      return this.unavailable(error, eventId, run);
    }
    if (!owner) return this.follow(key, eventId, clock, run);
    let outcome: DeliveryOutcome;
    try {
      outcome = await run.deliver();
    } catch (error) {
      await this.store.delete(key).catch(() => undefined);
      throw error;
    }
    const done: Entry = { state: 'done', outcome };
    const write = this.store.set(key, done, this.config.idempotencyTtlSeconds * 1000);
    await settleWrite(
      write,
      timeLeft(clock, this.hook),
      this.store.worstCaseMs,
      this.logger,
      'idempotent answer',
    );
    return outcome;
  }

  /** Another request owns the id: wait for its outcome until our own deadline. */
  private async follow(
    key: string,
    eventId: string,
    clock: DeliveryClock,
    run: IdempotentRun,
  ): Promise<DeliveryOutcome> {
    let pause = FIRST_POLL_MS;
    for (;;) {
      const entry = await this.store.get<Entry>(key).catch(() => PENDING);
      if (entry?.state === 'done') return entry.outcome;
      if (entry === undefined) return this.claim(key, eventId, clock, run);
      if (timeLeft(clock, this.hook) <= pause + this.store.worstCaseMs) break;
      await sleep(pause);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
    this.logger.warn({ eventId }, 'duplicate eventId: the first request did not finish in time');
    return run.refuse(
      'duplicate-pending',
      'a request with the same eventId did not finish; not sent twice',
    );
  }

  private async unavailable(
    error: unknown,
    eventId: string,
    run: IdempotentRun,
  ): Promise<DeliveryOutcome> {
    if (!(error instanceof StoreUnavailableError)) throw error;
    if (this.config.onUnavailable === 'fail-closed') {
      this.logger.warn(
        { eventId, problem: error.message },
        'store unavailable: not sending (fail-closed)',
      );
      return run.refuse(
        'store-unavailable',
        'the shared store is unavailable; not sent (fail-closed)',
      );
    }
    this.logger.warn(
      { eventId, problem: error.message },
      'store unavailable: sending without dedupe (fail-open)',
    );
    return run.deliver();
  }
}

function timeLeft(clock: DeliveryClock, hook: DeliveryPolicy): number {
  return answerTimeLeft(performance.now(), clock.deadlineAt, hook.answerMarginMs);
}
