import { Channel } from '../../providers/channel';
import { CliContext } from '../cli-context';
import { CliError, ExitCode } from '../cli-error';
import { HookVerdict, judgeBody, verdictRows } from '../hook-answer';
import { Destination, destination } from '../phone-option';
import { redactor } from '../redact';
import { OKTA_EXAMPLE_PHONE, telephonyRequest } from '../telephony-request';
import { oktaApi, OktaOptions } from './okta-inputs';

export interface PreviewOptions extends OktaOptions {
  readonly to?: string;
  readonly channel: Channel;
}

/**
 * `otg okta preview`: the Preview tab as an API. Okta POSTs its Preview request to the hook
 * (`/execute`) and returns the hook's answer if it fits the contract, else a 400. Exit 0 when
 * Okta got a telephony answer (SUCCESSFUL, PENDING or FAILED: the gateway decided), 1 when it got
 * an error object or could not call the hook.
 */
export async function previewHook(ctx: CliContext, options: PreviewOptions): Promise<ExitCode> {
  const to: Destination | undefined = options.to ? destination(options.to) : undefined;
  const { api, org } = await oktaApi(ctx, options);
  const hook = (await api.listTelephonyHooks()).find((h) => h.name === options.name);
  if (!hook) {
    throw new CliError(
      `No telephony hook named "${options.name}" in ${org}.`,
      undefined,
      'Create it with `otg okta setup`.',
    );
  }
  const request = telephonyRequest({
    phoneNumber: to?.e164 ?? OKTA_EXAMPLE_PHONE,
    channel: options.channel,
    preview: true,
    source: `${org}/api/v1/inlineHooks/${hook.id}`,
  });
  const started = performance.now();
  const answer = await api.executeInlineHook(hook.id, request.body);
  const durationMs = Math.round(performance.now() - started);
  const hide = redactor([request.code, ...(to ? [to.e164, to.e164.slice(1)] : [])]);
  const verdict = hide(judgeBody(answer)) as HookVerdict;
  const ok = verdict.outcome !== 'fallback';
  const { out } = ctx;
  if (out.json) {
    out.document({
      ok,
      hook: { id: hook.id, name: hook.name, uri: hook.uri },
      eventId: request.eventId,
      durationMs,
      answer: hide(answer),
      okta: verdict,
    });
    return ok ? ExitCode.Ok : ExitCode.Failed;
  }
  const who = to
    ? `${options.channel} to ${to.masked}`
    : `${options.channel} to Okta's example number`;
  out.line(`→ Okta executes "${hook.name}" (${hook.id}) → ${hook.uri ?? '?'}`);
  out.line(out.dim(`  Preview request · ${who} · eventId ${request.eventId}`));
  out.line(`← Okta's view in ${durationMs} ms`);
  out.table(verdictRows(verdict));
  const { summary } = verdict;
  out.line(
    !ok ? out.bad(summary) : verdict.outcome === 'failed' ? out.note(summary) : out.good(summary),
  );
  if (!to && verdict.outcome === 'failed') {
    out.line(
      out.note(
        "Okta's example number is not a valid number: a FAILED answer proves the hook is reachable and authenticated. Give --to to send a real message.",
      ),
    );
  }
  return ok ? ExitCode.Ok : ExitCode.Failed;
}
