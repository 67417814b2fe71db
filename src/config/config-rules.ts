import { HeaderAuthConfig } from '../auth/auth.config';
import { checkConsole } from '../console/console-rules';
import { checkMessages } from '../delivery/messages/messages-rules';
import { checkProtection } from '../protection/protection-rules';
import { Channel } from '../providers/channel';
import { VENDORS } from '../providers/vendors';
import { checkStore } from '../store/store-rules';
import { AppConfig } from './app.config';

/**
 * Checks that span several keys: routes name real providers, hooks are authenticated,
 * protection's countries and rate limits make sense (and its watch list has the event hook to
 * learn from), message templates fit their budget, the store names one Redis topology.
 */
export function checkConsistency(config: AppConfig): string[] {
  return [
    ...checkRoutes(config),
    ...checkAuth(config),
    ...checkProtection(config.protection),
    ...checkFeedback(config),
    ...checkMessages(config.messages),
    ...checkPorts(config),
    ...checkStore(config.store),
    ...checkConsole(config.console),
  ];
}

function checkPorts({ server }: AppConfig): string[] {
  const clash = server.metricsPort === server.port && server.port !== 0;
  return clash ? [`server.metricsPort: must differ from server.port (${server.port})`] : [];
}

/** The watch list learns from Okta's events: without the event hook every code looks unverified. */
function checkFeedback(config: AppConfig): string[] {
  return config.protection.adaptive.enabled && config.events.auth.headers.length === 0
    ? [
        'protection.adaptive.enabled: needs the event hook (events.auth.headers) to learn which codes are verified',
      ]
    : [];
}

/** Channels a configured provider delivers on. */
export function providerChannels(config: AppConfig, id: string): readonly Channel[] {
  const provider = config.providers[id];
  return provider.channels ?? VENDORS[provider.type].channels;
}

function checkRoutes(config: AppConfig): string[] {
  const problems: string[] = [];
  const check = (ids: string[], path: string, channels?: Channel[]): void => {
    ids.forEach((id, i) => {
      if (!config.providers[id]) {
        problems.push(`${path}[${i}]: no provider "${id}" in providers`);
        return;
      }
      const lacking = (channels ?? []).filter((c) => !providerChannels(config, id).includes(c));
      if (lacking.length > 0) {
        problems.push(`${path}[${i}]: provider "${id}" does not deliver ${lacking.join(', ')}`);
      }
    });
  };
  check(config.routing.default, 'routing.default');
  config.routing.rules.forEach((rule, i) =>
    check(rule.providers, `routing.rules[${i}].providers`, rule.match.channels),
  );
  return problems;
}

function checkAuth(config: AppConfig): string[] {
  const problems = [
    ...emptyHeaders(config.hook.auth.headers, 'hook.auth.headers'),
    ...emptyHeaders(config.events.auth.headers, 'events.auth.headers'),
  ];
  if (config.hook.auth.headers.length === 0 && !config.hook.auth.oauth) {
    problems.push(
      'hook.auth: configure at least one header secret or oauth; the hook is never open',
    );
  }
  return problems;
}

function emptyHeaders(headers: HeaderAuthConfig[], path: string): string[] {
  return headers.flatMap((header, i) =>
    header.secrets.length === 0
      ? [`${path}[${i}].secrets: needs at least one non-empty secret`]
      : [],
  );
}
