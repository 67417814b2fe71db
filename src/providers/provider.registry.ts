import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app.config';
import { VendorHttpClient } from './kit/http/vendor-http.client';
import { ProviderConfig } from './provider.config';
import { TelephonyProvider } from './telephony-provider';
import { VendorContext } from './vendor-definition';
import { VENDORS } from './vendors';

/**
 * Every configured provider, from `providers` and the vendor table. The routed ones are built at
 * boot; one that no route names is built only if a vendor callback asks for it (a receipt for a
 * message sent before it left the routes), so it costs nothing, the AWS SDK included, until then.
 */
@Injectable()
export class ProviderRegistry implements OnApplicationShutdown {
  private readonly providers = new Map<string, TelephonyProvider>();

  constructor(private readonly config: AppConfig) {
    const routing = config.routing;
    const routed = new Set([...routing.default, ...routing.rules.flatMap((r) => r.providers)]);
    for (const id of Object.keys(config.providers)) if (routed.has(id)) this.build(id);
  }

  /** The provider with this id; config validation guarantees every routed id exists. */
  get(id: string): TelephonyProvider {
    const provider = this.providers.get(id);
    if (!provider) throw new Error(`unknown provider ${id}`);
    return provider;
  }

  /** The provider with this id, if there is one (ids from outside, e.g. a callback URL). */
  find(id: string): TelephonyProvider | undefined {
    if (this.providers.has(id)) return this.providers.get(id);
    return Object.hasOwn(this.config.providers, id) ? this.build(id) : undefined;
  }

  /** The providers built so far: every routed one, and the others a callback asked for. */
  all(): TelephonyProvider[] {
    return [...this.providers.values()];
  }

  private build(id: string): TelephonyProvider {
    const settings = this.config.providers[id];
    const vendor = VENDORS[settings.type];
    const provider = vendor.create(id, settings, vendorContext(id, settings, this.config));
    this.providers.set(id, provider);
    return provider;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((p) => (p.close ? p.close() : Promise.resolve())));
  }
}

function vendorContext(id: string, settings: ProviderConfig, config: AppConfig): VendorContext {
  const publicUrl = config.server.publicUrl?.replace(/\/+$/, '');
  return {
    logger: new Logger(`provider:${id}`),
    http: (baseUrl) => new VendorHttpClient({ baseUrl, maxSockets: settings.maxSockets }),
    callbackUrl: (kind) =>
      publicUrl ? `${publicUrl}/callbacks/${encodeURIComponent(id)}/${kind}` : undefined,
  };
}
