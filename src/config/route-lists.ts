import { Channel } from '../providers/channel';
import { AppConfig } from './app.config';

/** One list of provider ids a route names, where it is, and the channels its rule matches. */
export interface RouteList {
  readonly path: string;
  readonly ids: readonly string[];
  readonly channels: readonly Channel[];
}

/**
 * `routing.default` and each rule's `providers`. Read defensively: the rules across keys run
 * even when `routing` has problems of its own, so a list may not be a list.
 */
export function routeLists(config: AppConfig): RouteList[] {
  const routing: Partial<AppConfig['routing']> = config.routing ?? {};
  const rules: unknown[] = Array.isArray(routing.rules) ? routing.rules : [];
  return [
    { path: 'routing.default', ids: strings(routing.default), channels: [] },
    ...rules.map((rule, i) => {
      const { providers, match } = (rule ?? {}) as { providers?: unknown; match?: unknown };
      const channels = strings((match as { channels?: unknown } | undefined)?.channels);
      return {
        path: `routing.rules[${i}].providers`,
        ids: strings(providers),
        channels: channels as Channel[],
      };
    }),
  ];
}

/** Every provider id some route names. */
export function routedIds(config: AppConfig): Set<string> {
  return new Set(routeLists(config).flatMap((list) => list.ids));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
