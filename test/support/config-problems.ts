import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError, loadConfig } from '../../src/config/config.loader';
import { testConfig } from './gateway';

/**
 * The problems the boot reports for a test config (a console route) with these sections
 * (none: it loads), read
 * from a temporary file the way `CONFIG_FILE` is.
 */
export function configProblems(
  sections: Record<string, unknown>,
  env: Record<string, string> = {},
): readonly string[] {
  const dir = mkdtempSync(join(tmpdir(), 'otg-config-'));
  const file = join(dir, 'config.yaml');
  const console = { providers: { c: { type: 'console' } }, routing: { default: ['c'] } };
  writeFileSync(file, stringify(testConfig({ ...console, ...sections })));
  try {
    loadConfig({ ...env, CONFIG_FILE: file });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
