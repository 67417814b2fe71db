import { createHmac, randomUUID } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { GatewayLink } from './gateway-link';
import { AnswerFetch, readAnswer } from './plivo.answer';
import { expectThat, Json, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const PLIVO_AUTH_ID = 'MAXXXXXXXXXXXXXXXXXX';
export const PLIVO_AUTH_TOKEN = 'plivo-auth-token-0123456789';

type Resource = 'Message' | 'Call';

/** Parameters Plivo documents for each resource; anything else is refused. */
const FIELDS: Readonly<Record<Resource, readonly string[]>> = {
  Message: [
    'src',
    'powerpack_uuid',
    'dst',
    'text',
    'type',
    'url',
    'method',
    'log',
    'message_expiry',
    'dlt_entity_id',
    'dlt_template_id',
  ],
  Call: [
    'from',
    'to',
    'answer_url',
    'answer_method',
    'hangup_url',
    'hangup_method',
    'ring_url',
    'ring_method',
    'fallback_url',
    'fallback_method',
    'caller_name',
    'ring_timeout',
    'time_limit',
    'machine_detection',
  ],
};
const REQUIRED: Readonly<Record<Resource, readonly string[]>> = {
  Message: ['dst', 'text'],
  Call: ['from', 'to', 'answer_url'],
};

/**
 * Plivo on 127.0.0.1 (no official description exists: it checks what vendors.md §4 documents):
 * the path with its trailing slash, Basic auth, JSON, required and known fields. After a Call it
 * does what Plivo does: POSTs the answer URL with a V3 signature, checks the XML it gets back,
 * then POSTs the hangup URL.
 */
export class FakePlivo extends VendorFake<Resource> {
  readonly answers: AnswerFetch[] = [];
  readonly hangups: number[] = [];

  private constructor(
    server: FakeServer,
    private readonly link?: GatewayLink,
  ) {
    super(server, {
      [`/v1/Account/${PLIVO_AUTH_ID}/Message/`]: 'Message',
      [`/v1/Account/${PLIVO_AUTH_ID}/Call/`]: 'Call',
    });
  }

  static start(link?: GatewayLink): Promise<FakePlivo> {
    return startFake((server) => new FakePlivo(server, link));
  }

  override reset(): void {
    super.reset();
    this.answers.length = 0;
    this.hangups.length = 0;
  }

  protected check(request: RecordedRequest, resource: Resource): string[] {
    const { body, problems } = this.jsonBody(request);
    if (!body) return problems;
    const basic = `Basic ${Buffer.from(`${PLIVO_AUTH_ID}:${PLIVO_AUTH_TOKEN}`).toString('base64')}`;
    return [
      ...problems,
      ...expectThat(
        request.headers.authorization === basic,
        'Basic auth does not match auth_id:auth_token',
      ),
      ...REQUIRED[resource].flatMap((field) =>
        expectThat(Boolean(body[field]), `${field} is required`),
      ),
      ...unknownKeys(body, FIELDS[resource], resource),
      ...(resource === 'Message'
        ? expectThat(
            Boolean(body.src) !== Boolean(body.powerpack_uuid),
            'one of src or powerpack_uuid is required',
          )
        : expectThat(/^https?:\/\//.test(String(body.answer_url)), 'answer_url must be a URL')),
    ];
  }

  protected refusal(problems: string[]): FakeResponse {
    const unauthorized = problems.includes('Basic auth does not match auth_id:auth_token');
    return plivoError(unauthorized ? 401 : 400, problems.join('; '));
  }

  protected success(request: RecordedRequest, resource: Resource): FakeResponse {
    if (resource === 'Message') {
      return {
        status: 202,
        body: { message: 'message(s) queued', message_uuid: [randomUUID()], api_id: randomUUID() },
      };
    }
    const requestId = randomUUID();
    const call = JSON.parse(request.body) as Json;
    setTimeout(() => void this.answerCall(requestId, call), 5);
    return {
      status: 201,
      body: { message: 'call fired', request_uuid: requestId, api_id: randomUUID() },
    };
  }

  private async answerCall(requestId: string, call: Json): Promise<void> {
    if (!this.link) return;
    const params = {
      CallUUID: randomUUID(),
      RequestUUID: requestId,
      From: String(call.from),
      To: String(call.to),
      CallStatus: 'in-progress',
      Direction: 'outbound',
      Event: 'StartApp',
    };
    const answer = await this.post(String(call.answer_url), params);
    const fetch = readAnswer(answer);
    if (answer.status !== 200 || !fetch)
      this.problems.push(`answer_url did not return Plivo XML (HTTP ${answer.status})`);
    this.answers.push(
      fetch ?? { status: answer.status, contentType: answer.contentType, spoken: [], waits: 0 },
    );
    if (typeof call.hangup_url === 'string') {
      const hangup = await this.post(call.hangup_url, {
        ...params,
        CallStatus: 'completed',
        HangupCause: 'NORMAL_CLEARING',
        Duration: '14',
      });
      this.hangups.push(hangup.status);
    }
  }

  private post(url: string, params: Record<string, string>) {
    const nonce = randomUUID().replace(/-/g, '');
    return this.link!.send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-plivo-signature-v3': plivoSignature(url, params, nonce),
        'x-plivo-signature-v3-nonce': nonce,
      },
      body: new URLSearchParams(params).toString(),
    });
  }
}

/**
 * Plivo's V3 signature, written here from vendors.md §4.4 for POST requests: URL without query,
 * `?` + sorted `k=v&…` query when there is a query or a body, `.` when both, sorted `keyvalue`
 * body parameters; then base64 HMAC-SHA256 of that + `.` + nonce, keyed by the auth token.
 */
export function plivoSignature(
  url: string,
  params: Record<string, string>,
  nonce: string,
  token = PLIVO_AUTH_TOKEN,
): string {
  const [base, query = ''] = url.split('?');
  const sortedQuery = [...new URLSearchParams(query)]
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
  const sortedParams = Object.keys(params)
    .sort()
    .map((k) => k + params[k])
    .join('');
  let signed = base;
  if (sortedQuery || sortedParams) signed += `?${sortedQuery}`;
  if (sortedQuery && sortedParams) signed += '.';
  signed += sortedParams;
  return createHmac('sha256', token).update(`${signed}.${nonce}`).digest('base64');
}

/** A Plivo error answer: `{api_id, error}`. */
export function plivoError(status: number, error = 'error'): FakeResponse {
  return { status, body: { api_id: randomUUID(), error } };
}

/** A Send Message answer that lists the destination as invalid (vendors.md §4.1, SDK MessageResponse). */
export function plivoInvalidNumber(dst: string): FakeResponse {
  return {
    status: 202,
    body: {
      api_id: randomUUID(),
      invalid_number: [dst],
      message: 'message(s) queued',
      message_uuid: [],
    },
  };
}
