import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';

/** Overrides a fake's answer; returning undefined falls back to the documented success. */
export type VendorScript = (request: RecordedRequest) => FakeResponse | 'hang' | undefined;

/**
 * What every fake vendor shares: a real HTTP server on 127.0.0.1, the requests it saw, the
 * problems its checks found (a request with problems gets the vendor's error answer), and a
 * script a test uses to answer otherwise.
 */
export abstract class VendorFake {
  readonly problems: string[] = [];
  protected counter = 0;
  private override?: VendorScript;
  private server?: FakeServer;

  get url(): string {
    return this.http().url;
  }

  get requests(): RecordedRequest[] {
    return this.http().requests;
  }

  /** The JSON body of the n-th request. */
  json(n = 0): Record<string, unknown> {
    return JSON.parse(this.requests[n].body) as Record<string, unknown>;
  }

  script(script?: VendorScript): void {
    this.override = script;
  }

  /** Forgets requests and problems between tests. */
  reset(): void {
    this.requests.length = 0;
    this.problems.length = 0;
    this.override = undefined;
  }

  close(): Promise<void> {
    return this.http().close();
  }

  protected async listen(): Promise<void> {
    this.server = await FakeServer.start((request) => this.answer(request));
  }

  /** Problems with a request as the vendor documents it; empty when it is right. */
  protected abstract check(request: RecordedRequest): string[] | Promise<string[]>;
  /** The vendor's answer to a request that failed a check. */
  protected abstract refusal(request: RecordedRequest, problems: string[]): FakeResponse;
  /** The vendor's documented success answer. */
  protected abstract success(request: RecordedRequest): FakeResponse;

  private async answer(request: RecordedRequest): Promise<FakeResponse | 'hang'> {
    const problems = await this.check(request);
    if (problems.length > 0) {
      this.problems.push(...problems);
      return this.refusal(request, problems);
    }
    return this.override?.(request) ?? this.success(request);
  }

  private http(): FakeServer {
    if (!this.server) throw new Error('the fake is not listening');
    return this.server;
  }
}

/** The `Authorization` header, or '' when absent or repeated. */
export function authorizationOf(request: RecordedRequest): string {
  const value = request.headers.authorization;
  return typeof value === 'string' ? value : '';
}

/** `Basic base64(user:password)`. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Whether the request declares this content type (parameters such as charset allowed). */
export function hasContentType(request: RecordedRequest, type: string): boolean {
  const value = request.headers['content-type'];
  return typeof value === 'string' && value.split(';')[0].trim() === type;
}

/** Parses a JSON body; undefined when it is not JSON. */
export function parseBody(request: RecordedRequest): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(request.body) as unknown;
    return body !== null && typeof body === 'object'
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
