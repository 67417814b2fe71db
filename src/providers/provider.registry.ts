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
 * Every configured provider with its circuit breaker, built once at boot from `providers` and
 * the vendor table: the one map of providers by id.
 */
@Injectable()
export class ProviderRegistry implements OnApplicationShutdown {
  private readonly entries = new Map<string, RegisteredProvider>();

  constructor(config: ProviderRegistryConfig) {
    const publicUrl = config.publicUrl?.replace(/\/+$/, '');
    for (const [id, settings] of Object.entries(config.providers)) {
      const vendor = VENDORS[settings.type];
      const provider = vendor.create(
        id,
        settings,
        vendorContext(id, settings, publicUrl, config.outbound),
      );
      this.entries.set(id, { provider, breaker: new CircuitBreaker(settings.circuitBreaker) });
    }
  }

  /** The provider with this id; config validation guarantees every routed id exists. */
  get(id: string): RegisteredProvider {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`unknown provider ${id}`);
    return entry;
  }

  /** The provider with this id, if there is one (ids from outside, e.g. a callback URL). */
  find(id: string): TelephonyProvider | undefined {
    return this.entries.get(id)?.provider;
  }

  all(): TelephonyProvider[] {
    return [...this.entries.values()].map((entry) => entry.provider);
  }

  /** Every provider's breaker state, for metrics and readiness. */
  breakerStates(): Record<string, BreakerState> {
    const states: Record<string, BreakerState> = {};
    for (const [id, { breaker }] of this.entries) states[id] = breaker.state;
    return states;
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
