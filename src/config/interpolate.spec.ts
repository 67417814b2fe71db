import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir';
import { interpolate, InterpolationProblem } from './interpolate';

describe(interpolate.name, () => {
  const env = { TOKEN: 'abc', EMPTY: '', PORT: '9090' };

  function run(tree: unknown): { value: unknown; problems: InterpolationProblem[] } {
    const problems: InterpolationProblem[] = [];
    return { value: interpolate(tree, env, problems), problems };
  }

  it('should replace variables, defaults and literal escapes anywhere in strings', () => {
    expect(
      run({
        a: '${TOKEN}',
        b: 'Bearer ${TOKEN}!',
        c: '${MISSING:-fallback}',
        d: '${EMPTY:-used}',
        e: '$${TOKEN}',
        f: ['${PORT}'],
        g: 5,
      }),
    ).toEqual({
      value: {
        a: 'abc',
        b: 'Bearer abc!',
        c: 'fallback',
        d: 'used',
        e: '${TOKEN}',
        f: ['9090'],
        g: 5,
      },
      problems: [],
    });
  });

  it('should allow an empty default, used for unset rotation slots', () => {
    expect(run(['${NEXT:-}']).value).toEqual(['']);
  });

  it('should read ${file:/path} without its final newline', () => {
    const file = join(tempDir('otg-interpolate-'), 'secret');
    writeFileSync(file, 's3cr3t\n');

    expect(run({ secret: `\${file:${file}}` }).value).toEqual({ secret: 's3cr3t' });
  });

  it('should report every problem with its path and never the value', () => {
    expect(
      run({
        a: { b: ['${NOPE}'] },
        c: '${file:/no/such/file}',
        d: '${file:relative}',
        e: '${bad name}',
      }).problems,
    ).toEqual([
      { path: 'a.b[0]', message: 'environment variable NOPE is not set' },
      { path: 'c', message: 'file /no/such/file cannot be read' },
      { path: 'd', message: 'file path "relative" must be absolute' },
      { path: 'e', message: '"${bad name}" is not a valid substitution' },
    ]);
  });

  it('should not let an environment value change the document structure', () => {
    const tricky = { ...env, X: 'a}\nb: ${TOKEN' };
    const problems: InterpolationProblem[] = [];

    expect(interpolate({ k: '${X}' }, tricky, problems)).toEqual({ k: 'a}\nb: ${TOKEN' });
  });
});
