import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startGateway, testConfig } from './support/gateway';
import { tempDir } from './support/temp-dir';

const ROOT = resolve(__dirname, '..');
const JEST = join(ROOT, 'node_modules/jest/bin/jest.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PROJECT = require('../jest.config.js') as { reporters: unknown[] };

/** Runs jest on test/fixtures/ with the project's reporters, as `npm test` would print it. */
function runFixture(): { stderr: string; tempDirOfFixture: string } {
  const out = join(tempDir('otg-hygiene-'), 'temp-dir-of-fixture');
  const config = {
    rootDir: ROOT,
    roots: ['<rootDir>/test/fixtures'],
    testRegex: '\\.fixture\\.ts$',
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: join(ROOT, 'tsconfig.json') }] },
    moduleFileExtensions: ['js', 'json', 'ts'],
    testEnvironment: 'node',
    reporters: PROJECT.reporters,
  };
  const run = spawnSync(process.execPath, [JEST, '--ci', '--config', JSON.stringify(config)], {
    cwd: ROOT,
    env: { ...process.env, FIXTURE_TEMP_DIR_FILE: out },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`the fixture run failed:\n${run.stderr}`);
  return { stderr: run.stderr, tempDirOfFixture: readFileSync(out, 'utf8') };
}

describe('test hygiene', () => {
  let fixture: ReturnType<typeof runFixture>;
  beforeAll(() => (fixture = runFixture()), 60_000);

  it('should end the run with every skipped suite and test and its reason, without --verbose', () => {
    // Printed after every file's results, just above the totals (as jest's failure summary is).
    const end = fixture.stderr.slice(fixture.stderr.lastIndexOf('\nSkipped ('));

    expect(end.split('\n').slice(0, 7)).toEqual([
      '',
      'Skipped (4 tests):',
      '  test/fixtures/hygiene.fixture.ts: a suite that needs Redis — redis-server is not installed (2 tests)',
      '  test/fixtures/hygiene.fixture.ts: a suite that runs › should check against the description — the vendor description is missing',
      '  test/fixtures/hygiene.fixture.ts: a suite that runs › should be skipped without a reason — no reason given',
      '',
      'Test Suites: 1 passed, 1 total',
    ]);
  });

  it('should remove the temporary folders a spec file made once it has run', () => {
    expect(fixture.tempDirOfFixture).toMatch(/otg-fixture-/);
    expect(existsSync(fixture.tempDirOfFixture)).toBe(false);
  });

  it('should leave nothing of the config file a gateway under test started from', async () => {
    const gateway = await startGateway(
      testConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
    await gateway.close();

    expect(existsSync(dirname(gateway.configFile))).toBe(false);
  });
});
