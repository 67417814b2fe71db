import { ApiError, ApiErrorCause, ApiErrorCode } from '../common/api-error';
import { DELIVERY_STATUSES, DeliveryStatus } from '../delivery/delivery-record';
import { decodeCursor, Position } from './search-cursor';

/** One page of `GET /deliveries`, parsed and checked. Times in ms since the epoch. */
export interface SearchQuery {
  /** An Okta login or user id, as given (trimmed). */
  readonly user?: string;
  readonly phoneLast4?: string;
  readonly from: number;
  readonly to: number;
  readonly status?: DeliveryStatus;
  readonly provider?: string;
  readonly limit: number;
  readonly cursor?: Position;
}

/** What the checks depend on besides the parameters. */
export interface QueryContext {
  readonly now: number;
  /** How far back records go (`store.recordTtlSeconds`): the default `from`. */
  readonly retentionMs: number;
  /** Whether a last-four digest key is configured (records.phoneLast4Key). */
  readonly lastFourSearchable: boolean;
}

export const STATUSES = DELIVERY_STATUSES;
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;
const PARAMETERS = ['user', 'phoneLast4', 'from', 'to', 'status', 'provider', 'limit', 'cursor'];
/** ISO 8601 date, or date and time with seconds optional and a zone (`Z` or `±hh:mm`). */
const TIME = /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:\d\d))?$/;
const PROVIDER = /^[A-Za-z0-9._-]{1,64}$/;
/** A name an answer may repeat: a word, no run of four digits (a code or a number is not one). */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_.[\]-]{0,63}$/;

type Raw = Readonly<Record<string, unknown>>;

/**
 * The query string of `GET /deliveries`, checked as a whole: every wrong parameter is named in
 * one 400 (its value never quoted), unknown parameters included, so a typo is not a silent
 * "no filter"; an unknown name that is not a plain word is refused without being repeated.
 */
export function parseSearchQuery(raw: Raw, context: QueryContext): SearchQuery {
  const problems: ApiErrorCause[] = [];
  const fail = (location: string, reason: string) => {
    problems.push({ location, reason, locationType: 'query' });
    return undefined;
  };
  checkNames(raw, fail);
  const text = (name: string): string | undefined => {
    const value = raw[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return fail(name, 'give it once');
    return value.trim() === '' ? fail(name, 'must not be empty') : value.trim();
  };
  const query = {
    user: user(text('user'), fail),
    phoneLast4: lastFour(text('phoneLast4'), fail),
    from: time(text('from'), 'from', fail) ?? context.now - context.retentionMs,
    to: time(text('to'), 'to', fail) ?? context.now,
    status: status(text('status'), fail),
    provider: provider(text('provider'), fail),
    limit: limit(text('limit'), fail),
    cursor: cursor(text('cursor'), fail),
  };
  checkTogether(query, raw, context, fail);
  if (problems.length > 0) throw new ApiError(ApiErrorCode.InvalidQuery, problems);
  return query;
}

type Fail = (location: string, reason: string) => undefined;

function checkNames(raw: Raw, fail: Fail): void {
  const known = `known: ${PARAMETERS.join(', ')}`;
  for (const name of Object.keys(raw)) {
    if (PARAMETERS.includes(name)) continue;
    if (PARAMETER_NAME.test(name) && !/\d{4}/.test(name)) fail(name, `unknown parameter; ${known}`);
    else fail('parameter', `unknown parameter, not named here; ${known}`);
  }
}

function user(value: string | undefined, fail: Fail): string | undefined {
  if (value === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (value.length > 256 || /[\u0000-\u001f\u007f]/.test(value)) {
    return fail('user', 'must be an Okta login or user id (at most 256 characters)');
  }
  return value;
}

function lastFour(value: string | undefined, fail: Fail): string | undefined {
  if (value === undefined || /^\d{4}$/.test(value)) return value;
  return fail('phoneLast4', 'must be the last four digits of the number');
}

function time(value: string | undefined, name: string, fail: Fail): number | undefined {
  if (value === undefined) return undefined;
  const ms = TIME.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return fail(name, 'must be an ISO 8601 time, e.g. 2026-05-01T09:30:00Z');
  return ms;
}

function status(value: string | undefined, fail: Fail): DeliveryStatus | undefined {
  if (value === undefined || STATUSES.includes(value as DeliveryStatus)) {
    return value as DeliveryStatus | undefined;
  }
  return fail('status', `must be one of ${STATUSES.join(', ')}`);
}

function provider(value: string | undefined, fail: Fail): string | undefined {
  if (value === undefined || PROVIDER.test(value)) return value;
  return fail('provider', 'must be a provider id');
}

function limit(value: string | undefined, fail: Fail): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (n >= 1 && n <= MAX_LIMIT) return n;
  fail('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
  return DEFAULT_LIMIT;
}

function cursor(value: string | undefined, fail: Fail): Position | undefined {
  if (value === undefined) return undefined;
  return decodeCursor(value) ?? fail('cursor', 'is not a cursor this API gave');
}

function checkTogether(query: SearchQuery, raw: Raw, context: QueryContext, fail: Fail): void {
  if (query.from > query.to && raw.from !== undefined) fail('from', 'must not be after to');
  if (query.phoneLast4 === undefined) return;
  if (query.user === undefined) {
    fail('phoneLast4', 'needs user: the digits are kept per user, never as one list');
  } else if (!context.lastFourSearchable) {
    fail('phoneLast4', 'not available: records.phoneLast4Key is not configured');
  }
}
