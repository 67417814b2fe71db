import { FakeResponse, FakeServer, FakeTls, RecordedRequest } from '../fake-server';
import { expectThat, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const ACME_KEY = 'acme-api-key-for-tests';

type Route = 'sms' | 'voice';

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
  /** Over HTTPS with `tls`. */
  static start(tls?: FakeTls): Promise<FakeHttpVendor> {
    return startFake((server) => new FakeHttpVendor(server), tls);
  }

  private constructor(server: FakeServer) {
    super(server, { '/v2/sms': 'sms', '/v2/voice': 'voice' });
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    const { body, problems } = this.jsonBody(request);
    problems.push(
      ...expectThat(
        request.headers.authorization === `Bearer ${ACME_KEY}`,
        'Bearer key does not match',
      ),
    );
    if (!body) return problems;
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

/** A generic `http` provider block for Acme's SMS API at `url`, as a user would write it. */
export function acmeSmsProvider(
  url: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'http',
    channels: ['sms'],
    baseUrl: url,
    path: '/v2/sms',
    headers: { Authorization: `Bearer ${ACME_KEY}` },
    from: 'Acme',
    template: {
      destination: '{{toDigits}}',
      sender: '{{from}}',
      message: '{{text}}',
      reference: '{{deliveryId}}',
    },
    response: { messageIdPath: 'data.id' },
    ...extra,
  };
}

/** An Acme error answer. */
export function acmeError(status: number, error: string): FakeResponse {
  return { status, body: { error } };
}
