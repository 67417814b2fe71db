import { Logger } from '@nestjs/common';
import { ServerConfig } from '../common/server.config';
import { Channel } from './channel';
import { ConnectionOptions } from './kit/http/vendor-connection';
import { VendorHttpClient } from './kit/http/vendor-http.client';
import { ProviderConfig } from './provider.config';
import { TelephonyProvider } from './telephony-provider';

/** What the registry hands a vendor when it builds a provider. */
export interface VendorContext {
  readonly logger: Logger;
  /** Pool size, idle timeout, proxy and CA of this provider (for SDK clients of our own). */
  readonly connection: ConnectionOptions;
  /** A keep-alive client for this provider, with its `connection`. */
  http(baseUrl: string): VendorHttpClient;
  /**
   * `<server.publicUrl>/callbacks/<provider id>/<kind>`, or undefined when the service has no
   * public URL (then no callback can reach it). `status` is the delivery-receipt kind.
   */
  callbackUrl(kind: string): string | undefined;
}

/**
 * One vendor type: its config schema, the channels it can use, and how to build a provider.
 * Adding a vendor is one folder with one of these and one line in vendors.ts.
 */
export interface VendorDefinition<C extends ProviderConfig = ProviderConfig> {
  readonly configClass: new () => C;
  /** Channels the vendor can deliver on. */
  readonly channels: readonly Channel[];
  /**
   * Problems that need more than one key to see (e.g. "from or messagingServiceSid"), as
   * `key: what is wrong` relative to the provider block. `server` tells whether vendor
   * callbacks can reach the service (`publicUrl`).
   */
  check?(config: C, channels: readonly Channel[], server: ServerConfig): string[];
  create(id: string, config: C, context: VendorContext): TelephonyProvider;
}
