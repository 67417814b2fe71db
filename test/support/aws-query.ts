import { SmithyModel } from './smithy';

/** Dotted form keys as a tree: `A.entry.1.Name=x` becomes `{A:{entry:{1:{Name:'x'}}}}`. */
type Node = string | { [key: string]: Node };

export interface QueryCall {
  /** The `Action` parameter. */
  readonly action: string;
  /** The form read back into the operation's input structure. */
  readonly input: Record<string, unknown>;
  readonly problems: string[];
}

/**
 * Reads an awsQuery form body (`Action=…&Version=…&Member.entry.1.Name=…`) back into the
 * input structure the model describes, so it can be validated like a JSON input. Lists are
 * `Name.member.N` (or `Name.N` when flattened), maps `Name.entry.N.<key>/<value>` with the
 * key and value names of their `xmlName` traits; scalars are coerced from their text.
 * Without a model, the awsQuery defaults are assumed and every scalar stays a string.
 */
export function readQuery(body: string, version: string, model?: SmithyModel): QueryCall {
  const problems: string[] = [];
  const form = new URLSearchParams(body);
  const action = form.get('Action') ?? '';
  if (form.get('Version') !== version) problems.push(`Version must be ${version}`);
  form.delete('Action');
  form.delete('Version');
  const tree: Record<string, Node> = {};
  for (const [key, value] of form) insert(tree, key.split('.'), value, key, problems);
  if (!model) return { action, input: decodeUntyped(tree) as Record<string, unknown>, problems };
  let input: Record<string, unknown> = {};
  try {
    input = decode(model, model.inputOf(action), tree, action, problems) as Record<string, unknown>;
  } catch {
    problems.push(`Action ${action || '(missing)'} is not an operation of the model`);
  }
  return { action, input, problems };
}

/** `X.member.N` as lists, `X.entry.N.(Name|key)/(Value|value)` as maps, the rest as is. */
function decodeUntyped(node: Node): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only === 'member') return numbered(node.member, '', []).map(decodeUntyped);
  if (only === 'entry') {
    const entries = numbered(node.entry, '', []).map((e) =>
      typeof e === 'string' ? [e, e] : [e.Name ?? e.key ?? '', e.Value ?? e.value ?? ''],
    );
    return Object.fromEntries(entries.map(([k, v]) => [decodeUntyped(k), decodeUntyped(v)]));
  }
  return Object.fromEntries(keys.map((k) => [k, decodeUntyped(node[k])]));
}

function insert(
  tree: Record<string, Node>,
  parts: string[],
  value: string,
  key: string,
  problems: string[],
): void {
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    if (head in tree) problems.push(`${key} is sent twice or is also a prefix`);
    tree[head] = value;
    return;
  }
  const child = (tree[head] ??= {});
  if (typeof child === 'string') problems.push(`${key} extends a key that has a value`);
  else insert(child, rest, value, key, problems);
}

function decode(
  model: SmithyModel,
  target: string,
  node: Node,
  path: string,
  problems: string[],
): unknown {
  const shape = model.shape(target);
  if (shape.type === 'structure') {
    if (typeof node === 'string') return node;
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(node)) {
      const member = shape.members?.[name];
      out[name] = member ? decode(model, member.target, child, `${path}.${name}`, problems) : child;
    }
    return out;
  }
  if (shape.type === 'list' && shape.member) {
    const flattened = shape.member.traits?.['smithy.api#xmlFlattened'] !== undefined;
    const items = numbered(flattened ? node : child(node, 'member'), `${path}`, problems);
    return items.map((item, i) =>
      decode(model, shape.member!.target, item, `${path}[${i}]`, problems),
    );
  }
  if (shape.type === 'map' && shape.key && shape.value) {
    const keyName = (shape.key.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'key';
    const valueName = (shape.value.traits?.['smithy.api#xmlName'] as string | undefined) ?? 'value';
    const out: Record<string, unknown> = {};
    for (const entry of numbered(child(node, 'entry'), path, problems)) {
      const key = child(entry, keyName);
      if (typeof key !== 'string') problems.push(`${path} entry without ${keyName}`);
      else
        out[key] = decode(
          model,
          shape.value.target,
          child(entry, valueName),
          `${path}.${key}`,
          problems,
        );
    }
    return out;
  }
  return typeof node === 'string' ? scalar(shape.type, node) : node;
}

function child(node: Node, name: string): Node {
  return typeof node === 'string' ? node : (node[name] ?? {});
}

/** Children 1..n in order; a gap or a non-number is a problem. */
function numbered(node: Node, path: string, problems: string[]): Node[] {
  if (typeof node === 'string') return [];
  const keys = Object.keys(node);
  const expected = keys.map((_, i) => String(i + 1));
  if ([...keys].sort((a, b) => Number(a) - Number(b)).join() !== expected.join()) {
    problems.push(`${path} entries must be numbered 1..${keys.length}`);
  }
  return expected.map((k) => node[k]).filter((n) => n !== undefined);
}

function scalar(type: string, text: string): unknown {
  if (['integer', 'long', 'short', 'byte', 'float', 'double'].includes(type)) {
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}
