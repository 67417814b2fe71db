import { ApiErrorCause } from './api-error';

/** A JSON object's own fields. */
export type Fields = Readonly<Record<string, unknown>>;
/** Where the checks collect what is wrong, in the order the fields are checked. */
export type Problems = ApiErrorCause[];

const path = (at: string, key: string) => (at ? `${at}.${key}` : key);

/** `value` as an object (not null, not an array), else a problem at `location`. */
export function requiredObject(
  problems: Problems,
  value: unknown,
  location: string,
): Fields | undefined {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
  problems.push({ location, reason: `${location} must be an object` });
  return undefined;
}

/** A string of at most `maxLength` characters, when present (null counts as absent). */
export function optionalString(
  problems: Problems,
  parent: Fields,
  key: string,
  at: string,
  maxLength = Infinity,
): void {
  const value = parent[key];
  if (value === undefined || value === null) return;
  checkString(problems, value, key, at, maxLength);
}

/** The object at `key`, when present (null counts as absent); a problem when it is not one. */
export function optionalObject(
  problems: Problems,
  parent: Fields,
  key: string,
  at: string,
): Fields | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  return requiredObject(problems, value, path(at, key));
}

/** A non-empty string of at most `maxLength` characters. */
export function requiredString(
  problems: Problems,
  parent: Fields,
  key: string,
  at: string,
  maxLength: number,
): void {
  const value = parent[key];
  if (value === undefined || value === null || value === '') {
    problems.push({ location: path(at, key), reason: `${key} should not be empty` });
    return;
  }
  checkString(problems, value, key, at, maxLength);
}

/**
 * A non-empty string of at most `maxLength` characters (matching `pattern` when given), or a
 * non-negative safe integer: how Okta sends phone numbers and codes.
 */
export function stringOrNumber(
  problems: Problems,
  parent: Fields,
  key: string,
  at: string,
  maxLength: number,
  pattern?: RegExp,
): void {
  if (!isStringOrNumber(parent[key], maxLength, pattern)) {
    problems.push({
      location: path(at, key),
      reason: `${key} must be a non-empty string or a number of the expected form`,
    });
  }
}

/** The rule of {@link stringOrNumber}, shared with the hook's declared DTO. */
export function isStringOrNumber(value: unknown, maxLength: number, pattern?: RegExp): boolean {
  return typeof value === 'number'
    ? Number.isSafeInteger(value) && value >= 0
    : typeof value === 'string' &&
        value.trim().length > 0 &&
        value.length <= maxLength &&
        (!pattern || pattern.test(value));
}

/** Paths are built only for a problem: the checks run on every OTP. */
function checkString(
  problems: Problems,
  value: unknown,
  key: string,
  at: string,
  maxLength: number,
): void {
  if (typeof value !== 'string') {
    problems.push({ location: path(at, key), reason: `${key} must be a string` });
  } else if (value.length > maxLength) {
    problems.push({
      location: path(at, key),
      reason: `${key} must be shorter than or equal to ${maxLength} characters`,
    });
  }
}
