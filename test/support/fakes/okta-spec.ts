import { mergeAllOf, schemaValidator, specComponent, specOperation } from '../openapi';

/** Okta's Management API description (vendor-specs/SOURCES.md). */
export const OKTA_SPEC = 'okta/management-minimal.yaml';

type Json = Record<string, unknown>;
export type Check = (value: unknown) => string[];
/** A request may not carry read-only properties, an answer may not carry write-only ones (secrets). */
type Direction = 'request' | 'response';

export interface OktaOperation {
  readonly method: string;
  /** Path template, e.g. `/api/v1/inlineHooks/{inlineHookId}`. */
  readonly path: string;
  /** OAuth scopes that allow it (a `.manage` scope also allows its `.read` twin). */
  readonly scopes: readonly string[];
  readonly request?: Check;
  response(status: number): Check | undefined;
}

/**
 * The operations of Okta's description, with validators that are stricter than the description
 * alone: every object is closed (an undeclared or misspelt property fails), `discriminator`
 * mappings are resolved to the schema they name, read-only properties may not be sent and
 * write-only ones (secrets) may not come back.
 */
export function oktaOperation(operationId: string): OktaOperation {
  const { method, path, operation } = specOperation(OKTA_SPEC, operationId);
  const content = (node: unknown): Json | undefined =>
    ((node as Json | undefined)?.content as Json | undefined)?.['application/json'] as
      Json | undefined;
  const requestSchema = content(operation.requestBody)?.schema as Json | undefined;
  const responses = operation.responses as Json;
  return {
    method,
    path,
    scopes: securityScopes(operation),
    request: requestSchema ? check(requestSchema, 'request') : undefined,
    response(status: number): Check | undefined {
      const schema = content(responses[String(status)])?.schema as Json | undefined;
      return schema ? check(schema, 'response') : undefined;
    },
  };
}

/** A component schema of the description as a strict validator. */
export function oktaSchema(name: string, direction: Direction, extra: Json = {}): Check {
  const strict = strictSchema(component(name), direction, new Set()) as Json;
  return schemaValidator(OKTA_SPEC, {
    ...strict,
    properties: { ...(strict.properties as Json), ...extra },
  });
}

function check(schema: Json, direction: Direction): Check {
  return schemaValidator(OKTA_SPEC, strictSchema(schema, direction, new Set()) as Json);
}

function component(name: string): Json {
  return specComponent(OKTA_SPEC, name);
}

function securityScopes(operation: Json): string[] {
  const security = (operation.security as Json[] | undefined) ?? [];
  return security.flatMap((s) => (s.oauth2 as string[] | undefined) ?? []);
}

function strictSchema(
  node: unknown,
  direction: Direction,
  expanding: ReadonlySet<string>,
): unknown {
  if (Array.isArray(node)) return node.map((n) => strictSchema(n, direction, expanding));
  if (node === null || typeof node !== 'object') return node;
  const { discriminator, ...rest } = node as Json;
  const signature = JSON.stringify(discriminator ?? null);
  const mapping = (discriminator as Json | undefined)?.mapping as
    Record<string, string> | undefined;
  // A mapped schema includes its base (allOf), which carries the same discriminator: resolve once.
  if (mapping && !expanding.has(signature)) {
    const inner = new Set([...expanding, signature]);
    const property = (discriminator as Json).propertyName as string;
    return {
      oneOf: Object.entries(mapping).map(([value, ref]) => {
        const target = strictSchema(
          component(ref.split('/').pop() ?? ''),
          direction,
          inner,
        ) as Json;
        const properties = { ...(target.properties as Json), [property]: { const: value } };
        return {
          ...target,
          properties,
          required: [...((target.required as string[]) ?? []), property],
        };
      }),
    };
  }
  const merged = isObjectAllOf(rest) ? mergeAllOf(rest) : rest;
  const out = Object.fromEntries(
    Object.entries(merged).map(([key, value]) => [key, strictSchema(value, direction, expanding)]),
  );
  if (out.type === 'object' || out.properties) return close(out, direction);
  return out;
}

/** allOf of object schemas (merged into one, then closed); allOf of scalars is left as it is. */
function isObjectAllOf(schema: Json): boolean {
  const parts = schema.allOf as Json[] | undefined;
  return (
    !!parts &&
    (schema.type === 'object' || parts.some((p) => p.type === 'object' || p.properties || p.allOf))
  );
}

function close(schema: Json, direction: Direction): Json {
  const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
  const properties = Object.fromEntries(
    Object.entries((schema.properties as Json | undefined) ?? {}).filter(
      ([, p]) => (p as Json)[hidden] !== true,
    ),
  );
  if (schema.additionalProperties !== undefined && !schema.properties) return schema;
  return { ...schema, properties, additionalProperties: false };
}
