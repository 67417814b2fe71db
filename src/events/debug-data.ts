import { maskOktaPhone, readOktaPhone } from './okta-phone';

type Json = Readonly<Record<string, unknown>>;

/**
 * Okta documents debug-data keys in snake_case (`is_sms_hook_failover`) and sends camelCase
 * (`isSmsHookFailover`, the mapping being inferred for most keys): keys are compared with case
 * and underscores ignored, so either spelling is found.
 */
export function debugValue(debugData: Json, ...names: readonly string[]): unknown {
  const wanted = new Set(names.map(normalizeKey));
  for (const [key, value] of Object.entries(debugData)) {
    if (wanted.has(normalizeKey(key)) && value !== null && value !== undefined) return value;
  }
  return undefined;
}

/** A debug value as text: strings as they are, numbers and booleans written out. */
export function debugText(debugData: Json, ...names: readonly string[]): string | null {
  const value = debugValue(debugData, ...names);
  if (typeof value === 'string') return value === '' ? null : value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
}

/** Okta writes its "boolean" debug values as strings; both forms count. */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** The object at `value`, or an empty one. */
export function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

const PHONE_LIKE = /^\+[\d\s().\-xX*•#]{6,}$/;
const DIGIT_RUN = /\d{4}/;

/**
 * A copy of an Okta event (or part of one) with every phone number masked: values under a key
 * that names a phone, values written like an international number, and the `alternateId` and
 * `displayName` of a `MobilePhone` resource. Other values are kept as Okta sent them.
 */
export function maskPhones(value: unknown, key = ''): unknown {
  if (typeof value === 'string' || typeof value === 'number') {
    if (normalizeKey(key).includes('phone')) return maskNamed(value);
    return typeof value === 'string' && PHONE_LIKE.test(value.trim()) ? maskNamed(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskPhones(item, key));
  if (value === null || typeof value !== 'object') return value;
  const isPhone = (value as Json).type === 'MobilePhone';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const named = isPhone && (k === 'alternateId' || k === 'displayName');
    out[k] = named ? maskNamed(v) : maskPhones(v, k);
  }
  return out;
}

/** A value that may be a number: masked when it reads as one or holds four digits in a row. */
function maskNamed(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const phone = readOktaPhone(value);
  if (phone) return maskOktaPhone(phone);
  return DIGIT_RUN.test(String(value)) || PHONE_LIKE.test(String(value)) ? '[masked]' : value;
}

function normalizeKey(key: string): string {
  return key.replace(/_/g, '').toLowerCase();
}
