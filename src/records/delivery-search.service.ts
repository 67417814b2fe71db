import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { DeliveryRecordService, NewDeliveryRecord } from '../delivery/delivery-record.service';
import { StoreUnavailableError } from '../store/key-value-store';
import { DeliverySearchIndex, identityOf } from './delivery-search.index';
import { encodeCursor, Position, startAt } from './search-cursor';
import { parseSearchQuery, SearchQuery } from './search-query';

/** One page of `GET /deliveries`: records newest first, without their history. */
export interface SearchPage {
  readonly items: readonly NewDeliveryRecord[];
  /** Give it as `cursor` for the next page; null when there is no more. */
  readonly nextCursor: string | null;
}

/** Index entries one request looks at, at most: a page may come back short, with a cursor. */
const SCAN_BUDGET = 1000;
const BATCH = 50;

/**
 * `GET /deliveries`: walks the user's index (or the days' indexes) newest first from the
 * cursor, keeps the entries whose last-four digest matches, reads their records and keeps those
 * of the status and provider asked for, until the page is full or the scan budget is spent.
 */
@Injectable()
export class DeliverySearchService {
  constructor(
    private readonly index: DeliverySearchIndex,
    private readonly records: DeliveryRecordService,
  ) {}

  /** Checks the raw query string, then searches (400 naming each wrong parameter). */
  search(raw: Readonly<Record<string, unknown>>, now = Date.now()): Promise<SearchPage> {
    const query = parseSearchQuery(raw, {
      now,
      retentionMs: this.index.retention,
      lastFourSearchable: this.index.lastFourSearchable,
    });
    return this.run(query);
  }

  async run(query: SearchQuery): Promise<SearchPage> {
    try {
      return await this.scan(query);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new ApiError(ApiErrorCode.StoreUnavailable);
      throw error;
    }
  }

  private async scan(query: SearchQuery): Promise<SearchPage> {
    const digest = query.phoneLast4 && this.index.digestOf(query.user ?? '', query.phoneLast4);
    let position: Position = query.cursor ?? startAt(query.to);
    const items: NewDeliveryRecord[] = [];
    let budget = SCAN_BUDGET;
    for (const key of this.index.keys(query.user, query.from, position.score)) {
      for (;;) {
        if (budget === 0) return { items, nextCursor: encodeCursor(position) };
        const batch = await this.index.after(key, position, query.from, Math.min(BATCH, budget));
        if (batch.length === 0) break;
        budget -= batch.length;
        const wanted = batch.filter((entry) => !digest || entry.digest === digest);
        const found = await this.records.summaries(wanted.map((entry) => entry.deliveryId));
        for (const entry of batch) {
          position = entry.position;
          const record = found.get(entry.deliveryId);
          if (record && matches(record, query)) items.push(record);
          if (items.length === query.limit) return { items, nextCursor: encodeCursor(position) };
        }
      }
    }
    return { items, nextCursor: null };
  }
}

function matches(record: NewDeliveryRecord, query: SearchQuery): boolean {
  if (query.status && record.status !== query.status) return false;
  if (query.provider && record.providerId !== query.provider) return false;
  if (query.user === undefined) return true;
  // The index key is a hash of the user: the record must be theirs (never another's collision).
  const identity = identityOf(query.user);
  const { userId, login } = record.okta;
  return (
    (userId !== undefined && identityOf(userId) === identity) ||
    (login !== undefined && identityOf(login) === identity)
  );
}
