import { ConsoleSession } from '../console-session';
import { SCRIPT, STYLE } from './assets';
import { Html, html } from './html';

/** The pages of the navigation. */
export type Section = 'search' | 'providers' | 'countries' | 'watchlist';

const SECTIONS: readonly [Section, string, string][] = [
  ['search', 'Deliveries', '/console'],
  ['providers', 'Providers', '/console/providers'],
  ['countries', 'Countries', '/console/countries'],
  ['watchlist', 'Watch list', '/console/watchlist'],
];

/** One page: its title, main content, and who is signed in (none on the sign-in pages). */
export interface Page {
  readonly title: string;
  readonly body: Html;
  readonly session?: ConsoleSession;
  readonly section?: Section;
}

/**
 * The document around every console page: skip link, one `h1` per page (in `body`), the
 * navigation and the sign-out form when signed in, the style sheet and script from
 * /console/assets (no inline script or style: the CSP forbids both).
 */
export function layout(page: Page): string {
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${page.title} · OTP support console</title>
        <link rel="stylesheet" href="/console/assets/${STYLE.name}" />
        <script src="/console/assets/${SCRIPT.name}" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header>
          <span class="brand">OTP support console</span>
          ${page.session ? navigation(page.session, page.section) : ''}
        </header>
        <main id="main" tabindex="-1">${page.body}</main>
      </body>
    </html>`.markup
  }\n`;
}

function navigation(session: ConsoleSession, current?: Section): Html {
  return html`<nav aria-label="Console">
      <ul>
        ${SECTIONS.map(
          ([section, label, href]) =>
            html`<li>
              <a href="${href}" ${section === current ? html` aria-current="page"` : ''}
                >${label}</a
              >
            </li>`,
        )}
      </ul>
    </nav>
    <span>Signed in as ${session.user.name}</span>
    <form method="post" action="/console/logout">
      <input type="hidden" name="csrf" value="${session.csrf}" />
      <button type="submit" class="plain">Sign out</button>
    </form>`;
}

/** A page that only says something (signed out, refused, not found). */
export function messagePage(
  title: string,
  lines: readonly (string | Html)[],
  session?: ConsoleSession,
): string {
  return layout({
    title,
    session,
    body: html`<h1>${title}</h1>
      ${lines.map((line) => html`<p>${line}</p>`)}`,
  });
}
