import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { CHART_DIR, describeChart, lint, template } from './support/helm';
import { tempDir } from '../support/temp-dir';
import { withSecrets } from './support/scenarios';

const ROOT = resolve(__dirname, '../..');
const { version } = parse(readFileSync(join(CHART_DIR, 'Chart.yaml'), 'utf8')) as {
  version: string;
};

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** `npm run chart:package` into a temporary folder: the archive's path. */
function packageChart(chartDir?: string): string {
  const out = tempDir('otg-package-');
  const args = ['scripts/chart-package.js', '--destination', out, ...(chartDir ? [chartDir] : [])];
  return run(process.execPath, args).trim();
}

describeChart('okta-telephony-gateway chart: helm package', () => {
  it('should make <name>-<version>.tgz holding <name>/..., without what .helmignore lists', () => {
    const archive = packageChart();
    const entries = run('tar', ['-tzf', archive]).trim().split('\n');

    expect(archive).toBe(join(archive, '..', `okta-telephony-gateway-${version}.tgz`));
    expect(entries.slice(0, 4)).toEqual([
      'okta-telephony-gateway/Chart.yaml',
      'okta-telephony-gateway/values.yaml',
      'okta-telephony-gateway/values.schema.json',
      'okta-telephony-gateway/templates/NOTES.txt',
    ]);
    expect(entries).toContain('okta-telephony-gateway/dashboards/okta-telephony-gateway.json');
    expect(entries).toContain('okta-telephony-gateway/README.md');
    expect(entries.filter((e) => /\/(ci\/|README\.intro\.md|icon\.svg)/.test(e))).toEqual([]);
  });

  it('should unpack to a chart that lints and renders exactly like the source folder', () => {
    const dir = tempDir('otg-unpacked-');
    run('tar', ['-xzf', packageChart(), '-C', dir]);
    const unpacked = join(dir, 'okta-telephony-gateway');
    const options = withSecrets({ set: { 'metrics.grafanaDashboard.enabled': true } });

    expect(lint({ ...options, chart: unpacked }).status).toBe(0);
    expect(template({ ...options, chart: unpacked }).stdout).toBe(template(options).stdout);
  });

  it("should honour Helm's .helmignore rules: basename, path, rooted, directory, hidden templates", () => {
    const chart = join(tempDir('otg-ignore-'), 'demo');
    const files: Record<string, string> = {
      'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 1.2.3\n',
      '.helmignore': '# comment\n*.bak\n/top.txt\nsub/*.tmp\ndocs/\n',
      'values.yaml': '{}\n',
      'top.txt': 'x',
      'sub/top.txt': 'x',
      'sub/a.tmp': 'x',
      'sub/deep/b.tmp': 'x',
      'old.bak': 'x',
      'keep.bak': 'x',
      'docs/guide.md': 'x',
      'templates/cm.yaml': 'x',
      'templates/.hidden.yaml': 'x',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(chart, path, '..'), { recursive: true });
      writeFileSync(join(chart, path), content);
    }

    const entries = run('tar', ['-tzf', packageChart(chart)])
      .trim()
      .split('\n');

    expect(entries).toEqual([
      'demo/Chart.yaml',
      'demo/values.yaml',
      'demo/templates/cm.yaml',
      'demo/.helmignore',
      'demo/sub/deep/b.tmp',
      'demo/sub/top.txt',
    ]);
  });
});
