import { OutboundConfig } from './kit/http/outbound.config';
import { ProviderConfig } from './provider.config';

/**
 * What the registry builds providers from: the `providers` section, `server.publicUrl` for
 * the callback URLs vendors are given, `outbound` (proxies) for their connections, and the ids
 * some route names (built at boot; the others only when a callback asks for them). The
 * composition root provides it, so the registry never reads the whole configuration.
 */
export class ProviderRegistryConfig {
  constructor(
    readonly providers: Readonly<Record<string, ProviderConfig>>,
    readonly publicUrl: string | undefined,
    readonly outbound: OutboundConfig = new OutboundConfig(),
    readonly routed: ReadonlySet<string> = new Set(Object.keys(providers)),
  ) {}
}
