import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { AppConfig } from './app.config';
import { checkConsistency } from './config-rules';
import { interpolate, InterpolationProblem } from './interpolate';
import { brokenSections, withoutFollowOns } from './problem-paths';
import { applyProxyEnvironment } from './proxy-environment';
import { applyTracingEnvironment } from './tracing-environment';
import { checkProduction } from './production-rules';
import { overlaySection } from './section-overlay';
import { unroutedProviderWarnings } from './unrouted-providers';
import { validateConfig } from './validate-config';

export const DEFAULT_CONFIG_FILE = 'config/default.yaml';

/** The boot stops with this: one message listing every problem, with no value quoted. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Configuration ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  readonly config: AppConfig;
  readonly file: string;
  readonly production: boolean;
  /** What the boot logs but accepts, e.g. a provider configured but named by no route. */
  readonly warnings: readonly string[];
}

/** Every problem of a configuration file, found in one pass; `loaded` when there is none. */
export interface ConfigCheck {
  readonly file: string;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly loaded?: LoadedConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Checks `CONFIG_FILE` (default config/default.yaml) as the boot would, without starting
 * anything: substitution, `PORT`, the proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`,
 * `NO_PROXY`) and the OpenTelemetry ones (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`,
 * `OTEL_TRACES_SAMPLER_ARG`, `OTEL_SDK_DISABLED`), every key's own rule, the rules across keys
 * (routes naming providers, countries, auth), and the production rules when
 * `NODE_ENV=production`. All of them run whatever the others found; a problem that only follows
 * from an unset variable is left out.
 */
export function checkConfig(env: Env = process.env): ConfigCheck {
  const file = resolve(env.CONFIG_FILE || DEFAULT_CONFIG_FILE);
  const tree = readYaml(file);
  if ('problem' in tree) return { file, problems: [tree.problem], warnings: [] };
  const unset: InterpolationProblem[] = [];
  const interpolated = interpolate(tree.value, env, unset);
  if (env.PORT) setPort(interpolated, env.PORT);
  applyProxyEnvironment(interpolated, env);
  applyTracingEnvironment(interpolated, env);
  const { config, problems: fields, declaredProviders } = validateConfig(interpolated);
  const production = env.NODE_ENV === 'production';
  const broken = brokenSections(fields);
  const warnings = broken('routing') ? [] : unroutedProviderWarnings(config);
  const found = [
    ...fields,
    ...checkConsistency(config, declaredProviders, broken),
    ...(production ? checkProduction(config, broken) : []),
  ];
  const problems = [
    ...unset.map((p) => `${p.path || '(root)'}: ${p.message}`),
    ...withoutFollowOns(
      found,
      unset.map((p) => p.path),
    ),
  ];
  if (problems.length > 0) return { file, problems, warnings };
  return { file, problems, warnings, loaded: { config, file, production, warnings } };
}

/**
 * The configuration the service runs with, or a ConfigError listing every problem
 * ({@link checkConfig}).
 */
export function loadConfig(env: Env = process.env): LoadedConfig {
  const check = checkConfig(env);
  if (!check.loaded) throw new ConfigError(check.file, check.problems);
  return check.loaded;
}

function readYaml(file: string): { value: unknown } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { problem: '(file): cannot be read' };
  }
  try {
    return { value: parse(text) as unknown };
  } catch (error) {
    const where = error instanceof YAMLParseError ? yamlPosition(error) : '';
    return { problem: `(file): YAML syntax error${where}` };
  }
}

/** Position and kind only: the parser's message can quote the offending line. */
function yamlPosition(error: YAMLParseError): string {
  const pos = error.linePos?.[0];
  return pos ? ` at line ${pos.line}, column ${pos.col} (${error.code})` : ` (${error.code})`;
}

function setPort(tree: unknown, port: string): void {
  overlaySection(tree, 'server', (server) => (server.port = port));
}
