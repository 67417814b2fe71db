import { maskPhone } from '../phone/phone-number';
import { scrubDigits } from '../common/scrub';

/** What a redacted value becomes in a log line. */
export const REDACTED = '[redacted]';

type Rule = 'phone' | 'secret' | 'free-text';

const byName = (rule: Rule, names: string[]) => names.map((n) => [n, rule] as const);

/**
 * Field names (compared in lower case, at any depth) whose values never reach a log line as
 * they are. Whoever writes a line cannot forget: a phone number under `to` is masked, a code
 * under `code` is hidden, whatever the call site passed.
 */
const RULES: ReadonlyMap<string, Rule> = new Map([
  ...byName('phone', ['to', 'phone', 'phonenumber', 'msisdn', 'recipient']),
  ...byName('secret', [
    'code',
    'otp',
    'otpcode',
    'text',
    'msgtemplate',
    'message',
    'body',
    'rawbody',
    'headers',
    'authorization',
    'cookie',
    'token',
    'accesstoken',
    'idtoken',
    'secret',
    'secrets',
    'password',
    'apikey',
    'authtoken',
    'secretaccesskey',
    'signature',
  ]),
  // Text we did not write (library and vendor errors) may quote a number or a code.
  ...byName('free-text', ['err', 'error', 'problem']),
]);

/** Deeper than this, a value is replaced rather than walked. */
const MAX_DEPTH = 5;
/** What maskPhone writes: calling code, asterisks, last two digits. */
const MASKED_PHONE = /^\+\d{0,3}\*{2,}\d{0,2}$/;

/**
 * The fields of one log line with every sensitive value masked, hidden or scrubbed. Objects are
 * copied only where something changes: the caller's objects are never modified.
 */
export function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0);
}

/** A log message string with runs of digits hidden (numbers belong in fields). */
export function redactLogMessage(message: string): string {
  return scrubDigits(message);
}

function redactObject(object: object, depth: number): Record<string, unknown> {
  const source = object as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const redacted = redactField(key, value, depth);
    if (redacted !== value) {
      copy ??= { ...source };
      copy[key] = redacted;
    }
  }
  return copy ?? source;
}

function redactField(key: string, value: unknown, depth: number): unknown {
  const rule = RULES.get(key.toLowerCase());
  if (rule === undefined || value === undefined || value === null) return redactValue(value, depth);
  switch (rule) {
    case 'phone':
      return maskIfPhone(value);
    case 'secret':
      return REDACTED;
    case 'free-text':
      return typeof value === 'string' ? scrubDigits(value) : redactValue(value, depth);
  }
}

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return describeError(value);
  if (ArrayBuffer.isView(value)) return REDACTED;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return redactArray(value, depth + 1);
  // Dates and other values with their own JSON form carry no fields of ours.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  return redactObject(value, depth + 1);
}

function redactArray(items: unknown[], depth: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const redacted = redactValue(items[i], depth);
    if (redacted !== items[i]) {
      copy ??= items.slice();
      copy[i] = redacted;
    }
  }
  return copy ?? items;
}

function maskIfPhone(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return REDACTED;
  const text = String(value);
  return MASKED_PHONE.test(text) ? text : maskPhone(text);
}

function describeError(error: Error): Record<string, string> {
  return {
    type: error.name,
    message: scrubDigits(error.message),
    ...(error.stack ? { stack: scrubDigits(error.stack) } : {}),
  };
}
