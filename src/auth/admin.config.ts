import { Transform } from 'class-transformer';
import { IsArray, IsString, MinLength } from 'class-validator';

export class AdminConfig {
  /** Bearer tokens accepted on the admin routes (`GET /deliveries/:id`); empty entries are dropped. */
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.filter((v) => v !== '') : value,
  )
  @IsArray()
  @IsString({ each: true })
  @MinLength(16, { each: true, message: 'each token must be at least 16 characters' })
  tokens: string[] = [];
}
