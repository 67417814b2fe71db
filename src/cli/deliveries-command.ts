import { Command } from 'commander';
import { action, CliContext, withJson } from './cli-context';
import { CliError, ExitCode, UsageError } from './cli-error';
import { Env, requireServiceConfig } from './config-source';
import { callGateway, gatewayUrl } from './gateway-http';
import { DeliveryRecord } from '../delivery/delivery-record';

interface GetOptions {
  readonly url?: string;
  readonly config?: string;
  readonly token?: string;
}

/** `otg deliveries get <transactionId>`; `search` waits for the search API (issue 18). */
export function deliveriesCommand(ctx: CliContext): Command {
  const deliveries = new Command('deliveries').description('look up deliveries (admin token)');
  const get = withJson(
    new Command('get')
      .description(
        'what happened to one OTP: vendor, attempts, status, timings (GET /deliveries/:id)',
      )
      .argument('<transactionId>', 'the transaction id Okta shows, or the delivery id')
      .option('--url <url>', 'the gateway (default: http://127.0.0.1:<server.port of the config>)')
      .option(
        '--config <file>',
        'configuration with admin.tokens (default: $CONFIG_FILE, else the embedded default)',
      )
      .option(
        '--token <token>',
        'admin token (default: $OTG_ADMIN_TOKEN, else the first of admin.tokens)',
      ),
  );
  action(ctx, get, (id: string, options: GetOptions) => getDelivery(ctx, id, options));
  return deliveries.addCommand(get);
}

async function getDelivery(ctx: CliContext, id: string, options: GetOptions): Promise<ExitCode> {
  const { base, token } = target(ctx.env, options);
  const url = gatewayUrl(base, `/deliveries/${encodeURIComponent(id)}`);
  if (!url) throw new UsageError('--url must be an http:// or https:// URL of the gateway.');
  const answer = await callGateway(url, {
    method: 'GET',
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
  });
  if (answer.status === 404)
    throw new CliError(`No delivery ${id} (unknown, or expired from the store).`);
  if (answer.status === 401) {
    throw new CliError(
      'The gateway refused the admin token (401).',
      undefined,
      'Give one of its admin.tokens with --token or OTG_ADMIN_TOKEN.',
    );
  }
  if (answer.status !== 200)
    throw new CliError(`The gateway answered HTTP ${answer.status}: ${summaryOf(answer.body)}`);
  print(ctx, answer.body as DeliveryRecord);
  return ExitCode.Ok;
}

function target(env: Env, options: GetOptions): { base: string; token: string } {
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

function print(ctx: CliContext, record: DeliveryRecord): void {
  const { out } = ctx;
  if (out.json) return out.document(record);
  out.table([
    ['transactionId', record.transactionId],
    ['status', `${record.status} (Okta was answered: ${record.outcome})`],
    ['channel', `${record.channel} to ${record.to}`],
    ['provider', record.providerId ?? '-'],
    ['created', `${record.createdAt}, answered in ${record.durationMs} ms`],
    ...(record.cause ? [['cause', record.cause] as [string, string]] : []),
  ]);
  for (const a of record.attempts ?? []) {
    const reason = a.reason ? ` (${a.reason})` : '';
    out.line(`  attempt ${a.providerId}: ${a.outcome} in ${a.latencyMs} ms${reason}`);
  }
  for (const h of record.history ?? []) {
    const what =
      h.kind === 'receipt' ? `receipt ${h.status}` : `Okta ${h.eventType} ${h.result ?? ''}`;
    out.line(`  ${h.at} ${what.trim()}`);
  }
}

function summaryOf(body: unknown): string {
  const summary = (body as { error?: { errorSummary?: unknown } } | null)?.error?.errorSummary;
  return typeof summary === 'string' ? summary : 'unexpected answer';
}
