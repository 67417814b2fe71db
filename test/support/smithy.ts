import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VENDOR_SPECS_DIR } from './openapi';

type Json = Record<string, unknown>;

interface MemberRef {
  readonly target: string;
  readonly traits?: Json;
}

/** One shape of a Smithy 2.0 JSON AST. */
export interface SmithyShape {
  readonly type: string;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly traits?: Json;
  readonly input?: { readonly target: string };
  readonly version?: string;
}

/** Types of the prelude shapes models point at (`smithy.api#String`...). */
const PRELUDE: Readonly<Record<string, string>> = {
  String: 'string',
  Boolean: 'boolean',
  PrimitiveBoolean: 'boolean',
  Integer: 'integer',
  PrimitiveInteger: 'integer',
  Long: 'long',
  PrimitiveLong: 'long',
  Float: 'float',
  Double: 'double',
  Blob: 'blob',
  Timestamp: 'timestamp',
  Document: 'document',
};

const INTEGERS = new Set(['byte', 'short', 'integer', 'long', 'intEnum', 'bigInteger']);
const NUMBERS = new Set(['float', 'double', 'bigDecimal']);

const models = new Map<string, SmithyModel>();

/**
 * An AWS service model (Smithy 2.0 JSON AST) from vendor-specs, used to check that what the
 * SDK sends is an operation input the service accepts: required members, types, enums,
 * lengths, patterns, ranges, and no member the model does not declare.
 */
export class SmithyModel {
  private constructor(
    private readonly shapes: Readonly<Record<string, SmithyShape>>,
    /** The namespace of the service, e.g. `com.amazonaws.sns`. */
    readonly namespace: string,
    /** The service's API version, e.g. `2010-03-31`. */
    readonly version: string,
  ) {}

  /** The model at `relativePath` under vendor-specs, parsed once. */
  static load(relativePath: string): SmithyModel {
    const file = resolve(VENDOR_SPECS_DIR, relativePath);
    let model = models.get(file);
    if (!model) {
      const ast = JSON.parse(readFileSync(file, 'utf8')) as { shapes: Record<string, SmithyShape> };
      const [id, service] = Object.entries(ast.shapes).find(([, s]) => s.type === 'service') ?? [];
      if (!id || !service) throw new Error(`${relativePath} has no service shape`);
      model = new SmithyModel(ast.shapes, id.split('#')[0], service.version ?? '');
      models.set(file, model);
    }
    return model;
  }

  /** The shape with this id (`ns#Name` or a prelude `smithy.api#Name`). */
  shape(id: string): SmithyShape {
    const [namespace, name] = id.split('#');
    if (namespace === 'smithy.api' && PRELUDE[name]) return { type: PRELUDE[name] };
    const shape = this.shapes[id];
    if (!shape) throw new Error(`shape ${id} is not in the model`);
    return shape;
  }

  hasOperation(operation: string): boolean {
    return this.shapes[`${this.namespace}#${operation}`]?.type === 'operation';
  }

  /** The input structure's shape id of an operation, e.g. `Publish`. */
  inputOf(operation: string): string {
    const shape = this.shape(`${this.namespace}#${operation}`);
    if (shape.type !== 'operation' || !shape.input) throw new Error(`${operation} has no input`);
    return shape.input.target;
  }

  /** Problems with `input` as the operation's input; empty when the service would accept it. */
  validate(operation: string, input: unknown): string[] {
    const problems: string[] = [];
    this.check(this.inputOf(operation), input, operation, {}, problems);
    return problems;
  }

  private check(target: string, value: unknown, path: string, memberTraits: Json, out: string[]) {
    const shape = this.shape(target);
    const traits = { ...shape.traits, ...memberTraits };
    if (!this.hasType(shape, value)) {
      out.push(`${path} must be a ${shape.type}`);
      return;
    }
    out.push(...constraintProblems(shape, traits, value, path));
    if (shape.type === 'structure' || shape.type === 'union') {
      this.checkStructure(shape, value as Json, path, out);
    } else if (shape.type === 'list' && shape.member) {
      const member = shape.member;
      (value as unknown[]).forEach((item, i) =>
        this.check(member.target, item, `${path}[${i}]`, member.traits ?? {}, out),
      );
    } else if (shape.type === 'map' && shape.key && shape.value) {
      for (const [key, item] of Object.entries(value as Json)) {
        this.check(shape.key.target, key, `${path} key ${key}`, shape.key.traits ?? {}, out);
        this.check(shape.value.target, item, `${path}.${key}`, shape.value.traits ?? {}, out);
      }
    }
  }

  private checkStructure(shape: SmithyShape, value: Json, path: string, out: string[]) {
    const members = shape.members ?? {};
    for (const [name, member] of Object.entries(members)) {
      const present = value[name] !== undefined && value[name] !== null;
      if (present)
        this.check(member.target, value[name], `${path}.${name}`, member.traits ?? {}, out);
      else if (member.traits?.['smithy.api#required'] !== undefined) {
        out.push(`${path}.${name} is required`);
      }
    }
    for (const name of Object.keys(value)) {
      if (!members[name]) out.push(`${path}.${name} is not a member`);
    }
    const set = Object.keys(value).filter((k) => value[k] !== undefined && value[k] !== null);
    if (shape.type === 'union' && set.length !== 1) out.push(`${path} must set exactly one member`);
  }

  private hasType(shape: SmithyShape, value: unknown): boolean {
    const { type } = shape;
    if (type === 'structure' || type === 'union' || type === 'map') {
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    }
    if (type === 'list' || type === 'set') return Array.isArray(value);
    if (type === 'string' || type === 'enum' || type === 'blob') return typeof value === 'string';
    if (type === 'boolean') return typeof value === 'boolean';
    if (INTEGERS.has(type)) return Number.isInteger(value);
    if (NUMBERS.has(type)) return typeof value === 'number';
    return type === 'timestamp' ? ['number', 'string'].includes(typeof value) : true;
  }
}

/** Length, pattern, range and enum traits (on the shape or the member pointing at it). */
function constraintProblems(shape: SmithyShape, traits: Json, value: unknown, path: string) {
  const problems: string[] = [];
  const length = traits['smithy.api#length'] as { min?: number; max?: number } | undefined;
  if (length) {
    const size = sizeOf(value);
    if (length.min !== undefined && size < length.min)
      problems.push(`${path} is shorter than ${length.min}`);
    if (length.max !== undefined && size > length.max)
      problems.push(`${path} is longer than ${length.max}`);
  }
  const pattern = traits['smithy.api#pattern'];
  if (
    typeof pattern === 'string' &&
    typeof value === 'string' &&
    !new RegExp(pattern).test(value)
  ) {
    problems.push(`${path} does not match ${pattern}`);
  }
  const range = traits['smithy.api#range'] as { min?: number; max?: number } | undefined;
  if (range && typeof value === 'number') {
    if (
      (range.min !== undefined && value < range.min) ||
      (range.max !== undefined && value > range.max)
    ) {
      problems.push(`${path} is out of range ${range.min ?? ''}..${range.max ?? ''}`);
    }
  }
  const allowed = enumValues(shape, traits);
  if (allowed && !allowed.includes(value as string | number)) {
    problems.push(`${path} must be one of ${allowed.join(', ')}`);
  }
  return problems;
}

/** Values of an `enum`/`intEnum` shape or of the Smithy 1.0 `smithy.api#enum` trait. */
function enumValues(shape: SmithyShape, traits: Json): (string | number)[] | undefined {
  if (shape.type === 'enum' || shape.type === 'intEnum') {
    return Object.entries(shape.members ?? {}).map(
      ([name, m]) => (m.traits?.['smithy.api#enumValue'] as string | number | undefined) ?? name,
    );
  }
  const legacy = traits['smithy.api#enum'] as { value: string }[] | undefined;
  return legacy?.map((e) => e.value);
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}
