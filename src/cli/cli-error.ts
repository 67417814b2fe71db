/** What `otg` exits with: 0 ok, 1 a check or an operation failed, 2 the command cannot run as given. */
export enum ExitCode {
  Ok = 0,
  Failed = 1,
  Usage = 2,
}

/**
 * An error meant for the person at the terminal: what went wrong and what to do about it, never
 * a stack trace or a secret. `hint` is the next step ("grant the scope ... in ...").
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.Failed,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command was given wrong or missing input (flags, credentials): exit 2. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.Usage, hint);
    this.name = 'UsageError';
  }
}
