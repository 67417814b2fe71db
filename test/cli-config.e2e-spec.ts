import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError, loadConfig } from '../src/config/config.loader';
import { lines, otg } from './support/cli';

// Each `otg` run is a new Node process: about a second, several on a loaded machine.
jest.setTimeout(60_000);

const HOOK_SECRET = 'hook-secret-for-config-check-0123';
const SHORT_SECRET = 'tiny-s3cret';
// 32 characters, as a Twilio Auth Token has (production refuses a shorter one).
const TWILIO_TOKEN = 'twilio-token-value-9876543210abc';

/** The problems the service's own loader finds in `file`, which `otg config check` must print as they are. */
function serviceProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems as string[];
  }
}

describe('otg config check (e2e)', () => {
  let dir: string;
  let good: string;
  let broken: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'otg-cli-config-'));
    good = join(dir, 'good.yaml');
    broken = join(dir, 'broken.yaml');
    writeFileSync(
      good,
      stringify({
        hook: { auth: { headers: [{ name: 'authorization', secrets: ['${HOOK_SECRET}'] }] } },
        providers: {
          'twilio-main': {
            type: 'twilio',
            accountSid: 'AC0123456789abcdef0123456789abcdef',
            authToken: TWILIO_TOKEN,
            from: '+15005550006',
          },
        },
        routing: { default: ['twilio-main'] },
        admin: { tokens: ['admin-token-for-config-check-01'] },
      }),
    );
    writeFileSync(
      broken,
      stringify({
        hook: {
          deadlineMs: 5000,
          auth: { headers: [{ name: 'authorization', secrets: [SHORT_SECRET] }] },
        },
        providers: {
          'twilio-main': {
            type: 'twilio',
            accountSid: 'AC0123456789abcdef0123456789abcdef',
            authToken: '${TWILIO_AUTH_TOKEN}',
            from: '+15005550006',
          },
        },
        routing: { default: ['twilio-main', 'missing'] },
        store: { drvier: 'redis' },
      }),
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should pass a good file, name what it sets up, and print no value', async () => {
    const run = await otg(['config', 'check', good, '--production'], { HOOK_SECRET });

    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `✔ ${good} is valid (with the production rules).`,
      '  providers  twilio-main (twilio)',
      '  routing    twilio-main',
      '  hook auth  header authorization',
      '  store      memory',
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(HOOK_SECRET);
    expect(run.stdout).not.toContain(TWILIO_TOKEN);
  });

  it('should print every problem of the service loader as key.path: what is wrong, exit 1, and never a secret', async () => {
    const run = await otg(['config', 'check', broken], { TWILIO_AUTH_TOKEN: TWILIO_TOKEN });
    const expected = serviceProblems({ CONFIG_FILE: broken, TWILIO_AUTH_TOKEN: TWILIO_TOKEN });

    expect(run.code).toBe(1);
    // One pass: the route naming no provider is told beside the keys' own problems.
    expect(expected.map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'hook.deadlineMs',
      'store.drvier',
      'routing.default[1]',
    ]);
    expect(lines(run.stdout)).toEqual([
      `✖ ${broken}: 3 problems`,
      ...expected.map((p) => `  ${p}`),
    ]);
    expect(run.stdout + run.stderr).not.toContain(SHORT_SECRET);
    expect(run.stdout + run.stderr).not.toContain(TWILIO_TOKEN);
  });

  it('should apply the production rules with --production, as NODE_ENV=production does, in JSON', async () => {
    const fixed = join(dir, 'fixed.yaml');
    writeFileSync(
      fixed,
      stringify({
        hook: { auth: { headers: [{ name: 'authorization', secrets: [SHORT_SECRET] }] } },
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );

    const flagged = await otg(['config', 'check', fixed, '--production', '--json']);
    const byEnv = await otg(['config', 'check', fixed, '--json'], { NODE_ENV: 'production' });
    const expected = serviceProblems({ CONFIG_FILE: fixed, NODE_ENV: 'production' });

    expect(flagged.code).toBe(1);
    expect(expected.map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'providers.c',
      'hook.auth.headers[0].secrets[0]',
    ]);
    expect(JSON.parse(flagged.stdout)).toEqual({
      ok: false,
      file: fixed,
      production: true,
      problems: expected,
    });
    expect(JSON.parse(byEnv.stdout)).toEqual(JSON.parse(flagged.stdout));
    expect(flagged.stdout).not.toContain(SHORT_SECRET);
  });

  it('should report a missing variable by its key, and a file that cannot be read', async () => {
    const missing = await otg(['config', 'check', broken, '--json']);
    const unreadable = await otg(['config', 'check', join(dir, 'nope.yaml')]);

    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).problems).toEqual(serviceProblems({ CONFIG_FILE: broken }));
    expect(JSON.parse(missing.stdout).problems[0]).toMatch(/^providers\.twilio-main\.authToken: /);
    expect(unreadable.code).toBe(1);
    expect(lines(unreadable.stdout)).toEqual([
      `✖ ${join(dir, 'nope.yaml')}: 1 problem`,
      '  (file): cannot be read',
    ]);
  });

  it('should say, after the summary, what the boot would warn about', async () => {
    const spare = join(dir, 'spare.yaml');
    writeFileSync(
      spare,
      stringify({
        hook: { auth: { headers: [{ name: 'authorization', secrets: [HOOK_SECRET] }] } },
        providers: { c: { type: 'console' }, spare: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );

    const run = await otg(['config', 'check', spare]);

    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual([
      `✔ ${spare} is valid (without the production rules).`,
      '  providers  c (console), spare (console)',
      '  routing    c',
      '  hook auth  header authorization',
      '  store      memory',
      '! providers.spare: named by no route, so it sends nothing; add it to routing.default or a routing rule to use it',
    ]);
  });

  it('should check $CONFIG_FILE, else the embedded default, when no file is given', async () => {
    const byEnv = await otg(['config', 'check', '--json'], { CONFIG_FILE: good, HOOK_SECRET });
    const embedded = await otg(['config', 'check', '--json']);

    expect(JSON.parse(byEnv.stdout)).toMatchObject({ ok: true, file: good });
    expect(JSON.parse(embedded.stdout)).toMatchObject({
      ok: true,
      file: expect.stringMatching(/\/config\/default\.yaml$/),
    });
  });

  it("should exit 2 on a usage error, with commander's message", async () => {
    const extra = await otg(['config', 'check', good, 'other.yaml']);
    const unknown = await otg(['config', 'check', '--productoin']);

    expect(extra.code).toBe(2);
    expect(lines(extra.stderr)[0]).toBe(
      `error: too many arguments for 'check'. Expected 1 argument but got 2: ${good}, other.yaml.`,
    );
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toEqual([
      "error: unknown option '--productoin'",
      '(Did you mean --production?)',
    ]);
  });
});
