import { Injectable, Logger } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { DeliveryReceipt } from '../providers/provider-callbacks';
import { statusRank } from '../delivery/delivery-record';
import { DeliveryRecordService } from '../delivery/delivery-record.service';
import { DeliveryStatusMetrics } from '../delivery/delivery-status.metrics';
import { StoreUnavailableError } from '../store/key-value-store';
import { cleanReceipt, receiptLogFields } from './receipt-hygiene';
import { ReceiptSink } from './receipt-sink';

const FINAL_RANK = statusRank('delivered');

/**
 * Verified receipts move delivery records forward (`applyReceipt`: a stale receipt is kept in
 * the history but moves nothing, an unknown transaction id is acknowledged and ignored), and
 * each leaves one `delivery receipt` log line; both see only what cleanReceipt keeps. While the store is down the vendor gets 503, so
 * that vendors which retry do.
 */
@Injectable()
export class RecordReceiptSink implements ReceiptSink {
  private readonly logger = new Logger('Receipts');

  constructor(
    private readonly records: DeliveryRecordService,
    private readonly metrics: DeliveryStatusMetrics,
  ) {}

  async record(providerId: string, received: DeliveryReceipt): Promise<void> {
    const receipt = cleanReceipt(received);
    try {
      const now = new Date();
      const result = await this.records.applyReceipt(providerId, receipt, now);
      this.logger.log(
        { provider: providerId, ...receiptLogFields(receipt, result) },
        'delivery receipt',
      );
      this.metrics.receipt(providerId, result);
      if (result === 'applied' && statusRank(receipt.status) >= FINAL_RANK) {
        await this.countFinal(providerId, receipt, now);
      }
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new ApiError(ApiErrorCode.StoreUnavailable);
      throw error;
    }
  }

  private async countFinal(providerId: string, receipt: DeliveryReceipt, now: Date): Promise<void> {
    const record = await this.records.find(receipt.transactionId);
    this.metrics.final(receipt.status, providerId, record?.country);
    if (receipt.status !== 'delivered' || !record) return;
    const acceptedAt = Date.parse(record.createdAt) + record.durationMs;
    this.metrics.delivered(providerId, record.channel, (now.getTime() - acceptedAt) / 1000);
  }
}
