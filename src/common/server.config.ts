import { IsIn, IsOptional, IsString, IsUrl, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { IntRange, NotBelow } from './config-decorators';

export class ShutdownConfig {
  /** How long readiness reports 503 before the listener closes (lets the load balancer drain). */
  @IntRange(0, 120_000) drainDelayMs = 0;
  /** Hard limit for answering in-flight requests after the drain delay. */
  @IntRange(100, 120_000) timeoutMs = 10_000;
}

export class ServerConfig {
  /** Listening port; the PORT environment variable overrides it. */
  @IntRange(0, 65_535) port = 8080;
  @IsString() host = '0.0.0.0';
  /** Largest accepted request body on every route but the event hook's; bigger bodies get 413. */
  @IntRange(1024, 10 * 1024 * 1024) bodyLimitBytes = 65_536;
  /** A client has this long to send a request's headers (slow-loris); then 408 and closed. */
  @IntRange(1000, 60_000) headersTimeoutMs = 5_000;
  /** A client has this long to send a whole request, headers and body; then 408 and closed. */
  @IntRange(1000, 300_000) @NotBelow('headersTimeoutMs') requestTimeoutMs = 15_000;
  /**
   * A connection with no traffic for this long while a request is read or answered, or before
   * its first request, is closed; above Okta's 3 s so that no answer is cut.
   */
  @IntRange(3000, 600_000) connectionTimeoutMs = 10_000;
  /** Open connections allowed from one client address; one more is closed at once. */
  @IntRange(1, 65_535) maxConnectionsPerIp = 256;
  /**
   * Port of a listener of its own for `GET /metrics` (on `host`); the main port then answers 404
   * there. Unset: `/metrics` on the main port.
   */
  @IsOptional() @IntRange(0, 65_535) metricsPort?: number;
  /** Public base URL of this service, used to build vendor status-callback URLs. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  publicUrl?: string;
  /** Replicas this deployment declares; the memory store refuses more than one in production. */
  @IntRange(1) replicas = 1;
  @ValidateNested() @Type(() => ShutdownConfig) shutdown = new ShutdownConfig();
}

export class LoggingConfig {
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) level = 'info';
}
