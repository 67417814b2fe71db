import { Inject, Injectable } from '@nestjs/common';
import { DeliveryReceipt } from '../providers/provider-callbacks';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { DeliveryRecord, OktaEvent, RecordEvent, StatusEntry, statusRank } from './delivery-record';

/** The record as written once at delivery; status moves and history live beside it. */
export type NewDeliveryRecord = Omit<DeliveryRecord, 'history'>;

/** What a receipt did: moved the status, came too late to move it, or matched no record. */
export type ReceiptResult = 'applied' | 'stale' | 'unknown';

interface TransactionIndex {
  readonly deliveryId: string;
  readonly providerId: string;
}

/** Receipts and events kept per record; a chatty vendor cannot grow one without bound. */
const HISTORY_MAX = 50;

/**
 * Delivery records in the shared store, each kept `store.recordTtlSeconds`:
 * `rec:<delivery id>` (written once), `rec-tx:<transaction id>` (index for sent deliveries),
 * `rec:<delivery id>:status` (a forward-only register) and `rec:<delivery id>:history`.
 * Every change after the first write is one atomic store operation, so receipts arriving on
 * several replicas at once never move a status backwards.
 */
@Injectable()
export class DeliveryRecordService {
  private readonly ttlMs: number;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    config: StoreConfig,
  ) {
    this.ttlMs = config.recordTtlSeconds * 1000;
  }

  async save(record: NewDeliveryRecord): Promise<void> {
    const writes = [this.store.set(`rec:${record.deliveryId}`, record, this.ttlMs)];
    if (record.providerId && record.transactionId !== record.deliveryId) {
      const index: TransactionIndex = {
        deliveryId: record.deliveryId,
        providerId: record.providerId,
      };
      writes.push(this.store.set(`rec-tx:${record.transactionId}`, index, this.ttlMs));
    }
    await Promise.all(writes);
  }

  /** The record by the transaction id Okta got, or by delivery id. */
  async find(id: string): Promise<DeliveryRecord | undefined> {
    const index = await this.store.get<TransactionIndex>(`rec-tx:${id}`);
    const deliveryId = index?.deliveryId ?? id;
    const [record, status, history] = await Promise.all([
      this.store.get<NewDeliveryRecord>(`rec:${deliveryId}`),
      this.store.get<StatusEntry>(`rec:${deliveryId}:status`),
      this.store.list<RecordEvent>(`rec:${deliveryId}:history`),
    ]);
    if (!record) return undefined;
    return { ...withStatus(record, status), history };
  }

  /**
   * Records by delivery id without their history, status moves applied, for lists (delivery
   * search); an expired or unknown id is left out.
   */
  async summaries(deliveryIds: readonly string[]): Promise<Map<string, NewDeliveryRecord>> {
    const found = await Promise.all(
      deliveryIds.map((id) =>
        Promise.all([
          this.store.get<NewDeliveryRecord>(`rec:${id}`),
          this.store.get<StatusEntry>(`rec:${id}:status`),
        ]),
      ),
    );
    const summaries = new Map<string, NewDeliveryRecord>();
    found.forEach(([record, status], i) => {
      if (record) summaries.set(deliveryIds[i], withStatus(record, status));
    });
    return summaries;
  }

  /**
   * A vendor's delivery receipt: moves the status forward only (atomic on Redis), and keeps the
   * receipt in the history either way. A receipt from another provider than the one that sent
   * matches nothing.
   */
  async applyReceipt(
    providerId: string,
    receipt: DeliveryReceipt,
    now = new Date(),
  ): Promise<ReceiptResult> {
    const index = await this.store.get<TransactionIndex>(`rec-tx:${receipt.transactionId}`);
    if (!index || index.providerId !== providerId) return 'unknown';
    const at = now.toISOString();
    const status: StatusEntry = { rank: statusRank(receipt.status), status: receipt.status, at };
    const applied = await this.store.advance(`rec:${index.deliveryId}:status`, status, this.ttlMs);
    const event: RecordEvent = { kind: 'receipt', at, providerId, ...receipt, applied };
    await this.store.append(`rec:${index.deliveryId}:history`, event, this.ttlMs, HISTORY_MAX);
    return applied ? 'applied' : 'stale';
  }

  /** Attaches an Okta event-hook event to the record with this transaction or delivery id. */
  async attachEvent(id: string, event: Omit<OktaEvent, 'kind'>): Promise<boolean> {
    const index = await this.store.get<TransactionIndex>(`rec-tx:${id}`);
    const deliveryId = index?.deliveryId ?? id;
    if ((await this.store.get(`rec:${deliveryId}`)) === undefined) return false;
    const entry: OktaEvent = { kind: 'okta-event', ...event };
    await this.store.append(`rec:${deliveryId}:history`, entry, this.ttlMs, HISTORY_MAX);
    return true;
  }
}

/** The record with the status its receipts moved it to, if any. */
function withStatus(record: NewDeliveryRecord, status?: StatusEntry): NewDeliveryRecord {
  return status ? { ...record, status: status.status, statusAt: status.at } : record;
}
