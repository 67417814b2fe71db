import { CliError } from '../cli-error';
import {
  EventHookBody,
  EventHookView,
  InlineHookBody,
  InlineHookView,
  OktaHooksApi,
} from './okta-api';
import {
  eventHookBody,
  eventHookMatches,
  HookTarget,
  inlineHookMatches,
  telephonyHookBody,
} from './okta-hooks';

export interface SetupOptions {
  readonly target: HookTarget;
  /** Deactivate another active telephony hook (an org has one). */
  readonly replace: boolean;
  /** Write the secrets again even when Okta's hooks look the same (Okta never shows them). */
  readonly updateSecrets: boolean;
}

/** What setup did to one hook, in order. */
export interface HookOutcome {
  readonly hook: 'telephony' | 'event';
  readonly name: string;
  readonly id: string;
  readonly did: readonly (
    'created' | 'updated' | 'unchanged' | 'verified' | 'activated' | 'deactivated'
  )[];
  readonly status: string;
  readonly verificationStatus?: string;
  readonly uri?: string;
}

export interface SetupResult {
  readonly hooks: readonly HookOutcome[];
  /** Why the event hook was not set up, when it was not. */
  readonly eventHookSkipped?: string;
}

/**
 * Makes the org's hooks what the gateway needs, idempotently: hooks are found by name, created
 * or replaced only when Okta's copy differs, the event hook verified (Okta calls the gateway's
 * challenge) and both activated. Everything is read first, so a refusal writes nothing.
 */
export async function setUpOkta(api: OktaHooksApi, options: SetupOptions): Promise<SetupResult> {
  const telephony = telephonyHookBody(options.target);
  const events = eventHookBody(options.target);
  const inlineHooks = await api.listTelephonyHooks();
  const eventHooks = events ? await api.listEventHooks() : [];
  const ours = byName(inlineHooks, telephony.name);
  const blocking = inlineHooks.filter((h) => h.status === 'ACTIVE' && h.id !== ours?.id);
  if (blocking.length > 0 && !options.replace) throw refusal(blocking[0]);
  const hooks: HookOutcome[] = [];
  for (const other of blocking) {
    const after = await api.deactivateInlineHook(other.id);
    hooks.push({
      hook: 'telephony',
      name: other.name,
      id: other.id,
      did: ['deactivated'],
      status: after.status,
      uri: other.uri,
    });
  }
  hooks.push(await ensureTelephonyHook(api, ours, telephony, options.updateSecrets));
  if (!events) {
    return {
      hooks,
      eventHookSkipped:
        'events.auth.headers has no secret, so the gateway would refuse every event',
    };
  }
  hooks.push(
    await ensureEventHook(api, byName(eventHooks, events.name), events, options.updateSecrets),
  );
  return { hooks };
}

async function ensureTelephonyHook(
  api: OktaHooksApi,
  current: InlineHookView | undefined,
  body: InlineHookBody,
  updateSecrets: boolean,
): Promise<HookOutcome> {
  const did: HookOutcome['did'][number][] = [];
  let hook: InlineHookView;
  if (!current) {
    hook = await api.createInlineHook(body);
    did.push('created');
  } else if (updateSecrets || !inlineHookMatches(current, body)) {
    // InlineHookReplace has no `type`: a hook's type never changes.
    const { name, version, channel } = body;
    hook = await api.replaceInlineHook(current.id, { name, version, channel });
    did.push('updated');
  } else {
    hook = current;
    did.push('unchanged');
  }
  if (hook.status !== 'ACTIVE') {
    hook = await api.activateInlineHook(hook.id);
    did.push('activated');
  }
  return {
    hook: 'telephony',
    name: body.name,
    id: hook.id,
    did,
    status: hook.status,
    uri: hook.uri,
  };
}

async function ensureEventHook(
  api: OktaHooksApi,
  current: EventHookView | undefined,
  body: EventHookBody,
  updateSecrets: boolean,
): Promise<HookOutcome> {
  const did: HookOutcome['did'][number][] = [];
  let hook: EventHookView;
  if (!current) {
    hook = await api.createEventHook(body);
    did.push('created');
  } else if (updateSecrets || !eventHookMatches(current, body)) {
    hook = { ...(await api.replaceEventHook(current.id, body)), verificationStatus: 'UNVERIFIED' };
    did.push('updated');
  } else {
    hook = current;
    did.push('unchanged');
  }
  if (hook.verificationStatus !== 'VERIFIED') {
    hook = await verify(api, hook.id, body.channel.config.uri);
    did.push('verified');
  }
  if (hook.status !== 'ACTIVE') {
    hook = await api.activateEventHook(hook.id);
    did.push('activated');
  }
  const { status, verificationStatus, uri } = hook;
  return { hook: 'event', name: body.name, id: hook.id, did, status, verificationStatus, uri };
}

async function verify(api: OktaHooksApi, id: string, uri: string): Promise<EventHookView> {
  try {
    return await api.verifyEventHook(id);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    throw new CliError(
      `Okta could not verify the event hook at ${uri}: ${error.message}`,
      error.exitCode,
      error.hint ??
        'Okta must reach that URL from the internet, over https, with the events.auth header secret of the running gateway.',
    );
  }
}

/** The hook of that name; the active one when there are several. */
function byName<T extends { name: string; status: string }>(
  hooks: readonly T[],
  name: string,
): T | undefined {
  const named = hooks.filter((h) => h.name === name);
  return named.find((h) => h.status === 'ACTIVE') ?? named[0];
}

function refusal(other: InlineHookView): CliError {
  return new CliError(
    `Another telephony inline hook is active: "${other.name}" (${other.id}) → ${other.uri ?? 'unknown URL'}. ` +
      'An org has one active telephony hook.',
    undefined,
    'Run again with --replace to deactivate it and activate this one (it is kept, inactive, to switch back).',
  );
}
