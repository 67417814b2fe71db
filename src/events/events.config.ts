import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { EventAuthConfig } from '../auth/auth.config';

export class EventsConfig {
  @ValidateNested() @Type(() => EventAuthConfig) auth = new EventAuthConfig();
}
