import { Command } from 'commander';
import { CliError, UsageError } from './cli-error';
import { Env, requireServiceConfig } from './config-source';
import { callGateway, GatewayAnswer, gatewayUrl } from './gateway-http';

/** The flags of every command that calls the gateway's admin API. */
export interface AdminOptions {
  readonly url?: string;
  readonly config?: string;
  readonly token?: string;
}

/** Where the admin API is and the token it takes. */
export interface AdminTarget {
  readonly base: string;
  readonly token: string;
}

/** `--url`, `--config` and `--token`, worded the same on every admin command. */
export function withAdminOptions(command: Command): Command {
  return command
    .option('--url <url>', 'the gateway (default: http://127.0.0.1:<server.port of the config>)')
    .option(
      '--config <file>',
      'configuration with admin.tokens (default: $CONFIG_FILE, else the embedded default)',
    )
    .option(
      '--token <token>',
      'admin token (default: $OTG_ADMIN_TOKEN, else the first of admin.tokens)',
    );
}

/**
 * The gateway and the admin token: `--token`, else `OTG_ADMIN_TOKEN`, else the first of the
 * configuration's `admin.tokens`; the configuration is read only when something is missing.
 */
export function adminTarget(env: Env, options: AdminOptions): AdminTarget {
  const explicit = options.token ?? env.OTG_ADMIN_TOKEN;
  if (explicit && options.url) return { base: options.url, token: explicit };
  const { config } = requireServiceConfig(env, { file: options.config });
  const token = explicit ?? config.admin.tokens[0];
  if (!token) {
    throw new UsageError(
      'No admin token: admin.tokens is empty.',
      'Give one with --token or OTG_ADMIN_TOKEN.',
    );
  }
  return { base: options.url ?? `http://127.0.0.1:${config.server.port}`, token };
}

/**
 * `GET <base><path>` with the admin token. A refused token is a CliError; every other status is
 * the caller's to read (a 404 means one thing for a lookup, another for a search).
 */
export async function adminGet(target: AdminTarget, path: string): Promise<GatewayAnswer> {
  const url = gatewayUrl(target.base, path);
  if (!url) throw new UsageError('--url must be an http:// or https:// URL of the gateway.');
  const answer = await callGateway(url, {
    method: 'GET',
    headers: { accept: 'application/json', authorization: `Bearer ${target.token}` },
  });
  if (answer.status === 401) {
    throw new CliError(
      'The gateway refused the admin token (401).',
      undefined,
      'Give one of its admin.tokens with --token or OTG_ADMIN_TOKEN.',
    );
  }
  return answer;
}

/** An answer the command did not expect, with the gateway's own summary (503: store down). */
export function unexpectedAnswer(answer: GatewayAnswer): CliError {
  return new CliError(`The gateway answered HTTP ${answer.status}: ${summaryOf(answer.body)}`);
}

function summaryOf(body: unknown): string {
  const summary = (body as { error?: { errorSummary?: unknown } } | null)?.error?.errorSummary;
  return typeof summary === 'string' ? summary : 'unexpected answer';
}
