import { WatchPolicy, WatchView } from '../../protection/watch-view';
import { ConsoleSession } from '../console-session';
import { percent, time } from './format';
import { Html, html } from './html';
import { layout } from './layout';

const TEST: Readonly<Record<WatchView['test'], string>> = {
  poor: 'poor: few codes ever verified',
  drop: 'drop: far below its baseline',
  burst: 'burst: new numbers faster than codes are due',
};

/** `/console/watchlist`: the keys protection watches for SMS pumping, and what a watch does. */
export function watchListPage(
  session: ConsoleSession,
  policy: WatchPolicy,
  watched: readonly WatchView[],
): string {
  return layout({
    title: 'Watch list',
    session,
    section: 'watchlist',
    body: html`<h1>Watch list</h1>
      <p role="status">${whatItDoes(policy)}</p>
      <p class="note">
        Countries, number ranges and client networks whose codes stopped being verified, from the
        shared store (every replica's). A range shows its country code and five digits at most.
        <a href="/console/watchlist">Refresh</a>
      </p>
      ${policy.enabled ? table(policy, watched) : ''}`,
  });
}

function whatItDoes(policy: WatchPolicy): string {
  if (!policy.enabled) return 'The watch list is off (protection.adaptive.enabled is false).';
  const which = `deliveries of ${policy.requestTypes.join(', ')} requests to a watched key`;
  if (policy.monitored) return `Monitor mode: ${which} are recorded as would-block, never blocked.`;
  if (policy.action === 'step-down') {
    return `Stepped down: ${which} get no voice call, and SMS up to protection.adaptive.stepDown.limit per window.`;
  }
  return `Blocked: ${which} are refused, unless a verified history vouches for them.`;
}

function table(policy: WatchPolicy, watched: readonly WatchView[]): Html {
  if (watched.length === 0) return html`<p>No key is on the watch list.</p>`;
  return html`<table>
    <caption class="note">
      ${watched.length === 1 ? '1 watched key' : `${watched.length} watched keys`}, newest first
    </caption>
    <thead>
      <tr>
        <th scope="col">Key</th>
        <th scope="col">Kind</th>
        <th scope="col">Country</th>
        <th scope="col">Sent</th>
        <th scope="col">Verified</th>
        <th scope="col">Baseline</th>
        <th scope="col">Evidence</th>
        <th scope="col">Since</th>
        <th scope="col">Until</th>
        <th scope="col">Action</th>
        <th scope="col">Monitored</th>
      </tr>
    </thead>
    <tbody>
      ${watched.map(
        (w) =>
          html`<tr>
            <th scope="row">${w.key}</th>
            <td>${w.kind}</td>
            <td>${w.country}</td>
            <td>${w.sent}</td>
            <td>${w.verified}</td>
            <td>${percent(w.baseline)}</td>
            <td>
              ${TEST[w.test]}${w.strikes > 0 ? html` <span class="note">(watched ${w.strikes} time${w.strikes === 1 ? '' : 's'} before)</span>` : ''}
            </td>
            <td>${time(w.since)}</td>
            <td>${time(w.until)}</td>
            <td>${policy.action}</td>
            <td>${policy.monitored ? 'yes: counted, not blocked' : 'no'}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
