import { readFileSync } from 'node:fs';

/** One problem found while substituting `${...}` expressions; never carries a value. */
export interface InterpolationProblem {
  path: string;
  message: string;
}

const EXPRESSION = /\$\$\{|\$\{([^}]*)\}/g;
const VARIABLE = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

/**
 * Replaces `${VAR}`, `${VAR:-default}` and `${file:/path}` in every string of a parsed YAML tree.
 * `$${` stands for a literal `${`. Values are substituted after parsing, so an environment value
 * can never change the structure of the document.
 */
export function interpolate(
  node: unknown,
  env: Readonly<Record<string, string | undefined>>,
  problems: InterpolationProblem[],
  path = '',
): unknown {
  if (typeof node === 'string') return substitute(node, env, problems, path);
  if (Array.isArray(node)) {
    return node.map((item, i) => interpolate(item, env, problems, `${path}[${i}]`));
  }
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = interpolate(value, env, problems, path ? `${path}.${key}` : key);
    }
    return out;
  }
  return node;
}

function substitute(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  problems: InterpolationProblem[],
  path: string,
): string {
  return text.replace(EXPRESSION, (whole, expression: string | undefined) => {
    if (whole === '$${') return '${';
    const resolved = resolve(expression ?? '', env);
    if (typeof resolved === 'string') return resolved;
    problems.push({ path, message: resolved.problem });
    return '';
  });
}

function resolve(
  expression: string,
  env: Readonly<Record<string, string | undefined>>,
): string | { problem: string } {
  if (expression.startsWith('file:')) return readSecretFile(expression.slice('file:'.length));
  const match = VARIABLE.exec(expression);
  if (!match) return { problem: `"\${${expression}}" is not a valid substitution` };
  const [, name, fallback] = match;
  const value = env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  return { problem: `environment variable ${name} is not set` };
}

function readSecretFile(path: string): string | { problem: string } {
  if (!path.startsWith('/')) return { problem: `file path "${path}" must be absolute` };
  try {
    return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  } catch {
    return { problem: `file ${path} cannot be read` };
  }
}
