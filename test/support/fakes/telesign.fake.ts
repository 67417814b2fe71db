import { createHmac, randomBytes } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { formToObject } from '../openapi';
import { CallbackPost } from '../vendor-contract.types';
import { expectThat, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const TELESIGN_CUSTOMER_ID = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
export const TELESIGN_API_KEY = Buffer.from('telesign-api-key-for-e2e-tests').toString('base64');

type Resource = 'messaging' | 'voice';

/** Form fields Telesign documents for each resource; anything else is refused. */
const FIELDS: Readonly<Record<Resource, readonly string[]>> = {
  messaging: [
    'phone_number',
    'message',
    'message_type',
    'account_lifecycle_event',
    'sender_id',
    'external_id',
    'originating_ip',
    'callback_url',
    'dlt_template_id',
    'dlt_entity_id',
  ],
  voice: [
    'phone_number',
    'message',
    'message_type',
    'voice',
    'account_lifecycle_event',
    'originating_ip',
  ],
};
/** `voice` tags of `POST /v1/voice` (Telesign's Voice API reference). */
const VOICES = [
  'f-zh-HK',
  'f-zh-CN',
  'f-zh-TW',
  'f-da-DK',
  'f-nl-NL',
  'f-en-AU',
  'f-en-GB',
  'f-en-US',
  'f-en-CA',
  'f-en-IN',
  'f-fi-FI',
  'f-fr-FR',
  'f-fr-CA',
  'f-it-IT',
  'f-ja-JP',
  'f-ko-KR',
  'f-nb-NO',
  'f-pl-PL',
  'f-pt-BR',
  'f-pt-PT',
  'f-es-MX',
  'f-es-ES',
];

/**
 * Telesign on 127.0.0.1 (Telesign publishes no API description: it checks what its Messaging and
 * Voice API references and its SDKs document): `POST /v1/messaging` and `POST /v1/voice`, Basic
 * `customer_id:api_key`, form encoding, required and known fields, the number as digits,
 * `message_type`, the `voice` tags; answered 200 with `reference_id` and status 290 or 103.
 */
export class FakeTelesign extends VendorFake<Resource> {
  static start(): Promise<FakeTelesign> {
    return startFake((server) => new FakeTelesign(server));
  }

  private constructor(server: FakeServer) {
    super(server, { '/v1/messaging': 'messaging', '/v1/voice': 'voice' });
  }

  /** The form fields of the n-th request. */
  form(n = 0): Record<string, string | string[]> {
    return formToObject(this.requests[n].body);
  }

  protected check(request: RecordedRequest, resource: Resource): string[] {
    const basic = `Basic ${Buffer.from(`${TELESIGN_CUSTOMER_ID}:${TELESIGN_API_KEY}`).toString('base64')}`;
    const form = formToObject(request.body);
    const required = ['phone_number', 'message', 'message_type'];
    return [
      ...expectThat(
        request.headers.authorization === basic,
        'Basic auth does not match customer_id:api_key',
      ),
      ...expectThat(
        request.headers['content-type'] === 'application/x-www-form-urlencoded',
        'body must be application/x-www-form-urlencoded',
      ),
      ...unknownKeys(form, FIELDS[resource], resource),
      ...required.flatMap((f) =>
        expectThat(typeof form[f] === 'string' && form[f] !== '', `${f} is required`),
      ),
      ...expectThat(
        /^[1-9]\d{6,14}$/.test(String(form.phone_number)),
        'phone_number must be digits with the country code',
      ),
      ...expectThat(
        ['OTP', 'ARN', 'MKT'].includes(String(form.message_type)),
        'message_type must be OTP, ARN or MKT',
      ),
      ...expectThat(String(form.message).length <= 1600, 'message is limited to 1600 characters'),
      ...expectThat(
        form.voice === undefined || VOICES.includes(String(form.voice)),
        'voice is not a Telesign voice',
      ),
      ...expectThat(
        form.sender_id === undefined || String(form.sender_id).length <= 20,
        'sender_id is at most 20 characters',
      ),
    ];
  }

  protected success(_request: RecordedRequest, resource: Resource): FakeResponse {
    const referenceId = telesignReferenceId(this.nextId());
    const status =
      resource === 'voice'
        ? { code: 103, description: 'Call in progress' }
        : { code: 290, description: 'Message in progress' };
    return {
      status: 200,
      body: {
        reference_id: referenceId,
        status: { ...status, updated_on: '2026-11-22T12:34:56.789000Z' },
      },
    };
  }

  protected refusal(problems: string[]): FakeResponse {
    const unauthorized = problems.includes('Basic auth does not match customer_id:api_key');
    return unauthorized
      ? telesignError(401, 10009)
      : telesignError(400, 11009, problems.join('; '));
  }
}

/** The n-th reference id the fake hands out: 32 upper-case hex digits. */
export function telesignReferenceId(n: number): string {
  return n.toString(16).toUpperCase().padStart(32, '0');
}

/** A Telesign error answer: the code in `status`, as the Messaging API reference shows. */
export function telesignError(
  status: number,
  code: number,
  description = `error ${code}`,
): FakeResponse {
  return {
    status,
    body: {
      reference_id: randomBytes(16).toString('hex').toUpperCase(),
      status: { code, description, updated_on: '2026-11-22T12:34:56.789000Z' },
    },
  };
}

/**
 * A transaction callback as Telesign sends it ("Authenticate callbacks"): JSON, `Authorization:
 * TSA <customer id>:<base64 HMAC-SHA256 of the body, keyed with the decoded API key>`, also in
 * `X-TS-Authorization`. Computed here independently of the gateway's code.
 */
export function telesignCallback(
  url: string,
  referenceId: string,
  code: number,
  apiKey = TELESIGN_API_KEY,
): CallbackPost & { body: string } {
  const body = JSON.stringify({
    reference_id: referenceId,
    external_id: 'delivery',
    status: {
      code,
      description: 'Delivered to handset',
      updated_on: '2026-11-22T12:35:01.000000Z',
    },
    submit_timestamp: '2026-11-22T12:34:56.789000Z',
  });
  const signature = createHmac('sha256', Buffer.from(apiKey, 'base64'))
    .update(body)
    .digest('base64');
  const authorization = `TSA ${TELESIGN_CUSTOMER_ID}:${signature}`;
  return {
    url,
    headers: {
      'content-type': 'application/json',
      authorization,
      'x-ts-authorization': authorization,
      'x-ts-auth-method': 'HMAC-SHA256',
      date: 'Sun, 22 Nov 2026 12:35:02 GMT',
      'x-ts-nonce': 'b0d3f6c8-4e2a-4a6c-9a61-6f0f9b8e2c11',
    },
    body,
    transactionId: referenceId,
  };
}

/** A `providers.<id>` block of type telesign that talks to this fake. */
export function telesignProvider(
  fake: FakeTelesign,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'telesign',
    customerId: TELESIGN_CUSTOMER_ID,
    apiKey: TELESIGN_API_KEY,
    baseUrl: fake.url,
    ...extra,
  };
}
