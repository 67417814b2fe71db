import { ValidationError } from 'class-validator';
import { flattenValidationErrors, ValidationProblem } from '../common/validation-problems';
import { allowedValues, closest, hint, knownKeys } from './did-you-mean';

/**
 * class-validator errors as `path: what is wrong` lines, with a did-you-mean hint for an
 * unknown key or a value outside its list. A required key reported missing beside an unknown
 * key that is its misspelling is dropped: one mistake, one line.
 */
export function toProblems(errors: ValidationError[], parent: string): string[] {
  const problems = flattenValidationErrors(errors, joinPath, parent);
  const misspelt = new Set<string>();
  const lines = problems.map((problem) => {
    const line = `${problem.path}: ${explain(problem.message, problem.property)}`;
    if (problem.message === `property ${problem.property} should not exist`) {
      const known = knownKeys(problem.error.target?.constructor ?? Object);
      const meant = closest(problem.property, known);
      if (meant !== undefined) misspelt.add(joinPath(parentOf(problem), meant));
      return line + hint(problem.property, known);
    }
    return line + valueHint(problem);
  });
  return lines.filter(
    (_, i) => !(problems[i].error.value === undefined && misspelt.has(problems[i].path)),
  );
}

/** `; did you mean "voice"?` for a value `@IsIn` refused, when a listed one is close. */
function valueHint(problem: ValidationProblem): string {
  const allowed = allowedValues(problem.error.target?.constructor ?? Object, problem.property);
  if (allowed.length === 0) return '';
  const value: unknown = problem.error.value;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return hint(
    values.find((v) => !allowed.includes(String(v))),
    allowed,
  );
}

function parentOf(problem: ValidationProblem): string {
  return problem.path === problem.property
    ? ''
    : problem.path.slice(0, -(problem.property.length + 1));
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator messages start with the property name; the path already says it. */
function explain(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'unknown key';
  if (message.startsWith(`${property} `)) return message.slice(property.length + 1);
  if (message.startsWith(`each value in ${property} `)) {
    return `each value ${message.slice(`each value in ${property} `.length)}`;
  }
  return message;
}
