import { AppConfig } from './app.config';
import { routedIds } from './route-lists';

/**
 * Leaves out of `config.providers` the providers no route names: they could never send, and
 * building them would cost their start-up (the AWS SDK for an AWS one) and their checks. Each
 * is told as a boot warning.
 */
export function keepRoutedProviders(config: AppConfig): string[] {
  const routed = routedIds(config);
  const warnings: string[] = [];
  for (const id of Object.keys(config.providers)) {
    if (routed.has(id)) continue;
    delete config.providers[id];
    warnings.push(
      `providers.${id}: configured but named by no route, so not started; add it to routing.default or a routing rule to use it`,
    );
  }
  return warnings;
}
