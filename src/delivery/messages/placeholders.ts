import { Channel } from '../../providers/channel';

/** What a template may say, and where each value comes from (docs/messages.md). */
export const PLACEHOLDERS = ['code', 'spacedCode', 'expiresInMinutes', 'firstName'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Readonly<Record<Placeholder, string | undefined>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The request fields a template can use. */
export interface TemplateInput {
  readonly code: string;
  /** Okta's `otpExpires`, an ISO-8601 time. */
  readonly otpExpires?: string;
  /** Okta's `userProfile.firstName`; undefined unless the admin allowed personal data. */
  readonly firstName?: string;
}

/** Every `{name}` in `text`, in order, repeats included. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * The values for one request on one channel. `spacedCode` is the code a character at a time:
 * `4 8 0 2 1 3` in an SMS, `4, 8, 0, 2, 1, 3` in a call (the comma makes the voice pause, as
 * the built-in sentence does). `expiresInMinutes` is what is left of Okta's expiry, rounded,
 * at least 1; undefined when Okta sent none or it has passed.
 */
export function placeholderValues(
  input: TemplateInput,
  channel: Channel,
  now = Date.now(),
): PlaceholderValues {
  return {
    code: input.code,
    spacedCode: [...input.code].join(channel === 'voice' ? ', ' : ' '),
    expiresInMinutes: minutesLeft(input.otpExpires, now),
    firstName: cleanName(input.firstName),
  };
}

/**
 * `template` with each placeholder replaced in one pass (a value is never read as a template),
 * or undefined when one it uses has no value for this request.
 */
export function fillTemplate(template: string, values: PlaceholderValues): string | undefined {
  let missing = false;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) missing = true;
    return value ?? whole;
  });
  return missing ? undefined : text;
}

function minutesLeft(expires: string | undefined, now: number): string | undefined {
  const at = expires ? Date.parse(expires) : NaN;
  if (Number.isNaN(at) || at <= now) return undefined;
  return String(Math.max(1, Math.round((at - now) / 60_000)));
}

/** One line of at most 40 characters: a name never adds lines or control characters. */
function cleanName(name: string | undefined): string | undefined {
  const clean = name
    ?.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean ? [...clean].slice(0, 40).join('') : undefined;
}
