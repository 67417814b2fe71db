import { Command } from 'commander';
import { appVersion } from '../common/app-version';
import { CliContext } from './cli-context';
import { configCommand } from './config-command';
import { deliveriesCommand } from './deliveries-command';
import { oktaCommand } from './okta/okta-command';
import { Terminal } from './output';
import { sendCommand } from './send-command';

const EXIT_CODES = `
Exit codes: 0 ok, 1 a check or an operation failed, 2 usage error (wrong or missing
arguments, options or credentials). Docs: docs/cli.md`;

/** The `otg` command tree. Usage errors throw CommanderError (exitOverride), main maps them to 2. */
export function createProgram(ctx: CliContext, terminal: Terminal): Command {
  const program = new Command('otg')
    .description(
      'Okta Telephony Gateway: set Okta up, preview, test-send and check a configuration',
    )
    .version(appVersion(), '-V, --version')
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .addHelpText('after', EXIT_CODES)
    .configureOutput({
      writeOut: (text) => terminal.stdout.write(text),
      writeErr: (text) => terminal.stderr.write(text),
    })
    .hook('preAction', (root, command) => {
      ctx.out.json = command.opts<{ json?: boolean }>().json === true;
      if (root.opts<{ color: boolean }>().color === false) ctx.out.colour = false;
    });
  for (const command of [
    configCommand(ctx),
    sendCommand(ctx),
    oktaCommand(ctx),
    deliveriesCommand(ctx),
  ]) {
    program.addCommand(command);
  }
  exitOverrideEverywhere(program);
  listEveryCommand(program);
  return program;
}

/** The root help lists every command to run (`config check`, `okta setup`...), not only the groups. */
function listEveryCommand(program: Command): void {
  const leaves = (command: Command): Command[] =>
    command.commands.length === 0 ? [command] : command.commands.flatMap(leaves);
  const path = (command: Command): string =>
    command.parent && command.parent !== program
      ? `${path(command.parent)} ${command.name()}`
      : command.name();
  program.configureHelp({
    visibleCommands: (root) => root.commands.flatMap(leaves),
    subcommandTerm: (command) => `${path(command)} ${command.usage()}`,
  });
}

/** Subcommands are built before they are added, so each needs its own override. */
function exitOverrideEverywhere(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) exitOverrideEverywhere(sub);
}
