import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, Channel } from '../providers/channel';

export class RouteMatchConfig {
  /** ISO 3166-1 alpha-2 destination countries; absent or empty matches any. */
  @IsOptional() @IsArray() @IsString({ each: true }) countries?: string[];
  /** Channels; absent or empty matches any. */
  @IsOptional() @IsArray() @IsIn(CHANNELS, { each: true }) channels?: Channel[];
}

export class RouteRuleConfig {
  @ValidateNested() @Type(() => RouteMatchConfig) match = new RouteMatchConfig();
  /** Provider ids in failover order. */
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) providers: string[] = [];
}

export class RoutingConfig {
  /** Provider ids in failover order, for deliveries no rule matches. */
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) default: string[] = [];
  /** Checked in order; the first rule that matches decides. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => RouteRuleConfig) rules: RouteRuleConfig[] =
    [];
}
