import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { BreakerState, CircuitBreaker } from './circuit-breaker';
import { OutboundConfig } from './kit/http/outbound.config';
import { connectionOptions } from './kit/http/vendor-connection';
import { VendorHttpClient } from './kit/http/vendor-http.client';
import { ProviderConfig } from './provider.config';
import { ProviderRegistryConfig } from './provider-registry.config';
import { TelephonyProvider } from './telephony-provider';
import { VendorContext } from './vendor-definition';
import { VENDORS } from './vendors';

/** A configured provider and its circuit breaker (local to this replica). */
export interface RegisteredProvider {
  readonly provider: TelephonyProvider;
  readonly breaker: CircuitBreaker;
}

/**
 * Every configured provider with its circuit breaker, from `providers` and the vendor table: the
 * one map of providers by id. The routed ones are built at boot; one that no route names is
 * built only if a vendor callback asks for it (a receipt for a message sent before it left the
 * routes), so it costs nothing, the AWS SDK included, until then.
 */
@Injectable()
export class ProviderRegistry implements OnApplicationShutdown {
  private readonly entries = new Map<string, RegisteredProvider>();

  constructor(private readonly config: ProviderRegistryConfig) {
    for (const id of Object.keys(config.providers)) if (config.routed.has(id)) this.build(id);
  }

  /** The provider with this id; config validation guarantees every routed id exists. */
  get(id: string): RegisteredProvider {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    return entry;
  }

  /** The provider with this id, if there is one (ids from outside, e.g. a callback URL). */
  find(id: string): TelephonyProvider | undefined {
    const entry = this.entries.get(id);
    if (entry) return entry.provider;
    return Object.hasOwn(this.config.providers, id) ? this.build(id).provider : undefined;
  }

  /** The vendor (`type`) of a configured provider, without building it; undefined for no such id. */
  typeOf(id: string): string | undefined {
    return Object.hasOwn(this.config.providers, id) ? this.config.providers[id].type : undefined;
  }

  /** The providers built so far: every routed one, and the others a callback asked for. */
  all(): TelephonyProvider[] {
    return [...this.entries.values()].map((entry) => entry.provider);
  }

  /** The breaker state of every provider built so far, for metrics and readiness. */
  breakerStates(): Record<string, BreakerState> {
    const states: Record<string, BreakerState> = {};
    for (const [id, { breaker }] of this.entries) states[id] = breaker.state;
    return states;
  }

  private build(id: string): RegisteredProvider {
    const { providers, publicUrl, outbound } = this.config;
    const settings = providers[id];
    const context = vendorContext(id, settings, publicUrl?.replace(/\/+$/, ''), outbound);
    const entry = {
      provider: VENDORS[settings.type].create(id, settings, context),
      breaker: new CircuitBreaker(settings.circuitBreaker),
    };
    this.entries.set(id, entry);
    return entry;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((p) => (p.close ? p.close() : Promise.resolve())));
  }
}

function vendorContext(
  id: string,
  settings: ProviderConfig,
  publicUrl: string | undefined,
  outbound: OutboundConfig,
): VendorContext {
  const connection = connectionOptions(settings, outbound);
  return {
    logger: new Logger(`provider:${id}`),
    connection,
    http: (baseUrl) => new VendorHttpClient({ baseUrl, ...connection }),
    callbackUrl: (kind) =>
      publicUrl ? `${publicUrl}/callbacks/${encodeURIComponent(id)}/${kind}` : undefined,
  };
}
