import { createHash, createHmac } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { E164, expectThat, Json, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const SINCH_PLAN = 'plan0123456789';
export const SINCH_TOKEN = 'sinch-api-token-for-tests';
export const SINCH_APP_KEY = '5c1d1a2b-0000-4000-8000-000000000001';
export const SINCH_APP_SECRET = Buffer.from('sinch-application-secret').toString('base64');
export const SINCH_CALLBACK_SECRET = 'sinch-callback-secret-for-tests';

type Route = 'batches' | 'callouts';

const BATCH_FIELDS = [
  'from',
  'to',
  'body',
  'type',
  'client_reference',
  'delivery_report',
  'callback_url',
  'expire_at',
];
const CALLOUT_FIELDS = [
  'cli',
  'destination',
  'domain',
  'locale',
  'text',
  'prompts',
  'custom',
  'enableAce',
  'enableDice',
  'enablePie',
];

/**
 * Sinch SMS REST and Voice on 127.0.0.1 (vendors.md §5; Sinch publishes no spec we hold). SMS:
 * `POST /xms/v1/{plan}/batches` with the Bearer API token, a JSON batch with `to[]`, `from`,
 * `body`. Voice: `POST /calling/v1/callouts`, a ttsCallout signed `Application key:signature`
 * over method, body MD5, content type, x-timestamp and path, recomputed here.
 */
export class FakeSinch extends VendorFake<Route> {
  static start(): Promise<FakeSinch> {
    return startFake((server) => new FakeSinch(server));
  }

  private constructor(server: FakeServer) {
    super(server, {
      [`/xms/v1/${SINCH_PLAN}/batches`]: 'batches',
      '/calling/v1/callouts': 'callouts',
    });
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    const { body, problems } = this.jsonBody(request);
    if (!body) return problems;
    if (route === 'batches') {
      return [
        ...problems,
        ...expectThat(
          request.headers.authorization === `Bearer ${SINCH_TOKEN}`,
          'Bearer token does not match',
        ),
        ...checkBatch(body),
      ];
    }
    return [...problems, ...checkSignature(request), ...checkCallout(body)];
  }

  protected success(request: RecordedRequest, route: Route): FakeResponse {
    const id = `01HF${this.nextId().toString().padStart(22, '0')}`;
    if (route === 'callouts') return { status: 200, body: { callId: `call-${id}` } };
    const batch = JSON.parse(request.body) as Json;
    return {
      status: 201,
      body: {
        id,
        type: 'mt_text',
        to: (batch.to as string[]).map((to) => to.replace(/^\+/, '')),
        from: batch.from,
        body: batch.body,
        delivery_report: batch.delivery_report ?? 'none',
        canceled: false,
        created_at: '2026-11-22T12:34:56.789Z',
        modified_at: '2026-11-22T12:34:56.789Z',
        expire_at: '2026-11-25T12:34:56.789Z',
        flash_message: false,
      },
    };
  }

  protected refusal(problems: string[]): FakeResponse {
    return sinchSmsError(400, 'syntax_constraint_violation', problems.join('; '));
  }
}

function checkBatch(body: Json): string[] {
  const to = body.to;
  return [
    ...unknownKeys(body, BATCH_FIELDS, 'batch'),
    ...expectThat(
      Array.isArray(to) && to.length > 0 && to.every((n) => typeof n === 'string' && E164.test(n)),
      'to must be a list of E.164 numbers',
    ),
    ...expectThat(typeof body.from === 'string' && body.from !== '', 'from is required'),
    ...expectThat(typeof body.body === 'string' && body.body !== '', 'body is required'),
    ...expectThat(
      body.delivery_report === undefined || body.delivery_report === 'per_recipient',
      'delivery_report must be per_recipient',
    ),
    ...expectThat(
      (body.delivery_report === undefined) === (body.callback_url === undefined),
      'callback_url goes with delivery_report',
    ),
  ];
}

function checkCallout(body: Json): string[] {
  const callout = (body.ttsCallout ?? {}) as Json;
  const destination = (callout.destination ?? {}) as Json;
  return [
    ...unknownKeys(body, ['method', 'ttsCallout'], 'callout'),
    ...unknownKeys(callout, CALLOUT_FIELDS, 'ttsCallout'),
    ...expectThat(body.method === 'ttsCallout', 'method must be ttsCallout'),
    ...expectThat(typeof callout.cli === 'string' && E164.test(callout.cli), 'cli must be E.164'),
    ...expectThat(
      destination.type === 'number' &&
        typeof destination.endpoint === 'string' &&
        E164.test(destination.endpoint),
      'destination must be a number',
    ),
    ...expectThat(
      typeof callout.locale === 'string' && callout.locale !== '',
      'locale is required',
    ),
    ...expectThat(typeof callout.text === 'string' && callout.text !== '', 'text is required'),
  ];
}

/** Recomputes the signed-request Authorization header as Sinch does. */
function checkSignature(request: RecordedRequest): string[] {
  const timestamp = request.headers['x-timestamp'];
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp)))
    return ['x-timestamp is required'];
  const md5 = createHash('md5').update(request.body, 'utf8').digest('base64');
  const toSign = `POST\n${md5}\n${String(request.headers['content-type'])}\nx-timestamp:${timestamp}\n${request.url}`;
  const signature = createHmac('sha256', Buffer.from(SINCH_APP_SECRET, 'base64'))
    .update(toSign)
    .digest('base64');
  return expectThat(
    request.headers.authorization === `Application ${SINCH_APP_KEY}:${signature}`,
    'Application signature does not match',
  );
}

/** An SMS REST error as Sinch sends it. */
export function sinchSmsError(status: number, code: string, text = `error ${code}`): FakeResponse {
  return { status, body: { code, text } };
}

/** A Voice API error as Sinch sends it. */
export function sinchVoiceError(status: number, errorCode: string): FakeResponse {
  return {
    status,
    body: { status: `${status}`, errorCode, message: `error ${errorCode}`, reference: 'ref-1' },
  };
}

/** A per-recipient delivery report, signed the way Sinch signs webhooks. */
export function sinchDeliveryReport(
  batchId: string,
  status: string,
  secret = SINCH_CALLBACK_SECRET,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    type: 'recipient_delivery_report_sms',
    batch_id: batchId,
    recipient: '14155552671',
    code: status === 'Delivered' ? 0 : 402,
    status,
    at: '2026-11-22T12:35:01.000Z',
    client_reference: 'delivery',
  });
  return { body, headers: sinchSignedHeaders(body, secret) };
}

/** `content-type` and the `x-sinch-webhook-signature*` headers of a webhook body, as Sinch signs it. */
export function sinchSignedHeaders(
  body: string,
  secret = SINCH_CALLBACK_SECRET,
): Record<string, string> {
  const nonce = 'nonce-01HF';
  const timestamp = '2026-11-22T12:35:02Z';
  const signature = createHmac('sha256', secret)
    .update(`${body}.${nonce}.${timestamp}`)
    .digest('base64');
  return {
    'content-type': 'application/json',
    'x-sinch-webhook-signature': signature,
    'x-sinch-webhook-signature-nonce': nonce,
    'x-sinch-webhook-signature-timestamp': timestamp,
  };
}

/** A `providers.<id>` block of type sinch that talks to this fake; `extra` adds or overrides keys. */
export function sinchProvider(
  fake: FakeSinch,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'sinch',
    servicePlanId: SINCH_PLAN,
    apiToken: SINCH_TOKEN,
    from: '+12025550100',
    applicationKey: SINCH_APP_KEY,
    applicationSecret: SINCH_APP_SECRET,
    baseUrl: fake.url,
    voiceBaseUrl: fake.url,
    ...extra,
  };
}
