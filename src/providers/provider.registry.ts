import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app.config';
import { connectionOptions } from './kit/http/vendor-connection';
import { VendorHttpClient } from './kit/http/vendor-http.client';
import { ProviderConfig } from './provider.config';
import { TelephonyProvider } from './telephony-provider';
import { VendorContext } from './vendor-definition';
import { VENDORS } from './vendors';

/** Every configured provider, built once at boot from `providers` and the vendor table. */
@Injectable()
export class ProviderRegistry implements OnApplicationShutdown {
  private readonly providers = new Map<string, TelephonyProvider>();

  constructor(config: AppConfig) {
    for (const [id, settings] of Object.entries(config.providers)) {
      const vendor = VENDORS[settings.type];
      this.providers.set(id, vendor.create(id, settings, vendorContext(id, settings, config)));
    }
  }

  /** The provider with this id; config validation guarantees every routed id exists. */
  get(id: string): TelephonyProvider {
    const provider = this.providers.get(id);
    if (!provider) throw new Error(`unknown provider ${id}`);
    return provider;
  }

  /** The provider with this id, if there is one (ids from outside, e.g. a callback URL). */
  find(id: string): TelephonyProvider | undefined {
    return this.providers.get(id);
  }

  all(): TelephonyProvider[] {
    return [...this.providers.values()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((p) => (p.close ? p.close() : Promise.resolve())));
  }
}

function vendorContext(id: string, settings: ProviderConfig, config: AppConfig): VendorContext {
  const publicUrl = config.server.publicUrl?.replace(/\/+$/, '');
  const connection = connectionOptions(settings, config.outbound);
  return {
    logger: new Logger(`provider:${id}`),
    connection,
    http: (baseUrl) => new VendorHttpClient({ baseUrl, ...connection }),
    callbackUrl: (kind) =>
      publicUrl ? `${publicUrl}/callbacks/${encodeURIComponent(id)}/${kind}` : undefined,
  };
}
