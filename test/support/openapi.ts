import Ajv, { AnySchema, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Known differences between a description and the live API, tolerated on purpose. */
export interface SpecTolerance {
  /** Properties the description requires that the live API does not (e.g. a draft's typo). */
  readonly ignoreRequired?: readonly string[];
  /** Properties the live API takes that the description lacks, with their schema. */
  readonly extraProperties?: Readonly<Record<string, Json>>;
  /**
   * Reads every `oneOf` as `anyOf`, for descriptions whose alternatives overlap so that a
   * correct value matches more than one (e.g. endpoints whose `type` has no enum).
   */
  readonly overlappingOneOf?: boolean;
}

const specs = new Map<string, Json>();

/**
 * Why the checks that need this vendor description are skipped (it is missing), or undefined
 * when it is there; under CI=true a missing description fails instead ({@link hasVendorSpec}).
 */
export function missingVendorSpec(relativePath: string): string | undefined {
  if (hasVendorSpec(relativePath)) return undefined;
  return `${resolve(VENDOR_SPECS_DIR, relativePath)} is missing (set VENDOR_SPECS_DIR)`;
}

/**
 * Whether the official description of a vendor is available (`twilio`, `telnyx`, ...). Absent,
 * the checks that need it are skipped, except under CI=true, where a missing description fails
 * the spec that asked for it instead (as a missing redis-server or helm does).
 */
export function hasVendorSpec(relativePath: string): boolean {
  const file = resolve(VENDOR_SPECS_DIR, relativePath);
  if (existsSync(file)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`vendor description missing under CI: ${file} (set VENDOR_SPECS_DIR)`);
  }
  return false;
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
  tolerance: SpecTolerance = {},
): OperationValidator {
  const spec = loadSpec(relativePath);
  const { method, path, operation } = findOperation(spec, operationId);
  const requestBody = deref(spec, operation.requestBody) as Json;
  const content = (requestBody.content as Json)[contentType] as Json | undefined;
  if (!content) throw new Error(`${operationId} has no ${contentType} request body`);
  const body = deref(spec, content.schema) as Json;
  const schema = closeSchema(tolerance.overlappingOneOf ? oneOfAsAnyOf(body) : body, tolerance);
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

/** A named schema of a description's `components.schemas`, with its local refs inlined. */
export function specComponent(relativePath: string, name: string): Json {
  const spec = loadSpec(relativePath);
  return deref(spec, ((spec.components as Json).schemas as Json)[name]) as Json;
}

/** An operation of a description with its local refs inlined: method, path template, operation. */
export function specOperation(
  relativePath: string,
  operationId: string,
): { method: string; path: string; operation: Json } {
  const spec = loadSpec(relativePath);
  const found = findOperation(spec, operationId);
  return { ...found, operation: deref(spec, found.operation) as Json };
}

/** Problems of `value` against `schema` (of that description: same dialect and formats). */
export function schemaValidator(relativePath: string, schema: Json): (value: unknown) => string[] {
  const validator = compile(loadSpec(relativePath), schema, false);
  return (value) =>
    validator(structuredClone(value))
      ? []
      : (validator.errors ?? []).map((e) =>
          `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim(),
        );
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
    spec = file.endsWith('.json')
      ? (JSON.parse(readFileSync(file, 'utf8')) as Json)
      : loadYaml(file);
    specs.set(file, spec);
  }
  return spec;
}

/**
 * A YAML description, parsed once per machine: parsing Telnyx's 4 MB YAML takes seconds, so a
 * JSON copy is kept under the OS temp directory, keyed by the file's path, size and mtime.
 */
function loadYaml(file: string): Json {
  const { size, mtimeMs } = statSync(file);
  const key = createHash('sha256').update(`${file}|${size}|${mtimeMs}`).digest('hex').slice(0, 32);
  const cached = join(tmpdir(), 'otg-vendor-specs', `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as Json;
  const spec = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as Json;
  mkdirSync(join(tmpdir(), 'otg-vendor-specs'), { recursive: true });
  // Written aside then renamed, so a parallel test worker never reads half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(spec));
  renameSync(partial, cached);
  return spec;
}

/**
 * The request schema with no room for undeclared properties: `allOf` parts are merged into one
 * object (so the union of their properties is what is declared), each `oneOf`/`anyOf` branch
 * without properties of its own is closed in turn, and the tolerance is applied.
 */
function closeSchema(schema: Json, tolerance: SpecTolerance): Json {
  const branches = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (branches && !schema.properties && !schema.allOf) {
    const key = schema.oneOf ? 'oneOf' : 'anyOf';
    return { ...schema, [key]: branches.map((branch) => closeSchema(branch, tolerance)) };
  }
  const merged = schema.allOf ? mergeAllOf(schema) : schema;
  const ignored = new Set(tolerance.ignoreRequired ?? []);
  const required = ((merged.required as string[] | undefined) ?? []).filter((r) => !ignored.has(r));
  const properties = { ...(merged.properties as Json | undefined), ...tolerance.extraProperties };
  return { ...merged, properties, required, additionalProperties: false };
}

function oneOfAsAnyOf(node: unknown): Json {
  if (Array.isArray(node)) return node.map(oneOfAsAnyOf) as unknown as Json;
  if (node === null || typeof node !== 'object') return node as Json;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k === 'oneOf' ? 'anyOf' : k, oneOfAsAnyOf(v)]),
  );
}

/** One object schema from `allOf` parts: the union of their properties and required names. */
export function mergeAllOf(schema: Json): Json {
  const { allOf, ...own } = schema;
  const parts = [own, ...(allOf as Json[]).map((part) => (part.allOf ? mergeAllOf(part) : part))];
  const properties: Json = {};
  const required = new Set<string>();
  const rest: Json = {};
  for (const part of parts) {
    for (const [name, property] of Object.entries((part.properties as Json | undefined) ?? {})) {
      properties[name] = name in properties ? { allOf: [properties[name], property] } : property;
    }
    for (const name of (part.required as string[] | undefined) ?? []) required.add(name);
    for (const [key, value] of Object.entries(part)) {
      if (key !== 'properties' && key !== 'required') rest[key] = value;
    }
  }
  return { ...rest, type: 'object', properties, required: [...required] };
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
