import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { HookConfig } from '../hook/hook.config';
import { EventsConfig } from '../events/events.config';
import { ProviderConfig } from '../providers/provider.config';
import { OutboundConfig } from '../providers/kit/http/outbound.config';
import { MessagesConfig } from '../delivery/messages/messages.config';
import { RoutingConfig } from '../delivery/routing.config';
import { ProtectionConfig } from '../protection/protection.config';
import { StoreConfig } from '../store/store.config';
import { AdminConfig } from '../auth/admin.config';
import { RecordsConfig } from '../records/records.config';
import { ConsoleConfig } from '../console/console.config';
import { LoggingConfig, ServerConfig } from '../common/server.config';
import { TracingConfig } from '../observability/tracing.config';

/**
 * The whole configuration file (DESIGN.md "Configuration"). Every key has a default except the
 * providers and the routes; the file is validated as a whole at boot.
 */
export class AppConfig {
  @ValidateNested() @Type(() => ServerConfig) server = new ServerConfig();
  @ValidateNested() @Type(() => LoggingConfig) logging = new LoggingConfig();
  /** OpenTelemetry spans; defaults from the OTEL_* variables. */
  @ValidateNested() @Type(() => TracingConfig) tracing = new TracingConfig();
  @ValidateNested() @Type(() => HookConfig) hook = new HookConfig();
  @ValidateNested() @Type(() => EventsConfig) events = new EventsConfig();
  /** Provider id → vendor settings; validated per vendor type (see providers/vendors.ts). */
  @IsObject() providers: Record<string, ProviderConfig> = {};
  /** Egress proxies for vendor calls; defaults from HTTPS_PROXY, HTTP_PROXY, NO_PROXY. */
  @ValidateNested() @Type(() => OutboundConfig) outbound = new OutboundConfig();
  @ValidateNested() @Type(() => RoutingConfig) routing = new RoutingConfig();
  @ValidateNested() @Type(() => MessagesConfig) messages = new MessagesConfig();
  @ValidateNested() @Type(() => ProtectionConfig) protection = new ProtectionConfig();
  @ValidateNested() @Type(() => StoreConfig) store = new StoreConfig();
  @ValidateNested() @Type(() => AdminConfig) admin = new AdminConfig();
  @ValidateNested() @Type(() => RecordsConfig) records = new RecordsConfig();
  @ValidateNested() @Type(() => ConsoleConfig) console = new ConsoleConfig();
}
