import { CommanderError } from 'commander';
import { scrubDigits } from '../common/scrub';
import { CliContext } from './cli-context';
import { CliError, ExitCode } from './cli-error';
import { Env } from './config-source';
import { Output, Terminal } from './output';
import { createProgram } from './program';

/**
 * Runs `otg` with `argv` (process.argv: node, script, arguments) and resolves with the exit
 * code. bin/otg.js passes the process's environment and streams; nothing here reads them.
 */
export async function run(
  argv: readonly string[],
  env: Env,
  terminal: Terminal,
): Promise<ExitCode> {
  const ctx: CliContext = { env, out: Output.for(terminal, env), exitCode: ExitCode.Ok };
  const program = createProgram(ctx, terminal);
  try {
    await program.parseAsync([...argv]);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    return report(ctx.out, error);
  }
}

/** A CliError as written for people (or as JSON with --json); anything else without a stack. */
function report(out: Output, error: unknown): ExitCode {
  const known = error instanceof CliError ? error : unexpected(error);
  if (out.json) {
    out.document({ ok: false, error: { message: known.message, hint: known.hint } });
  } else {
    out.problem(out.bad(known.message));
    if (known.hint) out.problem(`  ${known.hint}`);
  }
  return known.exitCode;
}

function unexpected(error: unknown): CliError {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CliError(
    `Unexpected error: ${scrubDigits(detail).slice(0, 300)}`,
    ExitCode.Failed,
    'Please report it with the command you ran (never with tokens or secrets).',
  );
}
