import { randomUUID } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { CallbackPost } from '../vendor-contract.types';
import { E164, expectThat, Json, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const EIGHT_BY_EIGHT_API_KEY = '8x8-api-key-for-e2e-tests-0123456789';
export const EIGHT_BY_EIGHT_SMS_SUBACCOUNT = 'acme_sms';
export const EIGHT_BY_EIGHT_VOICE_SUBACCOUNT = 'acme_voice';
/** What the webhooks configured at 8x8 send as `Authorization` (`httpAuthorization`). */
export const EIGHT_BY_EIGHT_WEBHOOK_AUTH = 'Bearer 8x8-webhook-secret-for-e2e-tests';

type Route = 'messages' | 'callflows';

/** `SmsRequest` properties of 8x8's sms_api.json; anything else is refused. */
const SMS_FIELDS = [
  'destination',
  'country',
  'source',
  'clientMessageId',
  'text',
  'encoding',
  'scheduled',
  'expiry',
  'dlrCallbackUrl',
  'clientIp',
  'track',
];
/** `destination` pattern of `SmsRequest`. */
const MSISDN = /^\+{0,1}[1-9]{1}[0-9]{6,14}$/;

/**
 * 8x8 on 127.0.0.1, checking what 8x8's official descriptions (8x8Cloud/public-developer-docs
 * `docs_oas/connect/sms_api.json`, `voice_v1_api.json`) and its Voice Messaging guide document:
 * the Bearer API key, JSON, the `SmsRequest` fields and `destination` pattern, and a callflow of
 * `makeCall` (source, destination) first, `say` (text, voiceProfile, repetition 1–3, speed), then
 * `hangup`. Answers as the descriptions' examples do.
 */
export class FakeEightByEight extends VendorFake<Route> {
  static start(): Promise<FakeEightByEight> {
    return startFake((server) => new FakeEightByEight(server));
  }

  private constructor(server: FakeServer) {
    super(server, {
      [`/api/v1/subaccounts/${EIGHT_BY_EIGHT_SMS_SUBACCOUNT}/messages`]: 'messages',
      [`/api/v1/subaccounts/${EIGHT_BY_EIGHT_VOICE_SUBACCOUNT}/callflows`]: 'callflows',
    });
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    const { body, problems } = this.jsonBody(request);
    const auth = expectThat(
      request.headers.authorization === `Bearer ${EIGHT_BY_EIGHT_API_KEY}`,
      'Bearer API key does not match',
    );
    if (!body) return [...problems, ...auth];
    return [...problems, ...auth, ...(route === 'messages' ? checkSms(body) : checkCallflow(body))];
  }

  protected success(request: RecordedRequest, route: Route): FakeResponse {
    const id = `00000000-0000-4000-8000-${this.nextId().toString().padStart(12, '0')}`;
    if (route === 'callflows') {
      return {
        status: 200,
        body: {
          sessionId: id,
          sessionStatus: 'CREATED',
          callFlowRequestId: randomUUID(),
          statusCode: 1,
          statusMessage: 'Created',
        },
      };
    }
    const sms = JSON.parse(request.body) as Json;
    return {
      status: 200,
      body: {
        umid: id,
        clientMessageId: sms.clientMessageId,
        destination: String(sms.destination).replace(/^\+/, ''),
        encoding: 'GSM7',
        status: { code: 'QUEUED', description: 'SMS is accepted and queued for processing' },
      },
    };
  }

  protected refusal(problems: string[]): FakeResponse {
    const unauthorized = problems.includes('Bearer API key does not match');
    return unauthorized
      ? eightByEightSmsError(401, 1200)
      : eightByEightSmsError(400, 1000, problems.join('; '));
  }
}

function checkSms(body: Json): string[] {
  return [
    ...unknownKeys(body, SMS_FIELDS, 'SmsRequest'),
    ...expectThat(
      typeof body.destination === 'string' && MSISDN.test(body.destination),
      'destination must be an MSISDN',
    ),
    ...expectThat(typeof body.text === 'string' && body.text !== '', 'text is required'),
    ...expectThat(
      body.source === undefined || (typeof body.source === 'string' && body.source.length <= 16),
      'source is at most 16 characters',
    ),
    ...expectThat(
      body.clientMessageId === undefined ||
        (typeof body.clientMessageId === 'string' && body.clientMessageId.length <= 350),
      'clientMessageId is at most 350 characters',
    ),
    ...expectThat(
      body.encoding === undefined || ['AUTO', 'GSM7', 'UCS2'].includes(body.encoding as string),
      'encoding must be AUTO, GSM7 or UCS2',
    ),
  ];
}

function checkCallflow(body: Json): string[] {
  const flow = Array.isArray(body.callflow) ? (body.callflow as Json[]) : [];
  const [call, say, hangup] = flow;
  const callParams = (call?.params ?? {}) as Json;
  const sayParams = (say?.params ?? {}) as Json;
  return [
    ...unknownKeys(body, ['validUntil', 'callflow'], 'callflow request'),
    ...expectThat(flow.length === 3, 'callflow must be makeCall, say, hangup'),
    ...expectThat(call?.action === 'makeCall', 'the first action must be makeCall'),
    ...unknownKeys(callParams, ['source', 'destination'], 'makeCall'),
    ...expectThat(
      typeof callParams.source === 'string' && E164.test(callParams.source),
      'makeCall source must be E.164',
    ),
    ...expectThat(
      typeof callParams.destination === 'string' && E164.test(callParams.destination),
      'makeCall destination must be E.164',
    ),
    ...expectThat(say?.action === 'say', 'the second action must be say'),
    ...unknownKeys(sayParams, ['text', 'voiceProfile', 'repetition', 'speed'], 'say'),
    ...expectThat(
      typeof sayParams.text === 'string' && sayParams.text !== '' && sayParams.text.length <= 3000,
      'say text is required (at most 3000 characters)',
    ),
    ...expectThat(
      typeof sayParams.voiceProfile === 'string' && sayParams.voiceProfile !== '',
      'say voiceProfile is required',
    ),
    ...expectThat(
      [undefined, 1, 2, 3].includes(sayParams.repetition as number),
      'say repetition must be 1, 2 or 3',
    ),
    ...expectThat(
      hangup?.action === 'hangup' && Object.keys(hangup).length === 1,
      'the last action must be hangup',
    ),
  ];
}

/** An SMS API error answer: `{code, message, errorId, timestamp}`. */
export function eightByEightSmsError(
  status: number,
  code: number,
  message = `error ${code}`,
): FakeResponse {
  return {
    status,
    body: { code, message, errorId: randomUUID(), timestamp: '2026-11-22T12:34:56.78Z' },
  };
}

/** A callflow answer that created no session. */
export function eightByEightVoiceError(
  status: number,
  statusCode: number,
  statusMessage = 'error',
): FakeResponse {
  return {
    status,
    body: {
      sessionStatus: 'NOT_CREATED',
      callFlowRequestId: randomUUID(),
      statusCode,
      statusMessage,
    },
  };
}

/** An SMS delivery receipt as 8x8 posts it, with the webhook's `Authorization` value. */
export function eightByEightSmsReceipt(
  url: string,
  umid: string,
  state: string,
  authorization = EIGHT_BY_EIGHT_WEBHOOK_AUTH,
): CallbackPost {
  return {
    url,
    headers: { 'content-type': 'application/json', authorization },
    body: {
      namespace: 'SMS',
      eventType: 'outbound_message_status_changed',
      description: 'SMS outbound message delivery receipt',
      payload: {
        umid,
        clientMessageId: 'delivery',
        subAccountId: EIGHT_BY_EIGHT_SMS_SUBACCOUNT,
        source: 'Acme',
        destination: '+14155552671',
        status: { state, detail: 'delivered_to_recipient', timestamp: '2026-11-22T12:35:01.00Z' },
        smsCount: 1,
      },
    },
    transactionId: umid,
  };
}

/** A voice session summary as 8x8 posts it to the VSS webhook. */
export function eightByEightSessionSummary(
  url: string,
  sessionId: string,
  sessionStatus: string,
  authorization = EIGHT_BY_EIGHT_WEBHOOK_AUTH,
): CallbackPost {
  return {
    url,
    headers: { 'content-type': 'application/json', authorization },
    body: {
      payload: {
        sessionId,
        subAccountId: EIGHT_BY_EIGHT_VOICE_SUBACCOUNT,
        sessionStatus,
        startTime: '2026-11-22T12:35:01Z',
        endTime: '2026-11-22T12:35:21Z',
        lastAction: 'HANGUP',
        callCount: 1,
        details: {
          callA: { callStatus: sessionStatus, destination: '+14155552671', callDuration: 13 },
        },
      },
      namespace: 'VOICE',
      eventType: 'SESSION_SUMMARY',
      description: 'Summary of a completed call session',
    },
    transactionId: sessionId,
  };
}

/** A `providers.<id>` block of type 8x8 whose SMS and voice hosts are this fake. */
export function eightByEightProvider(
  fake: FakeEightByEight,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: '8x8',
    apiKey: EIGHT_BY_EIGHT_API_KEY,
    subAccountId: EIGHT_BY_EIGHT_SMS_SUBACCOUNT,
    voiceSubAccountId: EIGHT_BY_EIGHT_VOICE_SUBACCOUNT,
    source: 'Acme',
    voiceFrom: '+14155550100',
    baseUrl: fake.url,
    voiceBaseUrl: fake.url,
    ...extra,
  };
}
