/** Markup that is already safe: the result of {@link html}, never text from outside. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

/**
 * HTML template: every interpolated value is escaped unless it is {@link Html}; arrays are
 * joined; `null`, `undefined` and `false` write nothing. Pages are built only with this.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let markup = strings[0];
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1];
  });
  return new Html(markup);
}

function render(value: Value): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
