import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describeOrSkip, findBinary } from '../../support/skip';

export const CHART_DIR = resolve(__dirname, '../../../helm/okta-telephony-gateway');
export const RELEASE = 'otg';
export const NAMESPACE = 'identity';
/** Resource name of every object for RELEASE. */
export const FULLNAME = 'otg-okta-telephony-gateway';

/** A rendered Kubernetes object, read as plain data. */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> } & Record<
    string,
    unknown
  >;
} & Record<string, unknown>;

export interface RenderOptions {
  /** Value files under the chart's ci/ folder (e.g. 'ci/redis-hpa-ingress-values.yaml'). */
  readonly files?: readonly string[];
  /** `--set key=value` pairs, applied after the files. */
  readonly set?: Readonly<Record<string, string | number | boolean>>;
  readonly apiVersions?: readonly string[];
  readonly kubeVersion?: string;
  /** Another chart directory (a test copy); value files still come from CHART_DIR. */
  readonly chart?: string;
  /** `--show-only templates/<file>` */
  readonly showOnly?: string;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `${HELM_BIN:-helm}`: a real helm, or the chart-render stand-in CI builds (same flags). Absent,
 * the chart specs are skipped with this reason; under CI=true that is an error instead.
 */
export function findHelm(): { bin: string } | { missing: string } {
  const configured = process.env.HELM_BIN;
  if (configured) {
    if (configured.includes('/') && !existsSync(configured)) {
      throw new Error(`HELM_BIN=${configured} does not exist`);
    }
    return { bin: configured };
  }
  const helm = findBinary('helm');
  if (helm) return { bin: helm };
  return missingTool(
    'chart tests',
    'no helm on PATH and HELM_BIN is unset (build the stand-in with ../shared/tools/chart-render/build.sh)',
  );
}

/** A tool the tests need is missing: the reason to skip, or an error under CI=true. */
export function missingTool(tests: string, missing: string): { missing: string } {
  if (process.env.CI === 'true') throw new Error(`${tests} cannot run under CI: ${missing}`);
  return { missing };
}

/** `describe`, or `describe.skip` with the reason (listed at the end of the run) when the tool is missing. */
export function describeWithTool(
  tool: { bin: string } | { missing: string },
  name: string,
  body: () => void,
): void {
  describeOrSkip('missing' in tool ? tool.missing : undefined, name, body);
}

const HELM = findHelm();

/** `describe`, or `describe.skip` with the reason when no helm is available. */
export function describeChart(name: string, body: () => void): void {
  describeWithTool(HELM, name, body);
}

function helmBin(): string {
  if ('missing' in HELM) throw new Error(HELM.missing);
  return HELM.bin;
}

function flags(options: RenderOptions): string[] {
  return [
    ...(options.files ?? []).flatMap((file) => ['-f', resolve(CHART_DIR, file)]),
    ...Object.entries(options.set ?? {}).flatMap(([key, value]) => ['--set', `${key}=${value}`]),
    ...(options.apiVersions ?? []).flatMap((api) => ['--api-versions', api]),
    ...(options.kubeVersion ? ['--kube-version', options.kubeVersion] : []),
    ...(options.showOnly ? ['--show-only', options.showOnly] : []),
  ];
}

function run(args: string[]): RunResult {
  const result = spawnSync(helmBin(), args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `helm template`; the exit status and output, for renders expected to fail. */
export function template(options: RenderOptions = {}): RunResult {
  const chart = options.chart ?? CHART_DIR;
  return run(['template', RELEASE, chart, '--namespace', NAMESPACE, ...flags(options)]);
}

/** `helm lint --strict` with the same values. */
export function lint(options: RenderOptions = {}): RunResult {
  return run(['lint', options.chart ?? CHART_DIR, '--strict', ...flags(options)]);
}

/** True when HELM_BIN is the chart-render stand-in (which refuses subcharts), not helm. */
export function isStandIn(): boolean {
  return run(['version']).stdout.startsWith('chart-render');
}

/** Renders the chart and parses every object; fails the test when helm fails. */
export function render(options: RenderOptions = {}): Manifest[] {
  const result = template(options);
  if (result.status !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

/** The one object of this kind (and name, when several share the kind). */
export function find(manifests: Manifest[], kind: string, name = FULLNAME): Manifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0];
}
