import { AppConfig } from '../config/app.config';
import { UsageError } from './cli-error';

/** The header Okta sends on every telephony hook call, as the gateway is configured to accept it. */
export interface HookHeader {
  readonly name: string;
  readonly secret: string;
}

/**
 * The first header secret of `hook.auth.headers` (the current one; a second is the next secret
 * of a rotation). With OAuth only, there is none that `otg` could send: Okta fetches those
 * tokens from its own authorization server with the hook's client credentials.
 */
export function hookHeader(config: AppConfig): HookHeader {
  const header = config.hook.auth.headers.find((h) => h.secrets.length > 0);
  if (header) return { name: header.name, secret: header.secrets[0] };
  const issuer = config.hook.auth.oauth?.issuer;
  throw new UsageError(
    `hook.auth has no header secret, only OAuth${issuer ? ` (tokens from ${issuer})` : ''}: ` +
      'otg cannot obtain the access token Okta would send.',
    'Use `otg okta preview`, which makes Okta call the hook with its own token, or add a header ' +
      'secret to hook.auth.headers while testing (the gateway accepts either).',
  );
}
