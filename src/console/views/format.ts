import { DeliveryStatus } from '../../delivery/delivery-record';
import { NewDeliveryRecord } from '../../delivery/delivery-record.service';
import { Html, html } from './html';

/** A time the script shows in the reader's zone; UTC without it. */
export function time(iso: string | number): Html {
  const value = typeof iso === 'number' ? new Date(iso).toISOString() : iso;
  return html`<time datetime="${value}">${value.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>`;
}

const TONE: Readonly<Record<DeliveryStatus, 'good' | 'bad' | 'wait'>> = {
  queued: 'wait',
  sent: 'wait',
  delivered: 'good',
  undelivered: 'bad',
  failed: 'bad',
  blocked: 'bad',
};

/** The status as a word in a coloured box (the word carries the meaning, not the colour). */
export function statusBadge(status: DeliveryStatus): Html {
  return html`<span class="status ${TONE[status]}">${status}</span>`;
}

/** One line on why a delivery ended as it did, in words for support staff. */
export function whyOf(record: NewDeliveryRecord): string {
  switch (record.outcome) {
    case 'blocked':
      return `Blocked by protection (${record.cause ?? 'rule'}): ${record.reason ?? ''}`.trim();
    case 'failed':
      return `Not sent (${record.cause ?? 'failed'}): ${record.reason ?? ''}`.trim();
    case 'sent': {
      const failed = record.attempts.filter((a) => a.outcome !== 'sent' && a.outcome !== 'skipped');
      const over =
        failed.length > 0
          ? ` after ${failed.map((a) => `${a.providerId} (${a.outcome})`).join(', ')} failed`
          : '';
      return `Sent through ${record.providerId ?? 'a provider'}${over}; last status ${record.status}`;
    }
  }
}

/** A share as a percentage, or a dash. */
export function percent(ratio: number | undefined): string {
  return ratio === undefined ? '–' : `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)} %`;
}

/** Milliseconds, or a dash. */
export function ms(value: number | undefined): string {
  return value === undefined ? '–' : `${Math.round(value)} ms`;
}
