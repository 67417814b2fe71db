import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkConfig } from '../../src/config/config.loader';
import { testConfig } from './gateway';
import { tempDir } from './temp-dir';

/** Writes a config file (YAML text, or a tree to stringify); removed after the spec file. */
export function configFile(content: unknown): string {
  const path = join(tempDir('otg-config-'), 'config.yaml');
  writeFileSync(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

/** The problems the boot would list for this file and environment, in its order. */
export function problemsOf(content: unknown, env: Record<string, string> = {}): readonly string[] {
  return checkConfig({ ...env, CONFIG_FILE: configFile(content) }).problems;
}

/**
 * The problems the boot reports for a test config (a console route) with these sections
 * (none: it loads).
 */
export function configProblems(
  sections: Record<string, unknown>,
  env: Record<string, string> = {},
): readonly string[] {
  const console = { providers: { c: { type: 'console' } }, routing: { default: ['c'] } };
  return problemsOf(testConfig({ ...console, ...sections }), env);
}

/** A Twilio provider block that passes every rule, production ones included. */
export const TWILIO_BLOCK = {
  type: 'twilio',
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: '0123456789abcdef0123456789abcdef',
  from: '+15005550006',
} as const;
