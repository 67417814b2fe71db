import { Injectable } from '@nestjs/common';
import { Channel } from '../providers/channel';
import { ProviderRegistry } from '../providers/provider.registry';
import { TelephonyProvider } from '../providers/telephony-provider';
import { RoutingConfig } from './routing.config';

interface Route {
  readonly countries?: ReadonlySet<string>;
  readonly channels?: ReadonlySet<Channel>;
  readonly providers: readonly TelephonyProvider[];
}

/**
 * Picks the providers for a delivery, in failover order: the first rule whose countries and
 * channels match, else `routing.default`; providers that lack the channel are left out.
 */
@Injectable()
export class Router {
  private readonly rules: readonly Route[];
  private readonly fallback: readonly TelephonyProvider[];

  constructor(routing: RoutingConfig, registry: ProviderRegistry) {
    const providers = (ids: string[]): TelephonyProvider[] => ids.map((id) => registry.get(id));
    this.rules = routing.rules.map((rule) => ({
      countries: nonEmptySet(rule.match.countries),
      channels: nonEmptySet(rule.match.channels),
      providers: providers(rule.providers),
    }));
    this.fallback = providers(routing.default);
  }

  candidates(country: string | undefined, channel: Channel): TelephonyProvider[] {
    const rule = this.rules.find(
      (r) =>
        (!r.countries || (country !== undefined && r.countries.has(country))) &&
        (!r.channels || r.channels.has(channel)),
    );
    return (rule?.providers ?? this.fallback).filter((p) => p.channels.includes(channel));
  }
}

function nonEmptySet<T>(values: T[] | undefined): ReadonlySet<T> | undefined {
  return values && values.length > 0 ? new Set(values) : undefined;
}
