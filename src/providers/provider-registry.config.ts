import { OutboundConfig } from './kit/http/outbound.config';
import { ProviderConfig } from './provider.config';

/**
 * What the registry builds providers from: the `providers` section, `server.publicUrl` for
 * the callback URLs vendors are given, and `outbound` (proxies) for their connections. The composition root provides it, so the registry never
 * reads the whole configuration.
 */
export class ProviderRegistryConfig {
  constructor(
    readonly providers: Readonly<Record<string, ProviderConfig>>,
    readonly publicUrl: string | undefined,
    readonly outbound: OutboundConfig = new OutboundConfig(),
  ) {}
}
