import { DeliveryRecord, OktaEvent, ReceiptEvent } from '../../delivery/delivery-record';
import { Attempt } from '../../delivery/delivery.types';
import { ConsoleSession } from '../console-session';
import { statusBadge, time, whyOf } from './format';
import { Html, html } from './html';
import { layout } from './layout';

/** The vendor (Twilio, Vonage...) of each provider id, as configured now. */
export type VendorOf = (providerId: string) => string | undefined;

/**
 * `/console/deliveries/:id`: why the delivery ended as it did, then its timeline: Okta's
 * request, protection's decision, each attempt with its vendor and time, the answer to Okta,
 * the vendors' receipts and Okta's own events. Never the code, the text or the whole number.
 */
export function deliveryPage(
  session: ConsoleSession,
  record: DeliveryRecord,
  vendorOf: VendorOf,
): string {
  const good = record.outcome === 'sent' && !['failed', 'undelivered'].includes(record.status);
  return layout({
    title: `Delivery ${record.deliveryId}`,
    session,
    section: 'search',
    body: html`<h1>Delivery to ${record.to}</h1>
      <p class="why${good ? ' good' : ''}">
        <strong>${statusBadge(record.status)}</strong> ${whyOf(record)}
      </p>
      <dl class="facts">
        <dt>User</dt>
        <dd>
          ${record.okta.login ?? '–'}
          ${record.okta.userId ? html`<span class="note">(${record.okta.userId})</span>` : ''}
        </dd>
        <dt>Transaction id</dt>
        <dd>
          <code>${record.transactionId}</code>
          <button type="button" class="plain" data-copy="${record.transactionId}" hidden>
            Copy
          </button>
        </dd>
        <dt>Delivery id</dt>
        <dd><code>${record.deliveryId}</code></dd>
        <dt>Channel</dt>
        <dd>${record.channel}${record.country ? ` to ${record.country}` : ''}</dd>
        <dt>Status since</dt>
        <dd>${time(record.statusAt)}</dd>
      </dl>
      <h2>Timeline</h2>
      <ol class="timeline">
        ${step('Okta asked for a code', record.createdAt, [
          `${record.requestType ?? 'request type not given'}, ${record.channel} to ${record.to}`,
          record.okta.eventId ? `Okta event id ${record.okta.eventId}` : undefined,
        ])}
        ${protectionStep(record)}
        ${record.attempts.map((attempt, i) => attemptStep(attempt, i, vendorOf))}
        ${step(`Okta was answered: ${record.outcome}`, undefined, [
          `${record.durationMs} ms after the request${record.outcome === 'sent' ? `, transaction id ${record.transactionId}` : ''}`,
          record.outcome === 'sent' ? undefined : record.reason,
        ])}
        ${record.history.map((event) => (event.kind === 'receipt' ? receiptStep(event) : oktaStep(event)))}
      </ol>
      ${record.history.length === 0 ? html`<p class="note">No vendor receipt or Okta event has arrived for this delivery.</p>` : ''}`,
  });
}

function step(title: string, at: string | undefined, lines: readonly (string | undefined)[]): Html {
  return html`<li>
    <h3>${title}</h3>
    ${at ? html`<p>${time(at)}</p>` : ''}
    ${lines.filter((l) => l).map((line) => html`<p>${line}</p>`)}
  </li>`;
}

function protectionStep(record: DeliveryRecord): Html {
  const protection = record.protection;
  if (!protection) return step('Protection allowed it', undefined, ['No toll-fraud rule matched']);
  const title =
    protection.action === 'blocked'
      ? 'Protection blocked it: nothing was sent'
      : 'Protection would have blocked it (monitor mode): sent anyway';
  return step(
    title,
    undefined,
    protection.findings.map((f) => `${f.rule}: ${f.reason}`),
  );
}

function attemptStep(attempt: Attempt, i: number, vendorOf: VendorOf): Html {
  const vendor = vendorOf(attempt.providerId);
  const what = attempt.outcome === 'sent' ? 'accepted the message' : `failed: ${attempt.outcome}`;
  return step(
    `Attempt ${i + 1}: ${attempt.providerId}${vendor ? ` (${vendor})` : ''} ${what}`,
    undefined,
    [
      attempt.outcome === 'skipped'
        ? 'Skipped: its circuit breaker was open'
        : `${attempt.latencyMs} ms`,
      attempt.reason,
    ],
  );
}

function receiptStep(receipt: ReceiptEvent): Html {
  return step(`Receipt from ${receipt.providerId}: ${receipt.status}`, receipt.at, [
    `Vendor status ${receipt.vendorStatus}${receipt.errorCode ? `, error code ${receipt.errorCode}` : ''}`,
    receipt.applied ? undefined : 'Came after a final status; the status did not change',
  ]);
}

function oktaStep(event: OktaEvent): Html {
  return step(`Okta recorded ${event.eventType}`, event.at, [
    event.result ? `Result ${event.result}` : undefined,
    event.published ? `Published by Okta at ${event.published}` : undefined,
  ]);
}
