import { Command, Option } from 'commander';
import { ExitCode } from './cli-error';
import { Env } from './config-source';
import { Output } from './output';

/** What every command receives: the environment (read once, by bin/otg.js) and the output. */
export interface CliContext {
  readonly env: Env;
  readonly out: Output;
  /** The exit code of the command that ran. */
  exitCode: ExitCode;
}

/**
 * Registers an action whose result is the exit code; `--json` and the output mode are set
 * before it runs. Errors propagate to main, which prints them.
 */
export function action<A extends unknown[]>(
  ctx: CliContext,
  command: Command,
  run: (...args: A) => Promise<ExitCode>,
): Command {
  return command.action(async (...args: unknown[]) => {
    ctx.exitCode = await run(...(args.slice(0, -1) as A));
  });
}

/** `--json` on a command, with the same wording everywhere. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print one JSON document on stdout (for pipelines)');
}

/** `--channel sms|voice`, default sms. */
export function channelOption(): Option {
  return new Option('--channel <channel>', 'sms or voice').choices(['sms', 'voice']).default('sms');
}
