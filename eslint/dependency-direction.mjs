// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');
const BOTTOM = ['auth', 'common', 'observability', 'phone'];
const BESIDE_HOOK = ['delivery', 'protection', 'providers', 'store', ...BOTTOM];

/**
 * What each folder of src/ may import (docs/architecture.md, "Dependency direction"). console
 * sits on top of records (it shows what records finds); hook, events, callbacks, records and
 * health beside each other below it; delivery below them;
 * protection, providers and store below delivery (protection reads the channel of providers and
 * counts in the store); auth, phone, observability and common below everything. config/ loads and
 * validates the file: it may import every feature, and no feature imports it. The composition
 * root (main.ts, app.module.ts, app.factory.ts) is not checked.
 */
export const MAY_IMPORT = {
  hook: BESIDE_HOOK,
  events: BESIDE_HOOK,
  callbacks: BESIDE_HOOK,
  records: BESIDE_HOOK,
  health: BESIDE_HOOK,
  console: ['records', ...BESIDE_HOOK],
  delivery: ['protection', 'providers', 'store', ...BOTTOM],
  protection: ['providers', 'store', ...BOTTOM],
  providers: BOTTOM,
  store: BOTTOM,
  auth: ['common'],
  observability: ['common', 'phone'],
  phone: ['common'],
  common: [],
  config: [...BESIDE_HOOK, 'hook', 'events', 'callbacks', 'records', 'health', 'console'],
  cli: ['config', ...BESIDE_HOOK, 'hook', 'events', 'callbacks', 'records', 'health'],
};

/** The top-level folder of src/ a file is in, or undefined outside src/ or at its root. */
function folderOf(file) {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between the folders of src/ follow the dependency direction' },
    messages: {
      against:
        '{{from}}/ may not import {{to}}/: dependencies point one way (docs/architecture.md, "Dependency direction")',
    },
    schema: [],
  },
  create(context) {
    const from = folderOf(context.filename);
    if (from === undefined) return {};
    const allowed = MAY_IMPORT[from] ?? [];
    /** @param {{ source?: { value?: unknown } | null } & import('estree').Node} node */
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = folderOf(resolve(dirname(context.filename), source));
      if (to === undefined || to === from || allowed.includes(to)) return;
      context.report({ node, messageId: 'against', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/** The plugin eslint.config.mjs registers as `layers`. */
export default { rules: { 'dependency-direction': rule } };
