import { CliContext } from '../cli-context';
import { ExitCode } from '../cli-error';
import { EventHookView, InlineHookView } from './okta-api';
import { oktaApi, OktaOptions, publicUrl } from './okta-inputs';
import { describeAuth } from './okta-views';

export interface StatusOptions extends OktaOptions {
  readonly url?: string;
}

/**
 * `otg okta status`: every telephony hook of the org and our event hook. Exit 0 when our
 * telephony hook is active (at `--url` when given) and our event hook, if there is one, is
 * active and verified; 1 otherwise.
 */
export async function showStatus(ctx: CliContext, options: StatusOptions): Promise<ExitCode> {
  const { api, org } = await oktaApi(ctx, options);
  const base = options.url ? publicUrl(options.url) : undefined;
  const telephony = await api.listTelephonyHooks();
  const events = (await api.listEventHooks()).filter((h) => h.name === `${options.name} events`);
  const ours =
    telephony.find((h) => h.name === options.name && h.status === 'ACTIVE') ??
    telephony.find((h) => h.name === options.name);
  const problems = [
    ...(!ours ? [`no telephony hook named "${options.name}"`] : []),
    ...(ours && ours.status !== 'ACTIVE' ? [`the telephony hook is ${ours.status}`] : []),
    ...(ours && base && ours.uri !== `${base}/hooks/okta/telephony`
      ? ['the telephony hook points elsewhere than --url']
      : []),
    ...events.flatMap((h) => eventProblems(h, base)),
  ];
  print(ctx, { org, telephony, events, ours, problems });
  return problems.length === 0 ? ExitCode.Ok : ExitCode.Failed;
}

function eventProblems(hook: EventHookView, base: string | undefined): string[] {
  return [
    ...(hook.status !== 'ACTIVE' ? [`the event hook is ${hook.status}`] : []),
    ...(hook.verificationStatus !== 'VERIFIED' ? ['the event hook is not verified'] : []),
    ...(base && hook.uri !== `${base}/hooks/okta/events`
      ? ['the event hook points elsewhere than --url']
      : []),
  ];
}

interface StatusReport {
  readonly org: string;
  readonly telephony: readonly InlineHookView[];
  readonly events: readonly EventHookView[];
  readonly ours?: InlineHookView;
  readonly problems: readonly string[];
}

function print(ctx: CliContext, report: StatusReport): void {
  const { out } = ctx;
  const { telephony, events, ours, problems } = report;
  if (out.json) {
    const ok = problems.length === 0;
    out.document({ ok, org: report.org, telephonyHooks: telephony, eventHooks: events, problems });
    return;
  }
  out.line(`Telephony inline hooks in ${report.org}:`);
  if (telephony.length === 0) out.line('  none');
  for (const hook of telephony) {
    const mark = hook === ours ? '*' : ' ';
    out.line(
      ` ${mark} ${hook.name} (${hook.id}) ${hook.status} → ${hook.uri ?? '?'}, ${describeAuth(hook.auth)}`,
    );
  }
  out.line('Event hook:');
  if (events.length === 0) out.line('  none');
  for (const hook of events) {
    out.line(
      `  ${hook.name} (${hook.id}) ${hook.status}, ${hook.verificationStatus ?? '?'} → ${hook.uri ?? '?'}, header ${hook.authKey ?? '?'}`,
    );
    out.line(out.dim(`    events: ${hook.events.join(', ')}`));
  }
  for (const problem of problems) out.line(out.bad(problem));
  if (problems.length === 0) out.line(out.good('Okta calls the gateway.'));
}
