import {
  checkConfig,
  ConfigCheck,
  ConfigError,
  loadConfig,
  LoadedConfig,
} from '../config/config.loader';
import { CliError } from './cli-error';

export type Env = Readonly<Record<string, string | undefined>>;

/** Which file to load, and whether to apply the production rules whatever NODE_ENV says. */
export interface ConfigChoice {
  readonly file?: string;
  readonly production?: boolean;
}

/**
 * The configuration exactly as the service loads it at boot (same loader, same environment for
 * `${VAR}`, `PORT` and `NODE_ENV`), from `file`, else `CONFIG_FILE`, else the embedded default.
 * Throws ConfigError with every problem.
 */
export function loadServiceConfig(env: Env, choice: ConfigChoice = {}): LoadedConfig {
  return loadConfig(serviceEnv(env, choice));
}

/** Every problem of the configuration, found in one pass as the boot does, without throwing. */
export function checkServiceConfig(env: Env, choice: ConfigChoice = {}): ConfigCheck {
  return checkConfig(serviceEnv(env, choice));
}

/** The environment the service would see: `file` as CONFIG_FILE, `production` as NODE_ENV. */
function serviceEnv(env: Env, choice: ConfigChoice): Env {
  const overrides: Record<string, string> = {};
  if (choice.file) overrides.CONFIG_FILE = choice.file;
  if (choice.production) overrides.NODE_ENV = 'production';
  return { ...env, ...overrides };
}

/** As loadServiceConfig, for commands that only need a few keys: problems become one CliError. */
export function requireServiceConfig(env: Env, choice: ConfigChoice = {}): LoadedConfig {
  try {
    return loadServiceConfig(env, choice);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const lines = error.problems.map((p) => `  ${p}`).join('\n');
    throw new CliError(
      `The configuration ${error.file} is invalid:\n${lines}`,
      undefined,
      'Fix it, or check it alone with `otg config check`.',
    );
  }
}
