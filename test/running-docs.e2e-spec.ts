import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { imageNode } from '../bench/image-node';
import { statedVariables } from './support/example-config';
import { findBinary, itOrSkip } from './support/skip';
import { tempDir } from './support/temp-dir';

const ROOT = resolve(__dirname, '..');
const DOC = readFileSync(join(ROOT, 'docs/running.md'), 'utf8');
const ANALYZE = findBinary('systemd-analyze');
const NO_ANALYZE = 'systemd-analyze is not installed (apt-get install systemd)';

/** The code block of docs/running.md that follows `heading` (its first ``` block). */
function block(heading: string): string {
  const from = DOC.indexOf(heading);
  const start = DOC.indexOf('\n', DOC.indexOf('```', from)) + 1;
  return DOC.slice(start, DOC.indexOf('```', start));
}

/** The variable names a command line passes (`-e NAME`, `NAME=…`), CONFIG_FILE and NODE_ENV aside. */
function passed(command: string): string[] {
  const names = Array.from(
    command.matchAll(/(?:^|\s)(?:-e ([A-Z][A-Z0-9_]+)\b|([A-Z][A-Z0-9_]+)=)/gm),
    (m) => m[1] ?? m[2],
  );
  return names.filter((name) => !['CONFIG_FILE', 'NODE_ENV'].includes(name));
}

/** `Key=value` lines of the unit, by key (a key given twice keeps every value). */
function unitSettings(unit: string): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  for (const [, key, value] of unit.matchAll(/^([A-Za-z]+)=(.*)$/gm)) {
    settings.set(key, [...(settings.get(key) ?? []), value]);
  }
  return settings;
}

describe('docs/running.md', () => {
  const unit = block('## systemd');
  const settings = unitSettings(unit);

  it('should pass, in the plain and the docker commands, exactly the variables the example states', () => {
    expect(passed(block('## A plain process'))).toEqual(statedVariables());
    expect(passed(block('## A container'))).toEqual(statedVariables());
  });

  it('should start what npm run start:prod starts, and with the image flags under systemd', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const image = imageNode();

    expect(scripts['start:prod']).toBe('node dist/main.js');
    expect(settings.get('ExecStart')).toEqual([
      ['/usr/bin/node', ...image.flags, 'dist/main.js'].join(' '),
    ]);
    expect(settings.get('Environment')).toEqual([
      'NODE_ENV=production',
      'CONFIG_FILE=/etc/okta-telephony-gateway/config.yaml',
      `"NODE_OPTIONS=${image.nodeOptions}"`,
    ]);
  });

  it('should run the unit hardened: a dynamic user, a read-only system, no capabilities', () => {
    expect(Object.fromEntries([...settings].filter(([key]) => HARDENING.includes(key)))).toEqual({
      DynamicUser: ['yes'],
      ProtectSystem: ['strict'],
      ProtectHome: ['yes'],
      PrivateTmp: ['yes'],
      NoNewPrivileges: ['yes'],
      CapabilityBoundingSet: [''],
      SystemCallFilter: ['@system-service'],
    });
    expect(settings.has('MemoryDenyWriteExecute')).toBe(false);
  });

  itOrSkip(
    ANALYZE || process.env.CI === 'true' ? undefined : NO_ANALYZE,
    'should be a unit systemd accepts, rated OK by systemd-analyze security',
    () => {
      if (!ANALYZE) throw new Error(NO_ANALYZE);
      const file = join(tempDir('otg-unit-'), 'okta-telephony-gateway.service');
      writeFileSync(file, unit);
      const verify = spawnSync(ANALYZE, ['verify', file], { encoding: 'utf8', timeout: 20_000 });
      const security = spawnSync(ANALYZE, ['security', '--offline=yes', file], {
        encoding: 'utf8',
        timeout: 20_000,
      });

      expect(verify.stderr.trim()).toBe('');
      const exposure = /Overall exposure level for .*: ([\d.]+) (\w+)/.exec(security.stdout);
      expect(exposure?.[2]).toBe('OK');
      expect(Number(exposure?.[1])).toBeLessThanOrEqual(2);
    },
  );
});

const HARDENING = [
  'DynamicUser',
  'ProtectSystem',
  'ProtectHome',
  'PrivateTmp',
  'NoNewPrivileges',
  'CapabilityBoundingSet',
  'SystemCallFilter',
];
