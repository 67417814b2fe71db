import { ConsoleSession } from '../console-session';
import { CountryFigures } from '../country-figures';
import { HEALTH_WINDOW_MINUTES, ProviderHealth } from '../provider-health';
import { ms, percent, time } from './format';
import { html } from './html';
import { layout } from './layout';

const BREAKER: Readonly<Record<ProviderHealth['breaker'], string>> = {
  closed: 'closed (sending)',
  'half-open': 'half-open (one probe in flight)',
  open: 'open (skipped)',
};

/** `/console/providers`: breaker state, success rate and latency per provider. */
export function providersPage(
  session: ConsoleSession,
  providers: readonly ProviderHealth[],
  replica: string,
): string {
  return layout({
    title: 'Providers',
    session,
    section: 'providers',
    body: html`<h1>Providers</h1>
      <p class="note">
        Replica ${replica}: its circuit breakers and its attempts of the last
        ${HEALTH_WINDOW_MINUTES} minutes. <a href="/console/providers">Refresh</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Vendor</th>
            <th scope="col">Circuit breaker</th>
            <th scope="col">Attempts</th>
            <th scope="col">Success</th>
            <th scope="col">Latency (median / p95)</th>
            <th scope="col">Last failure</th>
          </tr>
        </thead>
        <tbody>
          ${providers.map(
            (p) =>
              html`<tr>
                <th scope="row">${p.id}</th>
                <td>${p.vendor} <span class="note">(${p.channels.join(', ')})</span></td>
                <td>
                  <span class="status ${p.breaker === 'closed' ? 'good' : 'bad'}"
                    >${BREAKER[p.breaker]}</span
                  >
                </td>
                <td>${p.attempts}</td>
                <td>${percent(p.successRate)}</td>
                <td>${ms(p.medianMs)} / ${ms(p.p95Ms)}</td>
                <td>
                  ${p.lastFailure ? html`${time(p.lastFailure.at)}: ${p.lastFailure.outcome}${p.lastFailure.reason ? ` (${p.lastFailure.reason})` : ''}` : '–'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  });
}

/** `/console/countries`: codes sent against verified per country, with the pumping alarm. */
export function countriesPage(
  session: ConsoleSession,
  figures: CountryFigures,
  replica: string,
): string {
  const alarms = figures.countries.filter((c) => c.alarm);
  return layout({
    title: 'Countries',
    session,
    section: 'countries',
    body: html`<h1>Sent and verified by country</h1>
      ${
        alarms.length > 0
          ? html`<div class="alert" role="alert">
              <h2>Possible SMS pumping</h2>
              <p>
                Codes sent to ${alarms.map((a) => a.country).join(', ')} in the last hour are
                verified at less than half their usual rate. Consider denying the country in
                protection.countries.deny and check the vendor's bill.
              </p>
            </div>`
          : html`<p role="status">No pumping alarm.</p>`
      }
      <p class="note">
        Replica ${replica}. Last hour against the baseline since ${time(figures.baselineSince)} (up
        to 7 days).${figures.hourKnown ? '' : ' Less than an hour of history: the alarm needs one.'}
        Verifications come from Okta's event hook (user.authentication.auth_via_mfa,
        user.mfa.factor.activate).
      </p>
      ${
        figures.countries.length === 0
          ? html`<p>No code has been sent yet.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col">Sent (hour)</th>
                  <th scope="col">Verified (hour)</th>
                  <th scope="col">Verified share (hour)</th>
                  <th scope="col">Verified share (baseline)</th>
                  <th scope="col">Alarm</th>
                </tr>
              </thead>
              <tbody>
                ${figures.countries.map(
                  (c) =>
                    html`<tr>
                      <th scope="row">${c.country}</th>
                      <td>${c.sentHour}</td>
                      <td>${c.verifiedHour}</td>
                      <td>${percent(c.ratioHour)}</td>
                      <td>
                        ${percent(c.ratioBaseline)}
                        <span class="note">(${c.verifiedBaseline} of ${c.sentBaseline})</span>
                      </td>
                      <td>${c.alarm ? html`<span class="status bad">alarm</span>` : 'none'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }`,
  });
}
