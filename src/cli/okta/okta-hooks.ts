import { AppConfig } from '../../config/app.config';
import {
  FACTOR_VERIFICATION_EVENTS,
  PHONE_VERIFICATION_EVENTS,
} from '../../events/okta-log-event.types';
import { UsageError } from '../cli-error';
import { EventHookBody, EventHookView, InlineHookBody, InlineHookView } from './okta-api';

/**
 * The events the gateway reads (src/events/): the phone-verification sends, and the factor
 * verifications behind its sent-versus-verified figures.
 */
export const EVENT_TYPES: readonly string[] = [
  ...Object.keys(PHONE_VERIFICATION_EVENTS),
  ...FACTOR_VERIFICATION_EVENTS,
];

/** The Okta side of an OAuth 2.0 hook: the client Okta uses to get tokens for the gateway. */
export interface HookClient {
  readonly clientId?: string;
  /** private_key_jwt: a key of Workflow → Key Management (Hook Keys API). */
  readonly keyId?: string;
  /** client_secret_post. */
  readonly clientSecret?: string;
}

export interface HookTarget {
  readonly name: string;
  /** The gateway's public base URL, e.g. https://otp.acme.com. */
  readonly gatewayUrl: string;
  readonly config: AppConfig;
  readonly client: HookClient;
}

/** The telephony hook to write: OAuth when hook.auth.oauth and a client are given, else the header secret. */
export function telephonyHookBody(target: HookTarget): InlineHookBody {
  const uri = `${target.gatewayUrl}/hooks/okta/telephony`;
  const oauth = target.config.hook.auth.oauth;
  const { clientId, keyId, clientSecret } = target.client;
  const base = {
    name: target.name,
    type: 'com.okta.telephony.provider',
    version: '1.0.0',
  } as const;
  if (oauth && clientId) {
    if (!keyId && !clientSecret) {
      throw new UsageError(
        'An OAuth hook needs --hook-key-id (private_key_jwt) or OTG_HOOK_CLIENT_SECRET (client_secret_post).',
      );
    }
    const config = {
      uri,
      method: 'POST',
      authType: keyId ? 'private_key_jwt' : 'client_secret_post',
      clientId,
      tokenUrl: `${oauth.issuer.replace(/\/+$/, '')}/v1/token`,
      scope: oauth.scopes.join(' '),
      ...(keyId ? { hookKeyId: keyId } : { clientSecret }),
      authScheme: null,
    };
    return { ...base, channel: { type: 'OAUTH', version: '1.0.0', config } };
  }
  const header = target.config.hook.auth.headers.find((h) => h.secrets.length > 0);
  if (!header) {
    throw new UsageError(
      'hook.auth.oauth is configured: give the OAuth client Okta uses with --hook-client-id and --hook-key-id.',
    );
  }
  const authScheme = { type: 'HEADER', key: header.name, value: header.secrets[0] };
  return {
    ...base,
    channel: {
      type: 'HTTP',
      version: '1.0.0',
      config: { uri, method: 'POST', headers: [], authScheme },
    },
  };
}

/** The event hook to write, or undefined when events.auth has no secret (the gateway would refuse every event). */
export function eventHookBody(target: HookTarget): EventHookBody | undefined {
  const header = target.config.events.auth.headers.find((h) => h.secrets.length > 0);
  if (!header) return undefined;
  return {
    name: `${target.name} events`,
    description:
      'Phone-verification and factor events for the Okta Telephony Gateway (otg okta setup)',
    events: { type: 'EVENT_TYPE', items: EVENT_TYPES },
    channel: {
      type: 'HTTP',
      version: '1.0.0',
      config: {
        uri: `${target.gatewayUrl}/hooks/okta/events`,
        headers: [],
        authScheme: { type: 'HEADER', key: header.name, value: header.secrets[0] },
      },
    },
  };
}

/** Whether Okta's hook already is the one we would write, as far as Okta shows it (never the secret). */
export function inlineHookMatches(current: InlineHookView, desired: InlineHookBody): boolean {
  const config = desired.channel.config;
  const auth = current.auth;
  if (current.uri !== config.uri || !auth) return false;
  if (auth.type === 'HEADER') {
    if (desired.channel.type !== 'HTTP') return false;
    const key = (config.authScheme as { key: string }).key;
    return auth.key.toLowerCase() === key.toLowerCase();
  }
  return (
    desired.channel.type === 'OAUTH' &&
    auth.authType === config.authType &&
    auth.clientId === config.clientId &&
    auth.tokenUrl === config.tokenUrl &&
    auth.scope === config.scope &&
    auth.hookKeyId === config.hookKeyId
  );
}

export function eventHookMatches(current: EventHookView, desired: EventHookBody): boolean {
  const config = desired.channel.config;
  const events = new Set(current.events);
  return (
    current.uri === config.uri &&
    current.authKey?.toLowerCase() === config.authScheme.key.toLowerCase() &&
    events.size === desired.events.items.length &&
    desired.events.items.every((e) => events.has(e))
  );
}
