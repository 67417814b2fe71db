import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lines, OTG, otg } from './support/cli';

const ROOT = join(__dirname, '..');

jest.setTimeout(60_000);

describe('otg as shipped (e2e)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    dependencies: Record<string, string>;
    version: string;
  };

  it('should be the bin of package.json, an executable script that runs the build', () => {
    expect(pkg.bin).toEqual({ otg: 'bin/otg.js' });
    expect(join(ROOT, pkg.bin.otg)).toBe(OTG);
    expect(() => accessSync(OTG, constants.X_OK)).not.toThrow();
    expect(readFileSync(OTG, 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n[\s\S]*'dist', 'cli', 'main\.js'/,
    );
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['commander', '@okta/okta-sdk-nodejs']),
    );
  });

  it('should be in the image beside dist/ and the production node_modules', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

    expect(runtime).toContain('COPY --from=deps /app/node_modules ./node_modules');
    expect(runtime).toContain('COPY --from=build /app/dist ./dist');
    expect(runtime).toContain('COPY bin ./bin');
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8')).not.toMatch(/^bin/m);
  });

  it('should list every command in otg --help, print its version, and exit 2 without a command', async () => {
    const help = await otg(['--help']);
    const version = await otg(['--version']);
    const none = await otg([]);

    expect(help.code).toBe(0);
    const commands = lines(help.stdout.slice(help.stdout.indexOf('Commands:')))
      .slice(1)
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s{2,}/)[0]);
    expect(commands).toEqual([
      'config check [options] [file]',
      'send [options]',
      'okta setup [options]',
      'okta preview [options]',
      'okta status [options]',
      'deliveries get [options] <transactionId>',
      'deliveries search [options]',
    ]);
    expect(version.stdout).toBe(`${pkg.version}\n`);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: otg [options] [command]');
  });
});
