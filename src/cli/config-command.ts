import { Command } from 'commander';
import { ConfigError, DEFAULT_CONFIG_FILE, LoadedConfig } from '../config/config.loader';
import { action, CliContext, withJson } from './cli-context';
import { ExitCode } from './cli-error';
import { loadServiceConfig } from './config-source';

interface CheckOptions {
  readonly production?: boolean;
}

/** `otg config check [FILE] [--production]`. */
export function configCommand(ctx: CliContext): Command {
  const config = new Command('config').description('check a configuration file');
  const check = withJson(
    new Command('check')
      .description(
        'load and validate a configuration exactly as the service does at boot (no server started)',
      )
      .argument('[file]', `the file (default: $CONFIG_FILE, else ${DEFAULT_CONFIG_FILE})`)
      .option('--production', 'apply the production rules, as NODE_ENV=production does'),
  );
  action(ctx, check, (file: string | undefined, options: CheckOptions) =>
    Promise.resolve(checkConfig(ctx, file, options)),
  );
  return config.addCommand(check);
}

function checkConfig(ctx: CliContext, file: string | undefined, options: CheckOptions): ExitCode {
  let loaded: LoadedConfig;
  try {
    loaded = loadServiceConfig(ctx.env, { file, production: options.production });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return report(
      ctx,
      error.file,
      options.production === true || isProduction(ctx),
      error.problems,
    );
  }
  return report(ctx, loaded.file, loaded.production, [], loaded);
}

function report(
  ctx: CliContext,
  file: string,
  production: boolean,
  problems: readonly string[],
  loaded?: LoadedConfig,
): ExitCode {
  const ok = problems.length === 0;
  const { out } = ctx;
  if (out.json) {
    out.document({ ok, file, production, problems });
  } else if (ok) {
    const rules = production ? 'with the production rules' : 'without the production rules';
    out.line(out.good(`${file} is valid (${rules}).`));
    if (loaded) out.table(summary(loaded));
  } else {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    out.line(out.bad(`${file}: ${count}`));
    for (const problem of problems) out.line(`  ${problem}`);
  }
  return ok ? ExitCode.Ok : ExitCode.Failed;
}

/** What the file sets up, by name only: never a value that could be a secret. */
function summary({ config }: LoadedConfig): [string, string][] {
  const providers = Object.entries(config.providers).map(([id, p]) => `${id} (${p.type})`);
  return [
    ['providers', providers.join(', ') || 'none'],
    ['routing', config.routing.default.join(' → ') || 'none'],
    [
      'hook auth',
      hookAuth(
        config.hook.auth.headers.map((h) => h.name),
        !!config.hook.auth.oauth,
      ),
    ],
    ['store', config.store.driver],
  ];
}

function hookAuth(headers: string[], oauth: boolean): string {
  const parts = headers.map((name) => `header ${name}`);
  if (oauth) parts.push('OAuth');
  return parts.join(', ');
}

function isProduction(ctx: CliContext): boolean {
  return ctx.env.NODE_ENV === 'production';
}
