import { DeliveryReceipt, ReceiptStatus } from '../provider-callbacks';
import { InfobipReport } from './infobip.types';

/** Our status for each Infobip status group (vendors.md §6.4). */
const BY_GROUP: Readonly<Record<string, ReceiptStatus>> = {
  ACCEPTED: 'queued',
  PENDING: 'sent',
  DELIVERED: 'delivered',
  EXPIRED: 'undelivered',
  REJECTED: 'failed',
};

/**
 * Our status for one report: by status group, and for UNDELIVERABLE by `error.permanent`
 * (a temporary failure may still be retried by the network).
 */
function receiptStatus(report: InfobipReport): ReceiptStatus | undefined {
  const group = report.status?.groupName;
  if (group === 'UNDELIVERABLE') return report.error?.permanent === true ? 'failed' : 'undelivered';
  return group !== undefined && Object.hasOwn(BY_GROUP, group) ? BY_GROUP[group] : undefined;
}

/** The receipts in an SMS (v3) or voice delivery report (`{results:[...]}`). */
export function infobipReceipts(json: unknown): DeliveryReceipt[] {
  const results = (json as { results?: unknown } | null | undefined)?.results;
  if (!Array.isArray(results)) return [];
  return results.flatMap((entry: InfobipReport | null) => {
    const status = entry ? receiptStatus(entry) : undefined;
    if (!entry || !status || typeof entry.messageId !== 'string') return [];
    const error = entry.error;
    const failedWith = error && error.groupName !== 'OK' ? (error.name ?? error.id) : undefined;
    const at = entry.doneAt ?? entry.sentAt;
    const receipt: DeliveryReceipt = {
      transactionId: entry.messageId,
      status,
      vendorStatus: entry.status?.name ?? entry.status?.groupName ?? '',
      ...(failedWith !== undefined ? { errorCode: String(failedWith) } : {}),
      ...(typeof at === 'string' ? { occurredAt: at } : {}),
    };
    return [receipt];
  });
}
