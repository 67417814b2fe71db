import { FakeResponse, FakeServer, FakeTls, RecordedRequest } from '../fake-server';

export type Json = Record<string, unknown>;

/** A test's own answer for one request; undefined falls back to the vendor's documented success. */
export type VendorScript<R> = (
  request: RecordedRequest,
  route: R,
) => FakeResponse | 'hang' | undefined;

/**
 * The shape shared by the fake vendors: each request is routed to one of the vendor's
 * operations, checked the way the vendor documents it, and answered with the vendor's
 * documented success (or the test's script). A request that fails a check gets the vendor's
 * error body and its problems are kept in `problems`, which every test asserts empty.
 */
export abstract class VendorFake<R extends string> {
  readonly problems: string[] = [];
  private override?: VendorScript<R>;
  private counter = 0;

  /** `routes`: the path of each operation, all POST. */
  protected constructor(
    readonly server: FakeServer,
    private readonly routes: Readonly<Record<string, R>>,
  ) {}

  get url(): string {
    return this.server.url;
  }

  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  /** The parsed JSON body of the n-th request. */
  json(n = 0): unknown {
    return JSON.parse(this.server.requests[n].body) as unknown;
  }

  /** Overrides the answer; returning undefined falls back to a documented success. */
  script(script?: VendorScript<R>): void {
    this.override = script;
  }

  /** Forgets requests, problems, the script and the id sequence between tests. */
  reset(): void {
    this.server.requests.length = 0;
    this.problems.length = 0;
    this.override = undefined;
    this.counter = 0;
  }

  /** 1, 2, 3... for the ids of accepted messages, from 1 again after reset(). */
  protected nextId(): number {
    return ++this.counter;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  answer(request: RecordedRequest): FakeResponse | 'hang' {
    const route = this.route(request);
    const problems = route
      ? this.check(request, route)
      : [`unexpected ${request.method} ${request.url}`];
    if (problems.length > 0 || !route) {
      this.problems.push(...problems);
      return this.refusal(problems);
    }
    return this.override?.(request, route) ?? this.success(request, route);
  }

  /** The JSON body of a request sent as `application/json`, or why it is not one. */
  protected jsonBody(request: RecordedRequest): { body?: Json; problems: string[] } {
    const problems = expectThat(
      request.headers['content-type'] === 'application/json',
      'body must be application/json',
    );
    try {
      return { body: JSON.parse(request.body) as Json, problems };
    } catch {
      return { problems: [...problems, 'body is not JSON'] };
    }
  }

  /** Which operation the request is for, or undefined for a path the vendor does not have. */
  private route(request: RecordedRequest): R | undefined {
    if (request.method !== 'POST' || !Object.hasOwn(this.routes, request.url)) return undefined;
    return this.routes[request.url];
  }

  /** What the vendor would object to in the request. */
  protected abstract check(request: RecordedRequest, route: R): string[];
  protected abstract success(request: RecordedRequest, route: R): FakeResponse;
  /** The vendor's answer to a malformed request. */
  protected abstract refusal(problems: string[]): FakeResponse;
}

/** Starts a fake whose server answers through it. */
export async function startFake<F extends Pick<VendorFake<never>, 'answer'>>(
  create: (server: FakeServer) => F,
  tls?: FakeTls,
): Promise<F> {
  const holder: { fake?: F } = {};
  const server = await FakeServer.start((request) => holder.fake!.answer(request), tls);
  return (holder.fake = create(server));
}

/** The problems the fakes recorded, after which they are reset for the next test. */
export function takeProblems(...fakes: Pick<VendorFake<never>, 'problems' | 'reset'>[]): string[] {
  const problems = fakes.flatMap((fake) => fake.problems);
  fakes.forEach((fake) => fake.reset());
  return problems;
}

/** `problem` when `ok` is false. */
export function expectThat(ok: boolean, problem: string): string[] {
  return ok ? [] : [problem];
}

/** Problems for keys of `body` outside `allowed`. */
export function unknownKeys(body: object, allowed: readonly string[], where: string): string[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where}: unknown field ${key}`);
}

export const E164 = /^\+[1-9]\d{6,14}$/;
