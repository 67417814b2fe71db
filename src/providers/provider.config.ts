import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUrl, ValidateNested } from 'class-validator';
import { IntRange } from '../common/config-decorators';
import { CHANNELS, Channel } from './channel';
import { PemCertificatesFile, ProxyUrl } from './kit/http/outbound.config';

export class CircuitBreakerConfig {
  /** Consecutive failures that open the breaker. */
  @IntRange(1, 1000) consecutiveFailures = 5;
  /** How long an open breaker skips the provider before one probe attempt. */
  @IntRange(100, 3_600_000) cooldownMs = 30_000;
}

/** Settings every provider block has, whatever its vendor. Vendor config classes extend it. */
export class ProviderConfig {
  /** The vendor strategy: `console`, `twilio`, ... */
  @IsString() type!: string;
  /** Vendor API base URL; overridable for regional hosts, proxies and tests. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl?: string;
  /** Longest one attempt may take; the hook deadline can shorten it. */
  @IntRange(50, 30_000) timeoutMs = 1500;
  /** Channels this provider is used for; defaults to every channel its vendor supports. */
  @IsOptional() @IsArray() @IsIn(CHANNELS, { each: true }) channels?: Channel[];
  /** Keep-alive connections kept open to the vendor. */
  @IntRange(1, 1024) maxSockets = 64;
  /**
   * An idle keep-alive connection is closed after this long: below the vendor's own timeout
   * (the vendor's `Keep-Alive: timeout` hint is not read).
   */
  @IntRange(100, 600_000) idleTimeoutMs = 4000;
  /** This provider's proxy; wins over `outbound` and the environment. `""` or `none`: direct. */
  @ProxyUrl() proxyUrl?: string;
  /** PEM CA certificates trusted for this vendor besides Node's own (a private CA, a TLS proxy). */
  @IsOptional() @PemCertificatesFile() caFile?: string;
  @ValidateNested() @Type(() => CircuitBreakerConfig) circuitBreaker = new CircuitBreakerConfig();
}
