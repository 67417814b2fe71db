import { Inject, Injectable } from '@nestjs/common';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { EventFacts, IndexedDelivery } from './delivery-matcher';
import { EventsConfig } from './events.config';
import { PhoneVerificationEvent } from './phone-verification-event';

/** An event that came before its delivery, waiting for it. */
export interface ParkedEvent {
  readonly event: PhoneVerificationEvent;
  readonly facts: EventFacts;
}

/** A user's recent deliveries or waiting events: a few suffice, a flood cannot grow a list. */
const PER_USER = 20;

/**
 * The event hook's keys in the shared store: `evt-seen:<uuid>` (dedupe), `evt-link:<uuid>`
 * (the event is attached to a record), `evt-verified:<delivery id>` (its vendor was told it
 * was verified), `evt-idx:<user id>` (the user's recent deliveries, kept as long as records)
 * and `evt-park:<user id>` (events waiting for their delivery, kept for the correlation window).
 */
@Injectable()
export class DeliveryIndexStore {
  private readonly dedupeMs: number;
  private readonly recordMs: number;
  private readonly windowMs: number;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    storeConfig: StoreConfig,
    events: EventsConfig,
  ) {
    this.dedupeMs = events.dedupeTtlSeconds * 1000;
    this.recordMs = storeConfig.recordTtlSeconds * 1000;
    this.windowMs = events.correlationWindowSeconds * 1000;
  }

  /** True the first time this event uuid is seen, on any replica. */
  claimEvent(uuid: string): Promise<boolean> {
    return this.store.setIfAbsent(`evt-seen:${uuid}`, 1, this.dedupeMs);
  }

  /** True when this call may attach the event (no other replica has). */
  claimLink(uuid: string): Promise<boolean> {
    return this.store.setIfAbsent(`evt-link:${uuid}`, 1, this.dedupeMs);
  }

  /** True when this call may report the delivery verified to its vendor (once, across replicas). */
  claimVerified(deliveryId: string): Promise<boolean> {
    return this.store.setIfAbsent(`evt-verified:${deliveryId}`, 1, this.recordMs);
  }

  releaseLink(uuid: string): Promise<void> {
    return this.store.delete(`evt-link:${uuid}`);
  }

  addDelivery(userId: string, delivery: IndexedDelivery): Promise<void> {
    return this.store.append(`evt-idx:${userId}`, delivery, this.recordMs, PER_USER);
  }

  deliveries(userId: string): Promise<IndexedDelivery[]> {
    return this.store.list<IndexedDelivery>(`evt-idx:${userId}`);
  }

  park(userId: string, parked: ParkedEvent): Promise<void> {
    return this.store.append(`evt-park:${userId}`, parked, this.windowMs, PER_USER);
  }

  parked(userId: string): Promise<ParkedEvent[]> {
    return this.store.list<ParkedEvent>(`evt-park:${userId}`);
  }
}
