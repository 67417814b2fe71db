import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { SinchRecipientReport } from './sinch.types';

/** Sinch delivery-report statuses (vendors.md §5.1) in our order of a message's life. */
const STATUS: Readonly<Record<string, ReceiptStatus>> = {
  Queued: 'queued',
  Dispatched: 'sent',
  Unknown: 'sent', // dispatched, and the operator never said more
  Delivered: 'delivered',
  Failed: 'undelivered',
  Expired: 'undelivered',
  Rejected: 'failed',
  Aborted: 'failed',
  Cancelled: 'failed',
  Deleted: 'failed',
};

/**
 * The receipt in a per-recipient SMS delivery report; none for other callback types (batch
 * summaries, which we do not request) or statuses Sinch may add later.
 */
export function sinchReceipts(json: unknown): DeliveryReceipt[] {
  if (!isRecipientReport(json) || !Object.hasOwn(STATUS, json.status)) return [];
  const status = STATUS[json.status];
  const failed = status === 'failed' || status === 'undelivered';
  return [
    {
      transactionId: json.batch_id,
      status,
      vendorStatus: json.status,
      ...(failed && typeof json.code === 'number' ? { errorCode: String(json.code) } : {}),
      ...(typeof json.at === 'string' ? { occurredAt: json.at } : {}),
    },
  ];
}

function isRecipientReport(json: unknown): json is SinchRecipientReport {
  const report = json as Partial<SinchRecipientReport> | null | undefined;
  return (
    report?.type === 'recipient_delivery_report_sms' &&
    typeof report.batch_id === 'string' &&
    typeof report.status === 'string'
  );
}
