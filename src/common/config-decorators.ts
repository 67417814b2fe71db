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

/** A credential's documented format, as far as a length tells it. */
export interface SecretFormat {
  /** The shortest a real one is. */
  readonly minLength: number;
  /** What it is, for the refusal: `a Twilio Auth Token (32 characters)`. */
  readonly name: string;
}

const SECRET_KEYS = new WeakMap<object, Map<string, SecretFormat | undefined>>();

/**
 * Marks a vendor credential: under NODE_ENV=production the boot refuses a placeholder there
 * (`changeme`, `your-…`, `<…>`) and, when the vendor documents its format, a shorter value.
 * Metadata only: it adds no validation rule of its own.
 */
export function Secret(format?: SecretFormat): PropertyDecorator {
  return (target, property) => {
    const keys = SECRET_KEYS.get(target) ?? new Map<string, SecretFormat | undefined>();
    keys.set(String(property), format);
    SECRET_KEYS.set(target, keys);
  };
}

/** The credential keys of a config class and its parents, with their formats. */
export function secretKeys(configClass: object): ReadonlyMap<string, SecretFormat | undefined> {
  const found = new Map<string, SecretFormat | undefined>();
  let prototype: unknown = (configClass as { prototype?: unknown }).prototype;
  while (prototype && prototype !== Object.prototype) {
    for (const [key, format] of SECRET_KEYS.get(prototype) ?? []) {
      if (!found.has(key)) found.set(key, format);
    }
    prototype = Object.getPrototypeOf(prototype);
  }
  return found;
}
