import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SKIP_MARK } from './skip-reporter';

/**
 * The title of a skipped suite or test: its name and why it is skipped. The skip reporter
 * (test/support/skip-reporter.js, in jest.config.js) lists these at the end of every run.
 */
export function skippedTitle(name: string, reason: string): string {
  return `${name} ${SKIP_MARK}${reason}]`;
}

/** `describe`, or `describe.skip` with the reason when `missing` says what is missing. */
export function describeOrSkip(missing: string | undefined, name: string, body: () => void): void {
  if (missing === undefined) describe(name, body);
  else describe.skip(skippedTitle(name, missing), body);
}

/** `it`, or `it.skip` with the reason when `missing` says what is missing. */
export function itOrSkip(
  missing: string | undefined,
  name: string,
  test: jest.ProvidesCallback,
  timeoutMs?: number,
): void {
  if (missing === undefined) it(name, test, timeoutMs);
  else it.skip(skippedTitle(name, missing), test, timeoutMs);
}

/** The path of a program on the PATH, if installed (CI installs the Debian packages). */
export function findBinary(program: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, program))
    .find((file) => existsSync(file));
}
