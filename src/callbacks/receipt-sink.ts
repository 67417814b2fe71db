import { DeliveryReceipt } from '../providers/provider-callbacks';

/** Where verified delivery receipts go. */
export interface ReceiptSink {
  record(providerId: string, receipt: DeliveryReceipt): Promise<void>;
}

export const RECEIPT_SINK = Symbol('RECEIPT_SINK');
