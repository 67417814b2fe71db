import { AppConfig } from './app.config';
import { routedIds } from './route-lists';

/**
 * A boot warning for each provider no route names: it sends nothing. It stays configured, so
 * the receipts of what it sent before it left the routes are still accepted, and it is built
 * only if one arrives (ProviderRegistry).
 */
export function unroutedProviderWarnings(config: AppConfig): string[] {
  const routed = routedIds(config);
  return Object.keys(config.providers)
    .filter((id) => !routed.has(id))
    .map(
      (id) =>
        `providers.${id}: named by no route, so it sends nothing; add it to routing.default or a routing rule to use it`,
    );
}
