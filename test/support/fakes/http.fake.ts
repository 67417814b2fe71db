import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { expectThat, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const ACME_KEY = 'acme-api-key-for-tests';

type Route = 'sms' | 'voice';
type Json = Record<string, unknown>;

/** Fields Acme's API takes, all required. */
const FIELDS: Record<Route, readonly string[]> = {
  sms: ['destination', 'sender', 'message', 'reference'],
  voice: ['destination', 'caller', 'speech', 'language'],
};

/**
 * "Acme", an imaginary vendor with a JSON API, standing in for any vendor a generic `http`
 * provider is pointed at: `POST /v2/sms` and `POST /v2/voice` with `Authorization: Bearer <key>`,
 * destination as E.164 digits without `+`; 202 `{data:{id,state}}`.
 */
export class FakeHttpVendor extends VendorFake<Route> {
  static start(): Promise<FakeHttpVendor> {
    return startFake((server) => new FakeHttpVendor(server));
  }

  private constructor(server: FakeServer) {
    super(server);
  }

  protected route(request: RecordedRequest): Route | undefined {
    if (request.method !== 'POST') return undefined;
    if (request.url === '/v2/sms') return 'sms';
    return request.url === '/v2/voice' ? 'voice' : undefined;
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    const problems = [
      ...expectThat(
        request.headers.authorization === `Bearer ${ACME_KEY}`,
        'Bearer key does not match',
      ),
      ...expectThat(
        request.headers['content-type'] === 'application/json',
        'body must be application/json',
      ),
    ];
    let body: Json;
    try {
      body = JSON.parse(request.body) as Json;
    } catch {
      return [...problems, 'body is not JSON'];
    }
    return [
      ...problems,
      ...unknownKeys(body, FIELDS[route], route),
      ...FIELDS[route].flatMap((field) =>
        expectThat(typeof body[field] === 'string' && body[field] !== '', `${field} is required`),
      ),
      ...expectThat(
        /^[1-9]\d{6,14}$/.test(String(body.destination)),
        'destination must be E.164 digits',
      ),
    ];
  }

  protected success(_request: RecordedRequest, route: Route): FakeResponse {
    return {
      status: 202,
      body: { data: { id: `acme-${route}-${this.nextId()}`, state: 'accepted' } },
    };
  }

  protected refusal(problems: string[]): FakeResponse {
    return acmeError(422, problems.join('; '));
  }
}

/** An Acme error answer. */
export function acmeError(status: number, error: string): FakeResponse {
  return { status, body: { error } };
}
