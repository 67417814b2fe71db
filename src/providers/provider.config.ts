import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUrl, ValidateNested } from 'class-validator';
import { IntRange } from '../common/config-decorators';
import { CHANNELS, Channel } from './channel';

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
  @ValidateNested() @Type(() => CircuitBreakerConfig) circuitBreaker = new CircuitBreakerConfig();
}
