import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { hasVendorSpec, operationValidator, OperationValidator } from '../openapi';
import { expectThat, Json, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const INFOBIP_API_KEY = 'infobip-api-key-for-tests';
export const INFOBIP_CALLBACK_TOKEN = 'infobip-callback-token-0123456789';
const SMS_SPEC = 'infobip/infobip-sms-openapi.json';
const VOICE_SPEC = 'infobip/infobip-voice-openapi.json';

type Route = 'sms' | 'tts';
const DIGITS = /^[1-9]\d{6,14}$/;
/** Message fields the official descriptions declare (the spec check covers the top level only). */
const MESSAGE_FIELDS: Record<Route, readonly string[]> = {
  sms: ['sender', 'destinations', 'content', 'options', 'webhooks'],
  tts: [
    'from',
    'destinations',
    'audioFileUrl',
    'text',
    'language',
    'voice',
    'speechRate',
    'notifyUrl',
    'notifyContentType',
    'notifyContentVersion',
    'callbackData',
    'validityPeriod',
    'sendAt',
    'repeatDtmf',
    'maxDtmf',
    'ringTimeout',
    'dtmfTimeout',
    'callTimeout',
    'callTransfers',
    'pause',
    'retry',
    'sendingSpeed',
    'machineDetection',
    'deliveryTimeWindow',
  ],
};

let validators: Record<Route | 'smsReport' | 'voiceReport', OperationValidator> | undefined;

/** Request validators from the official descriptions, when ../shared/vendor-specs has them. */
function specValidators(): typeof validators {
  if (!hasVendorSpec(SMS_SPEC) || !hasVendorSpec(VOICE_SPEC)) return undefined;
  validators ??= {
    sms: operationValidator(SMS_SPEC, 'send-sms-messages', 'application/json'),
    tts: operationValidator(VOICE_SPEC, 'send-advanced-voice-tts', 'application/json'),
    smsReport: operationValidator(
      SMS_SPEC,
      'receive-outbound-sms-message-report-v3',
      'application/json',
    ),
    voiceReport: operationValidator(
      VOICE_SPEC,
      'receive-voice-delivery-reports',
      'application/json',
    ),
  };
  return validators;
}

const PENDING = {
  groupId: 1,
  groupName: 'PENDING',
  id: 26,
  name: 'PENDING_ACCEPTED',
  description: 'Message sent to next instance',
};

/**
 * Infobip on 127.0.0.1 (vendors.md §6): `POST /sms/3/messages` and `POST /tts/3/advanced` with
 * `Authorization: App <key>`, JSON bodies validated against `send-sms-messages` and
 * `send-advanced-voice-tts` of the official descriptions, numbers as E.164 digits.
 */
export class FakeInfobip extends VendorFake<Route> {
  static start(): Promise<FakeInfobip> {
    specValidators(); // parsed now, not inside the first request's timeout
    return startFake((server) => new FakeInfobip(server));
  }

  private constructor(server: FakeServer) {
    super(server, { '/sms/3/messages': 'sms', '/tts/3/advanced': 'tts' });
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    const { body, problems } = this.jsonBody(request);
    problems.push(
      ...expectThat(
        request.headers.authorization === `App ${INFOBIP_API_KEY}`,
        'App key does not match',
      ),
    );
    if (!body) return problems;
    const messages = (Array.isArray(body.messages) ? body.messages : []) as Json[];
    problems.push(...expectThat(messages.length === 1, 'one message per request'));
    for (const message of messages) problems.push(...checkMessage(message, route));
    return [...problems, ...(specValidators()?.[route].validate(body) ?? [])];
  }

  protected success(request: RecordedRequest, route: Route): FakeResponse {
    const messageId = `ib-${this.nextId().toString().padStart(4, '0')}`;
    const to = firstDestination(JSON.parse(request.body) as Json);
    const message =
      route === 'sms'
        ? { messageId, status: PENDING, destination: to, details: { messageCount: 1 } }
        : { to, status: PENDING, messageId };
    return { status: 200, body: { bulkId: `bulk-${messageId}`, messages: [message] } };
  }

  protected refusal(problems: string[]): FakeResponse {
    return infobipV3Error(
      400,
      'E400',
      problems.map((violation) => ({ property: 'messages', violation })),
    );
  }
}

function checkMessage(message: Json, route: Route): string[] {
  const destinations = (Array.isArray(message.destinations) ? message.destinations : []) as Json[];
  const problems = [
    ...unknownKeys(message, MESSAGE_FIELDS[route], 'message'),
    ...expectThat(destinations.length === 1, 'one destination'),
    ...expectThat(
      destinations.every((d) => typeof d.to === 'string' && DIGITS.test(d.to)),
      'to must be E.164 digits without +',
    ),
  ];
  if (route === 'sms') {
    const text = (message.content as Json | undefined)?.text;
    return [
      ...problems,
      ...expectThat(typeof text === 'string' && text !== '', 'content.text is required'),
    ];
  }
  return [
    ...problems,
    ...expectThat(
      typeof message.from === 'string' && DIGITS.test(message.from),
      'from must be E.164 digits',
    ),
    ...expectThat(typeof message.text === 'string' && message.text !== '', 'text is required'),
    ...expectThat(
      typeof message.language === 'string' && message.language !== '',
      'language is required',
    ),
  ];
}

function firstDestination(body: Json): unknown {
  const [message] = body.messages as Json[];
  return (message.destinations as Json[])[0].to;
}

/** An SMS v3 error as Infobip sends it. */
export function infobipV3Error(
  status: number,
  errorCode: string,
  violations: { property: string; violation: string }[] = [],
): FakeResponse {
  return {
    status,
    body: {
      errorCode,
      description: 'Request cannot be processed.',
      action: 'Check the request.',
      violations,
      resources: [],
    },
  };
}

/** A voice (v2 shape) error as Infobip sends it. */
export function infobipV2Error(status: number, messageId: string): FakeResponse {
  return {
    status,
    body: { requestError: { serviceException: { messageId, text: messageId.toLowerCase() } } },
  };
}

/** A 200 whose one message Infobip did not accept. */
export function infobipRejected(name: string): FakeResponse {
  return {
    status: 200,
    body: {
      bulkId: 'bulk-r',
      messages: [
        {
          messageId: 'ib-r',
          status: { groupId: 5, groupName: 'REJECTED', id: 12, name },
          destination: '14155552671',
        },
      ],
    },
  };
}

/** An SMS delivery report (`results[]`) as Infobip posts it to the notify URL. */
export function infobipSmsReport(
  messageId: string,
  groupName: string,
  name: string,
  permanent = false,
): Json {
  return {
    results: [
      {
        bulkId: `bulk-${messageId}`,
        price: { pricePerMessage: 0.01, currency: 'EUR' },
        status: { groupId: 3, groupName, id: 5, name },
        error: {
          groupId: 0,
          groupName: groupName === 'DELIVERED' ? 'OK' : 'HANDSET_ERRORS',
          id: 0,
          name: groupName === 'DELIVERED' ? 'NO_ERROR' : 'EC_ABSENT_SUBSCRIBER',
          permanent,
        },
        messageId,
        to: '14155552671',
        sender: 'Acme',
        sentAt: '2026-11-22T16:00:00.000+0000',
        doneAt: '2026-11-22T16:00:04.000+0000',
        messageCount: 1,
        callbackData: 'delivery-id',
      },
    ],
  };
}

/** Problems of a report body against the official webhook description (none without the spec). */
export function reportProblems(body: unknown, kind: 'sms' | 'voice'): string[] {
  return specValidators()?.[kind === 'sms' ? 'smsReport' : 'voiceReport'].validate(body) ?? [];
}
