import { CliContext } from '../cli-context';
import { ExitCode } from '../cli-error';
import { ApiCall } from './okta-api';
import { DryRunHooksApi } from './okta-dry-run';
import { hookTarget, oktaApi, OktaOptions } from './okta-inputs';
import { HookOutcome, setUpOkta, SetupResult } from './okta-setup';

export interface SetupCommandOptions extends OktaOptions {
  readonly url: string;
  readonly dryRun?: boolean;
  readonly replace?: boolean;
  readonly updateSecrets?: boolean;
  readonly hookClientId?: string;
  readonly hookKeyId?: string;
}

/** `otg okta setup`: runs the setup (for real, or against the dry-run API) and prints what it did. */
export async function runSetup(ctx: CliContext, options: SetupCommandOptions): Promise<ExitCode> {
  const target = hookTarget(ctx, options);
  const { api: sdk, org } = await oktaApi(ctx, options);
  const api = options.dryRun ? new DryRunHooksApi(sdk) : sdk;
  const result = await setUpOkta(api, {
    target,
    replace: options.replace === true,
    updateSecrets: options.updateSecrets === true,
  });
  print(ctx, { org, dryRun: options.dryRun === true, result, calls: api.log.calls });
  return ExitCode.Ok;
}

interface Report {
  readonly org: string;
  readonly dryRun: boolean;
  readonly result: SetupResult;
  readonly calls: readonly ApiCall[];
}

function print(ctx: CliContext, report: Report): void {
  const { out } = ctx;
  const { org, dryRun, result, calls } = report;
  if (out.json) {
    out.document({
      ok: true,
      org,
      dryRun,
      hooks: result.hooks,
      eventHookSkipped: result.eventHookSkipped,
      calls,
    });
    return;
  }
  if (dryRun) {
    out.line(`Dry run against ${org}: nothing was written.`);
    if (calls.length === 0) out.line(out.good('Nothing to change.'));
    for (const call of calls) {
      out.line(`  would ${call.method} ${call.path}`);
      if (call.body !== undefined)
        out.line(out.dim(indent(JSON.stringify(call.body, null, 2), '      ')));
    }
    return;
  }
  for (const hook of result.hooks) out.line(out.good(describe(hook)));
  if (result.eventHookSkipped)
    out.line(out.note(`Event hook not set up: ${result.eventHookSkipped}.`));
  out.line(
    out.dim(
      `${calls.length} write(s) to ${org}${calls.length ? ': ' : ''}${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
    ),
  );
}

function describe(hook: HookOutcome): string {
  const kind = hook.hook === 'telephony' ? 'Telephony inline hook' : 'Event hook';
  const state = [hook.status, hook.verificationStatus].filter(Boolean).join(', ');
  return `${kind} "${hook.name}" (${hook.id}): ${hook.did.join(', ')}; ${state} → ${hook.uri ?? '?'}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
