import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describeWithTool, missingTool, RunResult } from './helm';
import { findBinary } from '../../support/skip';
import { tempDir } from '../../support/temp-dir';

/** promtool (Debian's `prometheus` package), or why not: a missing binary fails under CI=true. */
function findPromtool(): { bin: string } | { missing: string } {
  const promtool = findBinary('promtool');
  if (promtool) return { bin: promtool };
  return missingTool(
    'promtool checks',
    'no promtool on PATH (apt-get install prometheus; .ci/run installs it)',
  );
}

const PROMTOOL = findPromtool();

/** `describe`, or `describe.skip` with the reason when promtool is missing. */
export function describePromtool(name: string, body: () => void): void {
  describeWithTool(PROMTOOL, name, body);
}

/** Writes each file (name → YAML content) to a temporary folder and runs promtool there. */
export function promtool(args: string[], files: Record<string, unknown>): RunResult {
  if ('missing' in PROMTOOL) throw new Error(PROMTOOL.missing);
  const dir = tempDir('otg-promtool-');
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), stringify(content));
  }
  const result = spawnSync(PROMTOOL.bin, args, { cwd: dir, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs promtool with `input` on its standard input (`promtool check metrics` reads a scrape). */
export function promtoolStdin(args: string[], input: string): RunResult {
  if ('missing' in PROMTOOL) throw new Error(PROMTOOL.missing);
  const result = spawnSync(PROMTOOL.bin, args, { input, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
