import { Injectable, Logger } from '@nestjs/common';
import { DeliveryReceipt } from '../providers/provider-callbacks';

/** Where verified delivery receipts go. */
export interface ReceiptSink {
  record(providerId: string, receipt: DeliveryReceipt): Promise<void>;
}

export const RECEIPT_SINK = Symbol('RECEIPT_SINK');

/** Until delivery records exist: one log line per receipt. */
@Injectable()
export class LoggingReceiptSink implements ReceiptSink {
  private readonly logger = new Logger('Receipts');

  record(providerId: string, receipt: DeliveryReceipt): Promise<void> {
    this.logger.log({ provider: providerId, ...receipt }, 'delivery receipt');
    return Promise.resolve();
  }
}
