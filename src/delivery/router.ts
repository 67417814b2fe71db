import { Injectable } from '@nestjs/common';
import { Channel } from '../providers/channel';
import { ProviderRegistry, RegisteredProvider } from '../providers/provider.registry';
import { RoutingConfig } from './routing.config';

interface Route {
  readonly countries?: ReadonlySet<string>;
  readonly channels?: ReadonlySet<Channel>;
  readonly providers: readonly RegisteredProvider[];
}

/**
 * Picks the providers for a delivery, in failover order: the first rule whose countries and
 * channels match, else `routing.default`; providers that lack the channel are left out. Each
 * comes with its circuit breaker.
 */
@Injectable()
export class Router {
  private readonly rules: readonly Route[];
  private readonly fallback: readonly RegisteredProvider[];

  constructor(routing: RoutingConfig, registry: ProviderRegistry) {
    const providers = (ids: string[]): RegisteredProvider[] => ids.map((id) => registry.get(id));
    this.rules = routing.rules.map((rule) => ({
      countries: nonEmptySet(rule.match.countries),
      channels: nonEmptySet(rule.match.channels),
      providers: providers(rule.providers),
    }));
    this.fallback = providers(routing.default);
  }

  candidates(country: string | undefined, channel: Channel): RegisteredProvider[] {
    const rule = this.rules.find(
      (r) =>
        (!r.countries || (country !== undefined && r.countries.has(country))) &&
        (!r.channels || r.channels.has(channel)),
    );
    return (rule?.providers ?? this.fallback).filter((p) => p.provider.channels.includes(channel));
  }
}

function nonEmptySet<T>(values: T[] | undefined): ReadonlySet<T> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}
