import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { registerDecorator } from 'class-validator';

/**
 * An integer from `min` to `max`, also when it arrives as a string from `${VAR}` substitution;
 * one rule, so a wrong value gets one clear message.
 */
export function IntRange(min: number, max: number = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  const rule: PropertyDecorator = (target, propertyName) =>
    registerDecorator({
      name: 'intRange',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be an integer ${range}` },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
      },
    });
  return applyDecorators(
    Type(() => Number),
    rule,
  );
}

/** A boolean that may arrive as "true"/"false" from `${VAR}` substitution; anything else stays as is. */
export const BooleanFromString = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    return value;
  });
