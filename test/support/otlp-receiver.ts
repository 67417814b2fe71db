import { FakeServer, RecordedRequest } from './fake-server';

/** One span as the receiver decoded it from OTLP/HTTP JSON. */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  /** Empty for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer. */
  readonly kind: number;
  /** Nanoseconds since the epoch, as a decimal string (64 bits do not fit a JS number). */
  readonly startTime: bigint;
  /** Every attribute, its value as a string. */
  readonly attributes: Readonly<Record<string, string>>;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  readonly status: number;
  readonly statusMessage?: string;
  readonly scope: string;
  readonly service: string;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpKeyValue {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string | number;
  attributes?: OtlpKeyValue[];
  status?: { code?: number; message?: string };
}
interface OtlpExport {
  resourceSpans: {
    resource?: { attributes?: OtlpKeyValue[] };
    scopeSpans: { scope?: { name?: string }; spans?: OtlpSpan[] }[];
  }[];
}

const HEX = (length: number) => new RegExp(`^[0-9a-f]{${length}}$`);

/**
 * A real OTLP/HTTP receiver on 127.0.0.1: takes `POST /v1/traces` as OTLP JSON (what
 * `@opentelemetry/exporter-trace-otlp-http` sends), checks the envelope and the ids, and keeps
 * every span. Anything else gets 400 and is counted as a wire problem.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  readonly problems: string[] = [];

  private constructor(private readonly server: FakeServer) {}

  static async start(): Promise<OtlpReceiver> {
    const holder: { receiver?: OtlpReceiver } = {};
    const server = await FakeServer.start((request) => holder.receiver!.receive(request));
    return (holder.receiver = new OtlpReceiver(server));
  }

  /** The base URL, as `tracing.endpoint` / `OTEL_EXPORTER_OTLP_ENDPOINT` take it. */
  get url(): string {
    return this.server.url;
  }

  /** How many export requests arrived (0 when nothing was exported). */
  get exports(): number {
    return this.server.requests.length;
  }

  /** The `authorization` header of each export (set by `OTEL_EXPORTER_OTLP_HEADERS`). */
  get authorizations(): (string | undefined)[] {
    return this.server.requests.map((r) => r.headers.authorization as string | undefined);
  }

  /** Every export as it came over the wire, to search for what must never leave the process. */
  get bodies(): string {
    return this.server.requests.map((r) => r.body).join('\n');
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private receive(request: RecordedRequest) {
    const problem = wireProblem(request);
    if (problem) {
      this.problems.push(problem);
      return { status: 400, body: { message: problem } };
    }
    const body = JSON.parse(request.body) as OtlpExport;
    for (const resourceSpans of body.resourceSpans) {
      const service = attributesOf(resourceSpans.resource?.attributes)['service.name'] ?? '';
      for (const scopeSpans of resourceSpans.scopeSpans) {
        const scope = scopeSpans.scope?.name ?? '';
        for (const span of scopeSpans.spans ?? []) this.spans.push(decode(span, scope, service));
      }
    }
    return { status: 200, body: { partialSuccess: {} } };
  }
}

function wireProblem(request: RecordedRequest): string | undefined {
  if (request.method !== 'POST' || request.url !== '/v1/traces') {
    return `unexpected ${request.method} ${request.url}`;
  }
  if (request.headers['content-type'] !== 'application/json') return 'not OTLP JSON';
  try {
    const body = JSON.parse(request.body) as Partial<OtlpExport>;
    if (!Array.isArray(body.resourceSpans)) return 'no resourceSpans';
  } catch {
    return 'body is not JSON';
  }
  return undefined;
}

function decode(span: OtlpSpan, scope: string, service: string): ReceivedSpan {
  if (!HEX(32).test(span.traceId) || !HEX(16).test(span.spanId)) {
    throw new Error(`span ${span.name} has malformed ids`);
  }
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? '',
    name: span.name,
    kind: span.kind,
    startTime: BigInt(span.startTimeUnixNano),
    attributes: attributesOf(span.attributes),
    status: span.status?.code ?? 0,
    ...(span.status?.message ? { statusMessage: span.status.message } : {}),
    scope,
    service,
  };
}

function attributesOf(list: OtlpKeyValue[] = []): Record<string, string> {
  return Object.fromEntries(list.map(({ key, value }) => [key, valueText(value)]));
}

function valueText(value: OtlpValue): string {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueText).join(',');
  const scalar = value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue;
  return String(scalar);
}

const KIND: Readonly<Record<number, string>> = { 2: ' (server)', 3: ' (client)', 4: ' (producer)' };

/**
 * The spans of one trace as an indented outline, children in the order they started: one line
 * per span, `name (kind)`, and `!` when its status is error. Spans whose parent is not in the
 * trace (the caller's) are its roots.
 */
export function outline(spans: readonly ReceivedSpan[], traceId: string): string[] {
  const trace = spans.filter((s) => s.traceId === traceId);
  const ids = new Set(trace.map((s) => s.spanId));
  const children = (parent: string | undefined) =>
    trace
      .filter((s) => (parent === undefined ? !ids.has(s.parentSpanId) : s.parentSpanId === parent))
      .sort((a, b) => (a.startTime < b.startTime ? -1 : a.startTime > b.startTime ? 1 : 0));
  const lines: string[] = [];
  const walk = (span: ReceivedSpan, depth: number) => {
    lines.push(
      `${'  '.repeat(depth)}${span.name}${KIND[span.kind] ?? ''}${span.status === 2 ? ' !' : ''}`,
    );
    for (const child of children(span.spanId)) walk(child, depth + 1);
  };
  for (const root of children(undefined)) walk(root, 0);
  return lines;
}
