import { NewDeliveryRecord } from '../delivery/delivery-record.service';
import { Output } from './output';

/**
 * Deliveries as a table, one line each (numbers masked as the gateway keeps them), and their
 * count; the user column only when the search was not for one user.
 */
export function printDeliveries(
  out: Output,
  items: readonly NewDeliveryRecord[],
  { withUser }: { readonly withUser: boolean },
): void {
  if (items.length === 0) return out.line('No delivery found.');
  const user = (r: NewDeliveryRecord) => (withUser ? [r.okta.login ?? r.okta.userId ?? '-'] : []);
  out.columns(
    [
      'CREATED',
      'STATUS',
      'CHANNEL',
      'TO',
      'PROVIDER',
      ...(withUser ? ['USER'] : []),
      'TRANSACTION ID',
      'CAUSE',
    ],
    items.map((r) => [
      r.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      r.status,
      [r.channel, r.country].filter(Boolean).join(' '),
      r.to,
      r.providerId ?? '-',
      ...user(r),
      r.transactionId,
      r.cause ?? '',
    ]),
  );
  out.line(
    items.length === 1 ? '1 delivery, newest first.' : `${items.length} deliveries, newest first.`,
  );
}
