import Ajv, { AnySchema, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** `../shared/vendor-specs` beside the repository, or VENDOR_SPECS_DIR. */
export const VENDOR_SPECS_DIR = resolve(
  process.env.VENDOR_SPECS_DIR ?? resolve(__dirname, '../../../shared/vendor-specs'),
);

type Json = Record<string, unknown>;

export interface OperationValidator {
  readonly method: string;
  readonly path: string;
  /** Problems with `body` against the operation's request schema; empty when valid. */
  validate(body: unknown): string[];
  /** Example of the success answer, when the spec has one. */
  readonly successExample?: unknown;
}

const specs = new Map<string, Json>();

/** Whether the official description of a vendor is available (`twilio`, `telnyx`, ...). */
export function hasVendorSpec(relativePath: string): boolean {
  return existsSync(resolve(VENDOR_SPECS_DIR, relativePath));
}

/**
 * A validator for one operation's request body in an official OpenAPI description (a path
 * operation, or a webhook: what the vendor sends us). Every
 * property sent must be one the operation declares (additionalProperties is forced false at the
 * top level), so a misspelt field fails. Form bodies are compared after type coercion, as
 * their values are all strings on the wire.
 */
export function operationValidator(
  relativePath: string,
  operationId: string,
  contentType: string,
): OperationValidator {
  const spec = loadSpec(relativePath);
  const { method, path, operation } = findOperation(spec, operationId);
  const requestBody = deref(spec, operation.requestBody) as Json;
  const content = (requestBody.content as Json)[contentType] as Json | undefined;
  if (!content) throw new Error(`${operationId} has no ${contentType} request body`);
  const schema = { ...(deref(spec, content.schema) as Json), additionalProperties: false };
  const validator = compile(spec, schema, contentType !== 'application/json');
  return {
    method,
    path,
    successExample: successExample(spec, operation),
    validate(body: unknown): string[] {
      const copy = structuredClone(body);
      if (validator(copy)) return [];
      return (validator.errors ?? []).map((e) =>
        `${operationId}${e.instancePath || ''} ${e.message ?? ''}`.trim(),
      );
    },
  };
}

/** A form body as an object: repeated keys become arrays. */
export function formToObject(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const prior = out[key];
    out[key] =
      prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

function loadSpec(relativePath: string): Json {
  const file = resolve(VENDOR_SPECS_DIR, relativePath);
  let spec = specs.get(file);
  if (!spec) {
    const text = readFileSync(file, 'utf8');
    spec = (file.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })) as Json;
    specs.set(file, spec);
  }
  return spec;
}

function findOperation(
  spec: Json,
  operationId: string,
): { method: string; path: string; operation: Json } {
  // OpenAPI 3.1 describes the requests a vendor makes to us (delivery reports) as `webhooks`.
  const items = { ...(spec.paths as Json), ...((spec.webhooks as Json | undefined) ?? {}) };
  for (const [path, item] of Object.entries(items)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if ((operation as Json | null)?.operationId === operationId) {
        return { method: method.toUpperCase(), path, operation: operation as Json };
      }
    }
  }
  throw new Error(`operation ${operationId} not found`);
}

/** Inlines local `$ref`s; a ref met again inside itself is left open (any value). */
function deref(spec: Json, node: unknown, seen: ReadonlySet<string> = new Set()): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(spec, n, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as Json).$ref;
  if (typeof ref === 'string') {
    if (seen.has(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>(
        (at, key) => (at as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        spec,
      );
    return deref(spec, target, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(spec, v, seen)]));
}

function compile(spec: Json, schema: Json, coerce: boolean): ValidateFunction {
  const is31 = typeof spec.openapi === 'string' && spec.openapi.startsWith('3.1');
  const options = {
    strict: false,
    allErrors: true,
    coerceTypes: coerce ? ('array' as const) : false,
  };
  const ajv = is31 ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  ajv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/);
  for (const format of collectFormats(schema)) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  return ajv.compile(schema as AnySchema);
}

function collectFormats(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectFormats(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else collectFormats(value, found);
    }
  }
  return found;
}

function successExample(spec: Json, operation: Json): unknown {
  const responses = operation.responses as Json;
  const code = Object.keys(responses).find((c) => c.startsWith('2'));
  const content = code
    ? ((deref(spec, responses[code]) as Json).content as Json | undefined)
    : undefined;
  const json = content?.['application/json'] as Json | undefined;
  const examples = json?.examples as Record<string, { value?: unknown }> | undefined;
  return json?.example ?? (examples ? Object.values(examples)[0]?.value : undefined);
}
