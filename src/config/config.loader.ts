import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { AppConfig } from './app.config';
import { checkConsistency } from './config-rules';
import { interpolate, InterpolationProblem } from './interpolate';
import { applyProxyEnvironment } from './proxy-environment';
import { applyTracingEnvironment } from './tracing-environment';
import { checkProduction } from './production-rules';
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
}

/**
 * Reads `CONFIG_FILE` (default config/default.yaml), substitutes `${...}`, applies `PORT` and
 * the proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) and the OpenTelemetry ones
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER_ARG`, `OTEL_SDK_DISABLED`), validates, and applies the production rules when `NODE_ENV=production`.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): LoadedConfig {
  const file = resolve(env.CONFIG_FILE || DEFAULT_CONFIG_FILE);
  const problems: InterpolationProblem[] = [];
  const tree = interpolate(readYaml(file), env, problems);
  if (env.PORT) setPort(tree, env.PORT);
  applyProxyEnvironment(tree, env);
  applyTracingEnvironment(tree, env);
  const { config, problems: invalid } = validateConfig(tree);
  const production = env.NODE_ENV === 'production';
  const all = [
    ...problems.map((p) => `${p.path || '(root)'}: ${p.message}`),
    ...invalid,
    ...(invalid.length === 0 ? checkConsistency(config) : []),
    ...(invalid.length === 0 && production ? checkProduction(config) : []),
  ];
  if (all.length > 0) throw new ConfigError(file, all);
  return { config, file, production };
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, ['(file): cannot be read']);
  }
  try {
    return parse(text) as unknown;
  } catch (error) {
    const where = error instanceof YAMLParseError ? yamlPosition(error) : '';
    throw new ConfigError(file, [`(file): YAML syntax error${where}`]);
  }
}

/** Position and kind only: the parser's message can quote the offending line. */
function yamlPosition(error: YAMLParseError): string {
  const pos = error.linePos?.[0];
  return pos ? ` at line ${pos.line}, column ${pos.col} (${error.code})` : ` (${error.code})`;
}

function setPort(tree: unknown, port: string): void {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return;
  const root = tree as Record<string, unknown>;
  const server = root.server;
  root.server = { ...(server && typeof server === 'object' ? server : {}), port };
}
