import { createHash } from 'node:crypto';

/**
 * The console's only style sheet and script, served from /console/assets under a name with their
 * hash (cached for a year, never stale). System fonts; text and links at least 4.5:1 against
 * their background (WCAG AA); focus always visible.
 */
const CSS = `
:root { color-scheme: light; --ink: #1b1b1f; --muted: #4a4a55; --line: #c8c8d0; --link: #0b4fb3;
  --bad: #a3000b; --bad-bg: #fde8ea; --ok: #0b6b2b; --ok-bg: #e4f5ea; --warn: #7a4a00; --warn-bg: #fdf1dc; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); }
header .brand { font-weight: 700; margin-right: auto; }
nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
header form { margin: 0; }
main { padding: 1rem 1.5rem 3rem; max-width: 72rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
form.search { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; margin-bottom: 1rem; }
form.search div { display: flex; flex-direction: column; }
label { font-weight: 600; font-size: .9rem; }
input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid var(--muted); border-radius: 4px; color: var(--ink); background: #fff; }
button { background: var(--link); color: #fff; border-color: var(--link); cursor: pointer; }
button.plain { background: #fff; color: var(--link); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .9rem; color: var(--muted); }
.status { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-weight: 600; font-size: .9rem; }
.status.good { color: var(--ok); background: var(--ok-bg); }
.status.bad { color: var(--bad); background: var(--bad-bg); }
.status.wait { color: var(--warn); background: var(--warn-bg); }
.alert { border: 2px solid var(--bad); background: var(--bad-bg); padding: .75rem 1rem; border-radius: 4px; }
.note { color: var(--muted); }
.why { font-size: 1.1rem; border-left: 4px solid var(--bad); padding: .5rem 1rem; background: var(--bad-bg); }
.why.good { border-color: var(--ok); background: var(--ok-bg); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline > li { position: relative; padding: 0 0 1rem 1.25rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -.55rem; top: .45rem; width: .8rem; height: .8rem; border-radius: 50%; background: var(--muted); }
ol.timeline h3 { font-size: 1rem; margin: 0; }
ol.timeline p { margin: .1rem 0; }
`;

const JS = `
'use strict';
(function () {
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  document.querySelectorAll('time[datetime]').forEach(function (el) {
    var when = new Date(el.getAttribute('datetime'));
    if (isNaN(when.getTime())) return;
    el.title = el.getAttribute('datetime');
    el.textContent = format.format(when);
  });
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.hidden = !navigator.clipboard;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
        button.textContent = 'Copied';
      });
    });
  });
})();
`;

export interface Asset {
  readonly name: string;
  readonly type: string;
  readonly body: string;
}

function asset(base: string, extension: string, type: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${base}.${hash}.${extension}`, type, body };
}

export const STYLE = asset('console', 'css', 'text/css; charset=utf-8', CSS);
export const SCRIPT = asset('console', 'js', 'text/javascript; charset=utf-8', JS);
export const ASSETS: ReadonlyMap<string, Asset> = new Map([STYLE, SCRIPT].map((a) => [a.name, a]));
