import { ApiErrorCause } from '../../common/api-error';
import { SearchPage } from '../../records/delivery-search.service';
import { STATUSES } from '../../records/search-query';
import { ConsoleSession } from '../console-session';
import { statusBadge, time, whyOf } from './format';
import { Html, html } from './html';
import { layout } from './layout';

/** The search form's fields as given (to fill the form again). */
export type SearchForm = Readonly<Record<string, string | undefined>>;

/** What the search page shows: nothing searched yet, a page of results, or what was wrong. */
export type SearchResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'page'; readonly page: SearchPage }
  | { readonly kind: 'invalid'; readonly causes: readonly ApiErrorCause[] };

/** `/console`: find a user's deliveries, newest first, with why each ended as it did. */
export function searchPage(
  session: ConsoleSession,
  form: SearchForm,
  result: SearchResult,
): string {
  return layout({
    title: 'Deliveries',
    session,
    section: 'search',
    body: html`<h1>Deliveries</h1>
      ${searchForm(form)} ${resultOf(form, result)}`,
  });
}

function searchForm(form: SearchForm): Html {
  const field = (name: string, label: string, hint: string, attributes: Html = html``) =>
    html`<div>
      <label for="${name}">${label}</label>
      <input
        id="${name}"
        name="${name}"
        value="${form[name] ?? ''}"
        aria-describedby="${name}-hint"
        ${attributes}
      />
      <span id="${name}-hint" class="note">${hint}</span>
    </div>`;
  return html`<form class="search" method="get" action="/console" role="search">
    ${field('user', 'Okta user', 'login or user id', html`required autocomplete="off" spellcheck="false"`)}
    ${field('phoneLast4', 'Last 4 digits', 'optional', html`inputmode="numeric" pattern="[0-9]{4}" maxlength="4" autocomplete="off"`)}
    <div>
      <label for="status">Status</label>
      <select id="status" name="status">
        <option value="">any</option>
        ${STATUSES.map((s) => html`<option value="${s}" ${form.status === s ? html` selected` : ''}>${s}</option>`)}</select
      ><span class="note">optional</span>
    </div>
    ${field('from', 'From', 'e.g. 2026-05-01', html`autocomplete="off"`)}
    ${field('to', 'To', 'e.g. 2026-05-02T12:00:00Z', html`autocomplete="off"`)}
    <div><button type="submit">Search</button></div>
  </form>`;
}

function resultOf(form: SearchForm, result: SearchResult): Html {
  switch (result.kind) {
    case 'none':
      return html`<p class="note">
        Search by the user's Okta login (e.g. jane.doe@example.com) or user id (00u…).
      </p>`;
    case 'invalid':
      return html`<div class="alert" role="alert">
        <h2>Check the search</h2>
        <ul>
          ${result.causes.map((c) => html`<li>${c.location}: ${c.reason}</li>`)}
        </ul>
      </div>`;
    case 'page':
      return table(form, result.page);
  }
}

function table(form: SearchForm, page: SearchPage): Html {
  if (page.items.length === 0) {
    return html`<h2>Results</h2>
      <p role="status">No deliveries found for ${form.user ?? 'this search'}.</p>`;
  }
  const next = new URLSearchParams(
    Object.entries({ ...form, cursor: page.nextCursor ?? '' }).filter(
      (entry): entry is [string, string] => !!entry[1],
    ),
  );
  return html`<h2>Results</h2>
    <table>
      <caption class="note">
        ${page.items.length} deliveries, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Status</th>
          <th scope="col">Channel</th>
          <th scope="col">To</th>
          <th scope="col">Why</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        ${page.items.map(
          (r) =>
            html`<tr>
              <td>${time(r.createdAt)}</td>
              <td>${statusBadge(r.status)}</td>
              <td>${r.channel}${r.country ? ` · ${r.country}` : ''}</td>
              <td>${r.to}</td>
              <td>${whyOf(r)}</td>
              <td>
                <a href="/console/deliveries/${encodeURIComponent(r.deliveryId)}"
                  >Timeline<span class="skip"> of the delivery at ${r.createdAt}</span></a
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${page.nextCursor ? html`<p><a href="/console?${next.toString()}" rel="next">Older deliveries</a></p>` : ''}`;
}
