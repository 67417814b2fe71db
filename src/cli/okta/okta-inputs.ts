import { CliContext } from '../cli-context';
import { UsageError } from '../cli-error';
import { requireServiceConfig } from '../config-source';
import { gatewayUrl } from '../gateway-http';
import { isLoopback, oktaCredentials, orgUrl } from './okta-auth';
import { HookTarget } from './okta-hooks';
import type { SdkHooksApi } from './okta-sdk-api';

/** Options every `otg okta` command takes. */
export interface OktaOptions {
  readonly org: string;
  readonly config?: string;
  readonly name: string;
  readonly clientId?: string;
  readonly privateKeyFile?: string;
  readonly keyId?: string;
}

/**
 * The Management API for these options, authenticated by the service app or the API token. The
 * SDK is loaded here, not at start: it takes about a second, which the other commands need not wait.
 */
export async function oktaApi(
  ctx: CliContext,
  options: OktaOptions,
): Promise<{ api: SdkHooksApi; org: string }> {
  const org = orgUrl(options.org);
  const credentials = oktaCredentials(ctx.env, options);
  const { SdkHooksApi: Api } = await import('./okta-sdk-api');
  return { api: new Api(org, credentials), org };
}

/** What the hooks should be, from the gateway's configuration and its public URL. */
export function hookTarget(
  ctx: CliContext,
  options: OktaOptions & { url: string; hookClientId?: string; hookKeyId?: string },
): HookTarget {
  const { config } = requireServiceConfig(ctx.env, { file: options.config });
  return {
    name: options.name,
    gatewayUrl: publicUrl(options.url),
    config,
    client: {
      clientId: options.hookClientId,
      keyId: options.hookKeyId,
      clientSecret: ctx.env.OTG_HOOK_CLIENT_SECRET,
    },
  };
}

/** Okta calls only https URLs (http is accepted on a loopback host, for a local fake org). */
export function publicUrl(value: string): string {
  const base = gatewayUrl(value, '');
  const url = base ? new URL(base) : undefined;
  if (!url || (url.protocol !== 'https:' && !isLoopback(url.hostname))) {
    throw new UsageError(
      "--url must be the gateway's public https:// URL, e.g. https://otp.acme.com.",
    );
  }
  return base as string;
}
