import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A non-empty string of at most `maxLength` characters (matching `pattern` when given), or a
 * non-negative safe integer.
 */
export function IsStringOrNumber(
  limits: { maxLength: number; pattern?: RegExp },
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStringOrNumber',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a non-empty string or a number of the expected form`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
          if (typeof value !== 'string') return false;
          if (value.trim().length === 0 || value.length > limits.maxLength) return false;
          return limits.pattern ? limits.pattern.test(value) : true;
        },
      },
    });
}
