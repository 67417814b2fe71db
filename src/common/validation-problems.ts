import { ValidationError } from 'class-validator';

/** One broken rule of a validated object: where it is, the property, and the validator's message. */
export interface ValidationProblem {
  readonly path: string;
  readonly property: string;
  readonly message: string;
  /** The validator's error: its `target` and `value` are for hints, never for output. */
  readonly error: ValidationError;
}

/** `parent.property`; `join` may write array indexes differently (e.g. `parent[0]`). */
export type PathJoin = (parent: string, property: string) => string;

const dotted: PathJoin = (parent, property) => (parent ? `${parent}.${property}` : property);

/** Every broken rule in `errors` and their children, depth first, never the value. */
export function flattenValidationErrors(
  errors: readonly ValidationError[],
  join: PathJoin = dotted,
  parent = '',
): ValidationProblem[] {
  return errors.flatMap((error) => {
    const path = join(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      property: error.property,
      message,
      error,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], join, path)];
  });
}
