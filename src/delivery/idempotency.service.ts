import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEY_VALUE_STORE, KeyValueStore, StoreUnavailableError } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { DeliveryPolicy } from './delivery.policy';
import { DeliveryClock, DeliveryOutcome, FailureCause } from './delivery.types';
import { settleWrite } from './settle-write';

/** What the store holds per Okta eventId: a claim while the owner delivers, then its outcome. */
type Entry =
  { readonly state: 'pending' } | { readonly state: 'done'; readonly outcome: DeliveryOutcome };

/**
 * What a claim on an eventId says: deliver (then `complete`, or `release` when delivering
 * failed), answer a duplicate with the first outcome, or refuse to send.
 */
export type Claim =
  | {
      readonly kind: 'deliver';
      readonly eventId?: string;
      /** The store key to write the outcome under; absent when not deduplicated (fail-open). */
      readonly key?: string;
    }
  | { readonly kind: 'answer'; readonly outcome: DeliveryOutcome }
  | {
      readonly kind: 'refuse';
      readonly cause: Extract<FailureCause, 'store-unavailable' | 'duplicate-pending'>;
      readonly reason: string;
    };

const PENDING: Entry = { state: 'pending' };
const UNGUARDED: Claim = { kind: 'deliver' };
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;

/** A claim being decided or delivered in this process, for duplicates that arrive meanwhile. */
interface InFlight {
  readonly claim: Promise<Claim>;
  settle(claim: Claim): void;
  fail(error: unknown): void;
}

/**
 * The same Okta eventId sends at most once. The first request claims the id (SET NX PX, a lease
 * of twice the hook deadline) and delivers; a duplicate in the same process waits for that
 * request's outcome, one on another replica polls the store until the outcome is there. The
 * outcome is kept for `store.idempotencyTtlSeconds`, so a later duplicate gets the same answer
 * without a send. A waiter whose owner never finishes (it died) is refused at its deadline, so
 * Okta sends the code itself: a possible second message beats none.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    private readonly config: StoreConfig,
    private readonly policy: DeliveryPolicy,
  ) {}

  /** Without an eventId there is nothing to deduplicate: deliver. */
  async claim(eventId: string | undefined, clock: DeliveryClock): Promise<Claim> {
    if (!eventId) return UNGUARDED;
    const shared = this.inFlight.get(eventId);
    if (shared) return shared.claim;
    const own = inFlight();
    this.inFlight.set(eventId, own);
    let claim: Claim;
    try {
      claim = await this.claimInStore(eventId, `idem:${eventId}`, clock);
    } catch (error) {
      this.finish(eventId, (waiting) => waiting.fail(error));
      throw error;
    }
    if (claim.kind !== 'deliver') this.finish(eventId, (waiting) => waiting.settle(claim));
    return claim;
  }

  /** The claim's delivery ended with `outcome`: keep it for duplicates, and answer the waiting ones. */
  async complete(claim: Claim, outcome: DeliveryOutcome, clock: DeliveryClock): Promise<void> {
    if (claim.kind !== 'deliver' || !claim.eventId) return;
    if (claim.key) {
      const done: Entry = { state: 'done', outcome };
      const write = this.store.set(claim.key, done, this.config.idempotencyTtlSeconds * 1000);
      await settleWrite(
        write,
        this.policy.timeLeft(clock),
        this.store.worstCaseMs,
        this.logger,
        'idempotent answer',
      );
    }
    this.finish(claim.eventId, (waiting) => waiting.settle({ kind: 'answer', outcome }));
  }

  /** The claim's delivery threw: give the id up, so that Okta's retry may deliver. */
  async release(claim: Claim, error: unknown): Promise<void> {
    if (claim.kind !== 'deliver' || !claim.eventId) return;
    if (claim.key) await this.store.delete(claim.key).catch(() => undefined);
    this.finish(claim.eventId, (waiting) => waiting.fail(error));
  }

  private finish(eventId: string, end: (waiting: InFlight) => void): void {
    const waiting = this.inFlight.get(eventId);
    this.inFlight.delete(eventId);
    if (waiting) end(waiting);
  }

  private async claimInStore(eventId: string, key: string, clock: DeliveryClock): Promise<Claim> {
    let owner: boolean;
    try {
      owner = await this.store.setIfAbsent(key, PENDING, this.policy.deadlineMs * 2);
    } catch (error) {
      return this.unavailable(error, eventId);
    }
    return owner ? { kind: 'deliver', eventId, key } : this.follow(eventId, key, clock);
  }

  /** Another request owns the id: wait for its outcome until our own deadline. */
  private async follow(eventId: string, key: string, clock: DeliveryClock): Promise<Claim> {
    let pause = FIRST_POLL_MS;
    for (;;) {
      const entry = await this.store.get<Entry>(key).catch(() => PENDING);
      if (entry?.state === 'done') return { kind: 'answer', outcome: entry.outcome };
      if (entry === undefined) return this.claimInStore(eventId, key, clock);
      if (this.policy.timeLeft(clock) <= pause + this.store.worstCaseMs) break;
      await sleep(pause);
      pause = Math.min(pause * 2, MAX_POLL_MS);
    }
    this.logger.warn({ eventId }, 'duplicate eventId: the first request did not finish in time');
    return {
      kind: 'refuse',
      cause: 'duplicate-pending',
      reason: 'a request with the same eventId did not finish; not sent twice',
    };
  }

  private unavailable(error: unknown, eventId: string): Claim {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const problem = error.message;
    if (this.config.onUnavailable === 'fail-closed') {
      this.logger.warn({ eventId, problem }, 'store unavailable: not sending (fail-closed)');
      return {
        kind: 'refuse',
        cause: 'store-unavailable',
        reason: 'the shared store is unavailable; not sent (fail-closed)',
      };
    }
    this.logger.warn({ eventId, problem }, 'store unavailable: sending without dedupe (fail-open)');
    return { kind: 'deliver', eventId };
  }
}

function inFlight(): InFlight {
  let settle: (claim: Claim) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const claim = new Promise<Claim>((resolve, reject) => ((settle = resolve), (fail = reject)));
  claim.catch(() => undefined); // nobody may be waiting
  return { claim, settle, fail };
}
