import { Command } from 'commander';
import { action, channelOption, CliContext, withJson } from '../cli-context';
import { previewHook, PreviewOptions } from './okta-preview';
import { runSetup, SetupCommandOptions } from './okta-setup-command';
import { showStatus, StatusOptions } from './okta-status';

const DEFAULT_NAME = 'Okta Telephony Gateway';

/** `otg okta setup | preview | status`. */
export function oktaCommand(ctx: CliContext): Command {
  return new Command('okta')
    .description("configure and check Okta's hooks through the Management API")
    .addCommand(setupCommand(ctx))
    .addCommand(previewCommand(ctx))
    .addCommand(statusCommand(ctx));
}

function setupCommand(ctx: CliContext): Command {
  const setup = oktaOptions(new Command('setup'))
    .description(
      'create or update the telephony inline hook and the event hook, verify and activate them',
    )
    .requiredOption('--url <url>', "the gateway's public https URL, e.g. https://otp.acme.com")
    .option('--dry-run', 'print the API calls setup would make; write nothing')
    .option('--replace', 'deactivate another active telephony hook (an org has one)')
    .option(
      '--update-secrets',
      'write the hook secrets again (Okta never shows them, so setup cannot compare them)',
    )
    .option(
      '--hook-client-id <id>',
      'OAuth hook: the client Okta uses to get tokens for the gateway',
    )
    .option(
      '--hook-key-id <id>',
      'OAuth hook: its private_key_jwt key (Workflow → Key Management)',
    );
  return action(ctx, setup, (options: SetupCommandOptions) => runSetup(ctx, options));
}

function previewCommand(ctx: CliContext): Command {
  const preview = oktaOptions(new Command('preview'))
    .description(
      "make Okta call the hook with its Preview request (execute API) and show Okta's view",
    )
    .option(
      '--to <phone>',
      "destination in E.164 form (default: Okta's example number, which the gateway blocks as invalid)",
    )
    .addOption(channelOption());
  return action(ctx, preview, (options: PreviewOptions) => previewHook(ctx, options));
}

function statusCommand(ctx: CliContext): Command {
  const status = oktaOptions(new Command('status'))
    .description("the hooks' state, URL and authentication")
    .option('--url <url>', "the gateway's public URL, to check the hooks point at it");
  return action(ctx, status, (options: StatusOptions) => showStatus(ctx, options));
}

function oktaOptions(command: Command): Command {
  return withJson(command)
    .requiredOption('--org <url>', 'your Okta org, e.g. https://acme.okta.com')
    .option(
      '--config <file>',
      "the gateway's configuration (default: $CONFIG_FILE, else the embedded default)",
    )
    .option(
      '--name <name>',
      'name of the telephony hook (the event hook adds " events")',
      DEFAULT_NAME,
    )
    .option('--client-id <id>', 'service app client id (default: $OKTA_CLIENT_ID)')
    .option(
      '--private-key-file <file>',
      'its private key, PEM or JWK (default: $OKTA_PRIVATE_KEY_FILE)',
    )
    .option('--key-id <kid>', "its key's id, when the key has none (default: $OKTA_KEY_ID)");
}
