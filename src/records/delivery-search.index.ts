import { Inject, Injectable } from '@nestjs/common';
import { digest } from '../common/digest';
import { DeliveryObserver } from '../delivery/delivery-observers';
import { NewDeliveryRecord } from '../delivery/delivery-record.service';
import { PhoneNumberInfo } from '../phone/phone-number';
import { IndexBounds, IndexEntry, KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { lastFourOf, PHONE_DIGEST, PhoneDigest } from './phone-digest';
import { isAfter, Position } from './search-cursor';

const DAY_MS = 86_400_000;
/** A user's deliveries kept in their index: months of a real user, bounded for a flood. */
const PER_USER = 500;
/** A day's deliveries kept in its index (Redis; the memory driver keeps what its store holds). */
const PER_DAY = 200_000;
/** Longest run of one score a read steps over (deliveries created in the same millisecond). */
const MAX_READ = 4096;
/** Between a delivery id and the digest of its last four digits, in a member of a user index. */
const SEPARATOR = '~';

/** A delivery as its search index knows it. */
export interface IndexedDelivery {
  readonly deliveryId: string;
  readonly position: Position;
  /** Digest of the number's last four digits (user indexes only). */
  readonly digest?: string;
}

/** How a user (an Okta login or user id) is looked up: case does not matter. */
export function identityOf(user: string): string {
  return user.trim().toLowerCase();
}

/**
 * The search indexes of delivery records, told of every delivery through DeliveryObservers:
 * `dix:user:<hash of the user>` (one per Okta user id and one per login) and
 * `dix:day:<YYYY-MM-DD>` (UTC), sorted by creation time, each kept as long as the records. Every
 * write and read is one command on one key: no SCAN, no key across hash slots.
 */
@Injectable()
export class DeliverySearchIndex implements DeliveryObserver {
  private readonly retentionMs: number;
  private readonly perDay: number;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    config: StoreConfig,
    @Inject(PHONE_DIGEST) private readonly digest: PhoneDigest | null,
  ) {
    this.retentionMs = config.recordTtlSeconds * 1000;
    this.perDay = config.driver === 'memory' ? config.memoryMaxEntries : PER_DAY;
  }

  get lastFourSearchable(): boolean {
    return this.digest !== null;
  }

  get retention(): number {
    return this.retentionMs;
  }

  async delivered(record: NewDeliveryRecord, phone?: PhoneNumberInfo): Promise<void> {
    const score = Date.parse(record.createdAt);
    const bounds = (maxLength: number, ttlMs: number): IndexBounds => ({
      ttlMs,
      maxLength,
      minScore: score - this.retentionMs,
    });
    const lastFour = phone ? lastFourOf(phone.e164) : undefined;
    const users = [record.okta.userId, record.okta.login].filter((u): u is string => !!u);
    await Promise.all([
      ...[...new Set(users.map(identityOf))].map((identity) => {
        const digest = lastFour ? this.digest?.of(identity, lastFour) : undefined;
        const member = digest ? `${record.deliveryId}${SEPARATOR}${digest}` : record.deliveryId;
        return this.store.addToIndex(
          userKey(identity),
          { member, score },
          bounds(PER_USER, this.retentionMs),
        );
      }),
      this.store.addToIndex(
        dayKey(score),
        { member: record.deliveryId, score },
        bounds(this.perDay, this.retentionMs + DAY_MS),
      ),
    ]);
  }

  /** The digest a user's index keeps for these four digits. */
  digestOf(user: string, lastFour: string): string | undefined {
    return this.digest?.of(identityOf(user), lastFour);
  }

  /** Index keys to read for a search, newest first: the user's, or each day's from `to` to `from`. */
  keys(user: string | undefined, from: number, to: number): string[] {
    if (user !== undefined) return [userKey(identityOf(user))];
    const keys: string[] = [];
    for (let day = Math.floor(to / DAY_MS); day >= Math.floor(from / DAY_MS); day--) {
      keys.push(dayKey(day * DAY_MS));
    }
    return keys;
  }

  /** Up to `limit` entries of the index after the position, scored `min` or more. */
  async after(
    key: string,
    position: Position,
    min: number,
    limit: number,
  ): Promise<IndexedDelivery[]> {
    for (let read = limit; read <= MAX_READ; read *= 2) {
      const batch = await this.store.readIndex(key, { min, max: position.score, limit: read });
      const fresh = batch.filter((entry) => isAfter(entry, position));
      if (fresh.length > 0 || batch.length < read) return fresh.slice(0, limit).map(toIndexed);
    }
    return [];
  }
}

function toIndexed(entry: IndexEntry): IndexedDelivery {
  const [deliveryId, digest] = entry.member.split(SEPARATOR);
  return { deliveryId, position: entry, ...(digest ? { digest } : {}) };
}

function userKey(identity: string): string {
  return `dix:user:${digest(identity).slice(0, 22)}`;
}

function dayKey(ms: number): string {
  return `dix:day:${new Date(ms).toISOString().slice(0, 10)}`;
}
