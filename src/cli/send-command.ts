import { Command } from 'commander';
import { Channel } from '../providers/channel';
import { action, channelOption, CliContext, withJson } from './cli-context';
import { ExitCode, UsageError } from './cli-error';
import { requireServiceConfig } from './config-source';
import { callGateway, GatewayRequest, gatewayUrl } from './gateway-http';
import { delivered, HookVerdict, judgeAnswer, verdictRows } from './hook-answer';
import { HookHeader, hookHeader } from './hook-credentials';
import { destination } from './phone-option';
import { redactor } from './redact';
import { telephonyRequest } from './telephony-request';

interface SendOptions {
  readonly to: string;
  readonly channel: Channel;
  readonly url?: string;
  readonly config?: string;
  readonly preview?: boolean;
}

const HOOK_PATH = '/hooks/okta/telephony';

/** `otg send --to +15551234567 [--channel sms|voice] [--url] [--config] [--preview]`. */
export function sendCommand(ctx: CliContext): Command {
  const send = withJson(
    new Command('send')
      .description(
        'send an Okta-shaped telephony hook request to a running gateway and show what Okta would get',
      )
      .requiredOption('--to <phone>', 'destination in E.164 form, e.g. +15551234567')
      .addOption(channelOption())
      .option('--url <url>', 'the gateway (default: http://127.0.0.1:<server.port of the config>)')
      .option(
        '--config <file>',
        'configuration with the hook secret (default: $CONFIG_FILE, else the embedded default)',
      )
      .option('--preview', "send the request of Okta's Preview tab instead of a sign-in's"),
  );
  return action(ctx, send, (options: SendOptions) => runSend(ctx, options));
}

async function runSend(ctx: CliContext, options: SendOptions): Promise<ExitCode> {
  const to = destination(options.to);
  const { config } = requireServiceConfig(ctx.env, { file: options.config });
  const header = hookHeader(config);
  const url = gatewayUrl(options.url ?? `http://127.0.0.1:${config.server.port}`, HOOK_PATH);
  if (!url) throw new UsageError('--url must be an http:// or https:// URL of the gateway.');
  const preview = options.preview === true;
  const request = telephonyRequest({ phoneNumber: to.e164, channel: options.channel, preview });
  const answer = await callGateway(url, hookCall(header, request.body));
  const hide = redactor([request.code, to.e164, to.e164.slice(1)]);
  const verdict = hide(judgeAnswer(answer.status, answer.durationMs, answer.body)) as HookVerdict;
  print(
    ctx,
    {
      url,
      channel: options.channel,
      to: to.masked,
      eventId: request.eventId,
      shape: preview ? 'preview' : 'sign-in',
    },
    { httpStatus: answer.status, durationMs: answer.durationMs, body: hide(answer.body) },
    verdict,
  );
  return delivered(verdict) ? ExitCode.Ok : ExitCode.Failed;
}

/** POST of a telephony hook request as Okta makes it: JSON both ways, and the auth header. */
function hookCall(header: HookHeader, body: object): GatewayRequest {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      [header.name]: header.secret,
    },
    body: JSON.stringify(body),
  };
}

function print(
  ctx: CliContext,
  sent: { url: string; channel: Channel; to: string; eventId: string; shape: string },
  received: { httpStatus: number; durationMs: number; body: unknown },
  verdict: HookVerdict,
): void {
  const { out } = ctx;
  const ok = delivered(verdict);
  if (out.json) {
    out.document({ ok, request: sent, answer: received, okta: verdict });
    return;
  }
  out.line(`→ POST ${sent.url}`);
  out.line(
    out.dim(`  ${sent.shape} request · ${sent.channel} to ${sent.to} · eventId ${sent.eventId}`),
  );
  out.line(`← HTTP ${received.httpStatus} in ${received.durationMs} ms`);
  out.table(verdictRows(verdict));
  out.line(ok ? out.good(verdict.summary) : out.bad(verdict.summary));
}
