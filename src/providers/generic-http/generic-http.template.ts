/** What a template may say; each name is `{{name}}` in a string (spaces inside the braces allowed). */
export const PLACEHOLDERS = [
  'to', // recipient, E.164 with `+`
  'toDigits', // recipient, E.164 without `+`
  'from', // the configured sender
  'text', // the SMS text (Okta's msgTemplate)
  'code', // the one-time code
  'channel', // sms | voice
  'locale', // the person's locale as Okta sent it
  'deliveryId', // our delivery id
  'speech', // the spoken sentence, said twice
  'speechLanguage', // its language
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Readonly<Record<Placeholder, string>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** CR, LF or NUL: a header value holding one could split the request (header injection). */
export function hasLineBreak(text: string): boolean {
  return /[\r\n\0]/.test(text);
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Replaces every `{{name}}` in one pass: a value is never scanned again, so message text that
 * contains `{{code}}` stays as written. Unknown names are left as written (the boot check
 * refuses them).
 */
export function substitute(
  text: string,
  values: TemplateValues,
  encode = (v: string) => v,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) ? encode(values[name]) : whole,
  );
}

/** Every placeholder name used in the strings of `node`, known or not. */
export function placeholdersIn(node: unknown): string[] {
  if (typeof node === 'string') return [...node.matchAll(PLACEHOLDER)].map((m) => m[1]);
  if (Array.isArray(node)) return node.flatMap(placeholdersIn);
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(placeholdersIn);
  return [];
}

/** Names in `node` that are not placeholders. */
export function unknownPlaceholders(node: unknown): string[] {
  return [...new Set(placeholdersIn(node).filter((name) => !isPlaceholder(name)))];
}

/**
 * The template with its string leaves substituted (keys and other scalars kept), serialised by
 * JSON.stringify: a value can only ever be a string, never new fields.
 */
export function renderJson(template: unknown, values: TemplateValues): string {
  return JSON.stringify(fill(template, values));
}

function fill(node: unknown, values: TemplateValues): unknown {
  if (typeof node === 'string') return substitute(node, values);
  if (Array.isArray(node)) return node.map((item) => fill(item, values));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  }
  return node;
}

/** A form body: each field's value substituted, then encoded by URLSearchParams. */
export function renderForm(
  template: Readonly<Record<string, unknown>>,
  values: TemplateValues,
): string {
  const form = new URLSearchParams();
  for (const [field, value] of Object.entries(template)) {
    form.append(field, substitute(String(value), values));
  }
  return form.toString();
}
