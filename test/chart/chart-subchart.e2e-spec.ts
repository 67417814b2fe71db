import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  CHART_DIR,
  describeChart,
  isStandIn,
  lint,
  Manifest,
  render,
  template,
} from './support/helm';
import { containerOf, validateManifest } from './support/kube';
import { MINIMAL_SECRETS } from './support/scenarios';
import { tempDir } from '../support/temp-dir';

const CHART = 'okta-telephony-gateway';
const { version } = parse(readFileSync(join(CHART_DIR, 'Chart.yaml'), 'utf8')) as {
  version: string;
};

/** The subchart's block of a parent's values: the minimal secrets, as a values tree. */
function gatewayBlock(): Record<string, unknown> {
  const values = Object.entries(MINIMAL_SECRETS).filter(([k]) => k.startsWith('secrets.values.'));
  return {
    enabled: true,
    secrets: { values: Object.fromEntries(values.map(([k, v]) => [k.split('.')[2], v])) },
    redis: { url: MINIMAL_SECRETS['redis.url'] },
  };
}

/** A platform's umbrella chart: global values shared by every subchart, and ours among them. */
const PARENT_VALUES = {
  global: {
    imageRegistry: 'registry.example.com',
    imagePullSecrets: ['regcred'],
    storageClass: 'fast-ssd',
  },
  [CHART]: gatewayBlock(),
};

/** The parent chart in a temporary folder, with this chart packaged under charts/. */
function parentChart(): string {
  const dir = join(tempDir('otg-parent-'), 'identity-platform');
  mkdirSync(join(dir, 'charts'), { recursive: true });
  writeFileSync(
    join(dir, 'Chart.yaml'),
    stringify({
      apiVersion: 'v2',
      name: 'identity-platform',
      version: '1.0.0',
      dependencies: [
        {
          name: CHART,
          version,
          repository: 'file://../okta-telephony-gateway',
          condition: `${CHART}.enabled`,
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'values.yaml'), stringify(PARENT_VALUES));
  const root = resolve(__dirname, '../..');
  const packaged = spawnSync(
    process.execPath,
    ['scripts/chart-package.js', '--destination', join(dir, 'charts')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (packaged.status !== 0) throw new Error(packaged.stderr);
  return dir;
}

function expectGlobalApplied(manifests: Manifest[]): void {
  for (const manifest of manifests) validateManifest(manifest);
  const pod = manifests.find((m) => m.kind === 'Deployment')?.spec as {
    template: { spec: { imagePullSecrets: unknown } };
  };
  expect(containerOf(manifests).image).toBe(`registry.example.com/${CHART}:0.1.0`);
  expect(pod.template.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
}

describeChart('okta-telephony-gateway chart: as a subchart', () => {
  const standIn = isStandIn();

  it("should render from what Helm hands a subchart: the parent's block and its global values", () => {
    // Helm's CoalesceValues gives a subchart its block of the parent's values plus `global`.
    const file = join(tempDir('otg-subchart-values-'), 'values.yaml');
    writeFileSync(file, stringify({ ...PARENT_VALUES[CHART], global: PARENT_VALUES.global }));

    expect(lint({ files: [file] }).status).toBe(0);
    expectGlobalApplied(render({ files: [file] }));
  });

  if (!standIn) {
    it('should render inside a parent chart with a global block', () => {
      const manifests = render({ chart: parentChart() });
      expectGlobalApplied(manifests.filter((m) => m.metadata.name.includes(CHART)));
    });
    return;
  }

  // chart-render renders one chart directory: it refuses Chart.yaml dependencies and charts/,
  // so only the values Helm would hand the subchart are tested above.
  it('should be refused by chart-render alone, which renders one chart', () => {
    const refusal = template({ chart: parentChart() }).stderr.split('\n')[0];

    expect(refusal).toBe(
      `Error: chart "identity-platform" declares dependencies (${CHART}); subcharts are not supported by chart-render - use the real helm for this chart`,
    );
  });
});
