import { ApiCall, EventHookView, HookAuth, InlineHookView } from './okta-api';

type Json = Record<string, unknown>;

/** An SDK InlineHook (or any object of its shape) as what `otg` compares and prints. */
export function inlineHookView(model: unknown): InlineHookView {
  const hook = object(model);
  const channel = object(hook.channel);
  const config = object(channel.config);
  return {
    id: text(hook.id) ?? '',
    name: text(hook.name) ?? '',
    status: text(hook.status) ?? 'UNKNOWN',
    uri: text(config.uri),
    auth: channel.type === 'OAUTH' ? oauth(config) : header(config),
  };
}

export function eventHookView(model: unknown): EventHookView {
  const hook = object(model);
  const config = object(object(hook.channel).config);
  const items = object(hook.events).items;
  return {
    id: text(hook.id) ?? '',
    name: text(hook.name) ?? '',
    status: text(hook.status) ?? 'UNKNOWN',
    verificationStatus: text(hook.verificationStatus),
    uri: text(config.uri),
    authKey: text(object(config.authScheme).key),
    events: Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [],
  };
}

/** How Okta authenticates to a hook, in a few words: `header authorization`, `OAuth private_key_jwt`. */
export function describeAuth(auth: HookAuth | undefined): string {
  if (!auth) return 'none';
  return auth.type === 'HEADER' ? `header ${auth.key}` : `OAuth ${auth.authType}`;
}

/** The writes made (or, in a dry run, planned) to Okta, in order, their bodies masked. */
export class CallLog {
  readonly calls: ApiCall[] = [];

  add(method: ApiCall['method'], path: string, body?: unknown): void {
    this.calls.push({ method, path, ...(body === undefined ? {} : { body: masked(body) }) });
  }
}

const SECRET_KEYS = new Set(['value', 'clientSecret']);

/** A request body with its secrets (`authScheme.value`, `clientSecret`) replaced, for printing. */
export function masked(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(masked);
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      SECRET_KEYS.has(key) && typeof value === 'string' ? '********' : masked(value),
    ]),
  );
}

function header(config: Json): HookAuth | undefined {
  const key = text(object(config.authScheme).key);
  return key ? { type: 'HEADER', key } : undefined;
}

function oauth(config: Json): HookAuth {
  return {
    type: 'OAUTH',
    authType: text(config.authType) ?? 'unknown',
    clientId: text(config.clientId),
    tokenUrl: text(config.tokenUrl),
    scope: text(config.scope),
    hookKeyId: text(config.hookKeyId),
  };
}

function object(value: unknown): Json {
  return value !== null && typeof value === 'object' ? (value as Json) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
