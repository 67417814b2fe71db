import { Command } from 'commander';
import { DEFAULT_CONFIG_FILE, LoadedConfig } from '../config/config.loader';
import { action, CliContext, withJson } from './cli-context';
import { ExitCode } from './cli-error';
import { checkServiceConfig } from './config-source';

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
    Promise.resolve(runCheck(ctx, file, options)),
  );
  return config.addCommand(check);
}

function runCheck(ctx: CliContext, file: string | undefined, options: CheckOptions): ExitCode {
  const result = checkServiceConfig(ctx.env, { file, production: options.production });
  const production = options.production === true || isProduction(ctx);
  const { out } = ctx;
  if (out.json) {
    const ok = result.problems.length === 0;
    out.document({ ok, file: result.file, production, problems: result.problems });
  } else if (result.loaded) {
    const rules = production ? 'with the production rules' : 'without the production rules';
    out.line(out.good(`${result.file} is valid (${rules}).`));
    out.table(summary(result.loaded));
    for (const warning of result.warnings) out.line(out.note(warning));
  } else {
    const count = result.problems.length;
    out.line(out.bad(`${result.file}: ${count === 1 ? '1 problem' : `${count} problems`}`));
    for (const problem of result.problems) out.line(`  ${problem}`);
  }
  return result.loaded ? ExitCode.Ok : ExitCode.Failed;
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
