import type { Logger } from 'pino';
import { storage, Store } from 'nestjs-pino/storage';

/** What every log line of one request carries once it is known. */
export interface LogContextFields {
  requestId?: string;
  /** Okta's id for the hook call. */
  eventId?: string;
  /** The id Okta got back: the vendor's message id, or our delivery id when nothing was sent. */
  transactionId?: string;
}

/**
 * nestjs-pino's per-request store (its AsyncLocalStorage, which every `new Logger()` of Nest
 * already reads), extended with the fields of the request. The logger stays the root one: the
 * fields join each line through pino's `mixin`, so learning one costs no child logger.
 */
export class RequestLogStore extends Store {
  readonly fields: LogContextFields;

  constructor(logger: Logger, requestId: string) {
    super(logger);
    this.fields = { requestId };
  }
}

const NONE: LogContextFields = Object.freeze({});

/** Adds fields to every later log line of the current request; outside a request, nothing. */
export function assignLogContext(fields: LogContextFields): void {
  const store = storage.getStore();
  if (store instanceof RequestLogStore) Object.assign(store.fields, fields);
}

/** The current request's fields (pino `mixin`); never to be modified by the caller. */
export function logContextFields(): LogContextFields {
  const store = storage.getStore();
  return store instanceof RequestLogStore ? store.fields : NONE;
}

/**
 * pino `mixinMergeStrategy`: the line's own fields win over the context's, and neither object
 * is modified (pino's default would write the line's fields into the context). Object.assign,
 * not `{ ...a, ...b }`: on Node 20 the double spread is about 40 times slower.
 */
export function mergeLogContext(line: object, context: object): object {
  return context === NONE ? line : Object.assign({}, context, line);
}
