import { HeaderAuthConfig } from '../auth/auth.config';
import { checkConsole } from '../console/console-rules';
import { checkMessages } from '../delivery/messages/messages-rules';
import { checkProtection } from '../protection/protection-rules';
import { Channel } from '../providers/channel';
import { VENDORS } from '../providers/vendors';
import { checkStore } from '../store/store-rules';
import { AppConfig } from './app.config';
import { checkCountries } from './country-codes';
import { routeLists } from './route-lists';

/**
 * Checks that span several keys: routes name real providers, hooks are authenticated, country
 * codes exist, protection's rate limits make sense (and its watch list has the event hook to
 * learn from), message templates fit their budget, the ports differ, the store names one Redis
 * topology, an enabled support console has what it needs. They run even when some keys have
 * problems of their own: a section with such a problem (`broken`) is skipped by the rules that
 * would read it whole; routes are always checked against every provider the file declares,
 * valid or not.
 */
export function checkConsistency(
  config: AppConfig,
  declared: ReadonlySet<string>,
  broken: (section: string) => boolean,
): string[] {
  return [
    ...checkRoutes(config, declared),
    ...checkAuth(config, broken),
    ...checkCountries(config),
    ...(broken('protection') ? [] : checkProtection(config.protection)),
    ...(broken('protection.adaptive') || broken('events.auth') ? [] : checkFeedback(config)),
    ...(broken('messages') ? [] : checkMessages(config.messages)),
    ...(broken('server') ? [] : checkPorts(config)),
    ...(broken('store') ? [] : checkStore(config.store)),
    ...(broken('console') ? [] : checkConsole(config.console)),
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
function providerChannels(config: AppConfig, id: string): readonly Channel[] {
  const provider = config.providers[id];
  return provider.channels ?? VENDORS[provider.type].channels;
}

function checkRoutes(config: AppConfig, declared: ReadonlySet<string>): string[] {
  return routeLists(config).flatMap(({ path, ids, channels }) =>
    ids.flatMap((id, i) => {
      if (!declared.has(id)) return [`${path}[${i}]: no provider "${id}" in providers`];
      // A provider with problems of its own is not in config.providers; they are told already.
      if (!config.providers[id]) return [];
      const lacking = channels.filter((c) => !providerChannels(config, id).includes(c));
      return lacking.length > 0
        ? [`${path}[${i}]: provider "${id}" does not deliver ${lacking.join(', ')}`]
        : [];
    }),
  );
}

function checkAuth(config: AppConfig, broken: (section: string) => boolean): string[] {
  const problems = [
    ...(broken('hook.auth') ? [] : emptyHeaders(config.hook.auth.headers, 'hook.auth.headers')),
    ...(broken('events.auth')
      ? []
      : emptyHeaders(config.events.auth.headers, 'events.auth.headers')),
  ];
  if (!broken('hook.auth') && config.hook.auth.headers.length === 0 && !config.hook.auth.oauth) {
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
