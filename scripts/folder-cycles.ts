/**
 * Folder-level dependency graph of src/: every import collapsed to its top-level feature folder.
 * `npm run lint:deps` (and `npm test`) fail on a cycle or a two-way import
 * (test/folder-cycles.e2e-spec.ts) and on an edge the lint rule's table does not allow
 * (test/dependency-direction.e2e-spec.ts); docs/architecture.md, "Dependency direction".
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

const SRC = resolve(__dirname, '../src');

/** The composition root may import every feature (it is what assembles them). */
const ROOT_FILES = new Set(['main.ts', 'app.module.ts', 'app.factory.ts', 'config/app.config.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : '.';
}

/** Folder → folders it imports (relative imports only; packages are not ours). */
export function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    if (ROOT_FILES.has(relative(SRC, file).split(sep).join('/'))) continue;
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const ref of preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const to = folderOf(resolve(dirname(file), ref.fileName));
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/**
 * Groups of folders that reach each other (strongly connected components of more than one folder):
 * each is one or more cycles. Tarjan's algorithm.
 */
export function cycles(graph: Map<string, Set<string>>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort().join(' ⇄ '));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return groups.sort();
}

/** Direct two-way imports between folders, the first thing to untie in a group. */
export function mutualPairs(graph: Map<string, Set<string>>): string[] {
  return [...graph]
    .flatMap(([from, to]) =>
      [...to].filter((t) => from < t && graph.get(t)?.has(from)).map((t) => `${from} ↔ ${t}`),
    )
    .sort();
}
