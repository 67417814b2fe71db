import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { EventAuthConfig } from '../auth/auth.config';
import { IntRange } from '../common/config-decorators';

/** The Okta event hook (`events.*`): its authentication, deduplication and correlation. */
export class EventsConfig {
  @ValidateNested() @Type(() => EventAuthConfig) auth = new EventAuthConfig();
  /**
   * How long an event `uuid` is remembered, so that a repeat (Okta delivers at least once, with
   * no maximum delay) is processed once.
   */
  @IntRange(60, 604_800) dedupeTtlSeconds = 86_400;
  /**
   * How far apart an Okta event's `published` time and a delivery's arrival may be for the two
   * to be matched by user and phone (when Okta's debug data names no transaction id), and how
   * long an event that arrived before its delivery waits for it.
   */
  @IntRange(10, 3600) correlationWindowSeconds = 300;
  /**
   * Largest event hook delivery, in bytes (the rest of the service keeps
   * `server.bodyLimitBytes`): Okta batches up to hundreds of 1.5–3 KB events in one delivery.
   */
  @IntRange(65_536, 50 * 1024 * 1024) bodyLimitBytes = 5 * 1024 * 1024;
}
