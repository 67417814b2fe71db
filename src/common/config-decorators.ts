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

/** A number no smaller than the object's `other` property, when both are numbers. */
export function NotBelow(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBelow',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [other],
      options: { message: `$property must not be below ${other}` },
      validator: {
        validate: (value: unknown, args) => {
          const floor = (args?.object as Record<string, unknown> | undefined)?.[other];
          return typeof value !== 'number' || typeof floor !== 'number' || value >= floor;
        },
      },
    });
}
