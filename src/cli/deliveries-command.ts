import { Command } from 'commander';
import { action, CliContext, withJson } from './cli-context';
import { CliError, ExitCode } from './cli-error';
import {
  AdminOptions,
  adminGet,
  adminTarget,
  unexpectedAnswer,
  withAdminOptions,
} from './admin-api';
import { searchCommand } from './deliveries-search';
import { DeliveryRecord } from '../delivery/delivery-record';

/** `otg deliveries get <transactionId>` and `otg deliveries search`. */
export function deliveriesCommand(ctx: CliContext): Command {
  const deliveries = new Command('deliveries').description('look up deliveries (admin token)');
  const get = withJson(
    withAdminOptions(
      new Command('get')
        .description(
          'what happened to one OTP: vendor, attempts, status, timings (GET /deliveries/:id)',
        )
        .argument('<transactionId>', 'the transaction id Okta shows, or the delivery id'),
    ),
  );
  action(ctx, get, (id: string, options: AdminOptions) => getDelivery(ctx, id, options));
  return deliveries.addCommand(get).addCommand(searchCommand(ctx));
}

async function getDelivery(ctx: CliContext, id: string, options: AdminOptions): Promise<ExitCode> {
  const target = adminTarget(ctx.env, options);
  const answer = await adminGet(target, `/deliveries/${encodeURIComponent(id)}`);
  if (answer.status === 404)
    throw new CliError(`No delivery ${id} (unknown, or expired from the store).`);
  if (answer.status !== 200) throw unexpectedAnswer(answer);
  print(ctx, answer.body as DeliveryRecord);
  return ExitCode.Ok;
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
