import { IsString } from 'class-validator';

/** Delivery records for support staff (`records.*`): what `GET /deliveries` can search by. */
export class RecordsConfig {
  /**
   * Key of the keyed hash (HMAC-SHA-256) kept of each delivery's last four phone digits, per
   * user, so that `GET /deliveries?phoneLast4=` finds them without the number being stored. The
   * same on every replica; at least 32 characters in production. Empty: the memory driver uses
   * a key of its own process, and with Redis the last-four filter is off.
   */
  @IsString() phoneLast4Key = '';
}
