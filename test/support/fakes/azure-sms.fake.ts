import { createHash, createHmac } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { CallbackPost } from '../vendor-contract.types';
import { E164, expectThat, Json, startFake, unknownKeys, VendorFake } from './vendor-fake';

export const AZURE_ACCESS_KEY = Buffer.from(
  'azure-communication-access-key-for-e2e-tests',
).toString('base64');
export const AZURE_CALLBACK_SECRET = 'azure-event-grid-secret-for-e2e-tests';
export const AZURE_FROM = '+18005550100';
const SEND_PATH = '/sms?api-version=2021-03-07';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Azure Communication Services SMS on 127.0.0.1, as the REST reference "Sms - Send" documents it
 * (`POST {endpoint}/sms?api-version=2021-03-07`, JSON `from`, `smsRecipients[]` with
 * repeatability fields, `message`, `smsSendOptions`), and the HMAC request signing of an access
 * key ("Sign an HTTP request"): `x-ms-content-sha256` is the body's SHA-256, and `Authorization:
 * HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=` the base64
 * HMAC-SHA256, keyed with the decoded key, of `POST\n<path and query>\n<date>;<host>;<hash>`.
 * Recomputed here, independently of the SDK. Answers 202 with one result per recipient.
 */
export class FakeAzureSms extends VendorFake<'send'> {
  static start(): Promise<FakeAzureSms> {
    return startFake((server) => new FakeAzureSms(server));
  }

  private constructor(server: FakeServer) {
    super(server, { [SEND_PATH]: 'send' });
  }

  /** The connection string of this fake's resource. */
  get connectionString(): string {
    return `endpoint=${this.url}/;accesskey=${AZURE_ACCESS_KEY}`;
  }

  protected check(request: RecordedRequest): string[] {
    const { body, problems } = this.jsonBody(request);
    const signature = checkSignature(request);
    if (!body) return [...problems, ...signature];
    return [...problems, ...signature, ...checkSend(body)];
  }

  protected success(request: RecordedRequest): FakeResponse {
    const { smsRecipients } = JSON.parse(request.body) as { smsRecipients: { to: string }[] };
    const value = smsRecipients.map((recipient) => ({
      to: recipient.to,
      messageId: azureMessageId(this.nextId()),
      httpStatusCode: 202,
      repeatabilityResult: 'accepted',
      successful: true,
    }));
    return { status: 202, body: { value } };
  }

  protected refusal(problems: string[]): FakeResponse {
    const unsigned = problems.some((p) => p.startsWith('HMAC'));
    return unsigned ? azureRestError(401, 'Denied') : azureRestError(400, 'BadRequest');
  }
}

function checkSend(body: Json): string[] {
  const recipients = Array.isArray(body.smsRecipients) ? (body.smsRecipients as Json[]) : [];
  const options = (body.smsSendOptions ?? {}) as Json;
  return [
    ...unknownKeys(
      body,
      ['from', 'smsRecipients', 'message', 'smsSendOptions'],
      'SendMessageRequest',
    ),
    ...expectThat(body.from === AZURE_FROM, 'from must be a number the resource owns'),
    ...expectThat(typeof body.message === 'string' && body.message !== '', 'message is required'),
    ...expectThat(
      recipients.length >= 1 && recipients.length <= 100,
      'smsRecipients takes 1 to 100 recipients',
    ),
    ...recipients.flatMap((r) => [
      ...unknownKeys(r, ['to', 'repeatabilityRequestId', 'repeatabilityFirstSent'], 'SmsRecipient'),
      ...expectThat(typeof r.to === 'string' && E164.test(r.to), 'to must be E.164'),
      ...expectThat(
        r.repeatabilityRequestId === undefined ||
          (typeof r.repeatabilityRequestId === 'string' && UUID.test(r.repeatabilityRequestId)),
        'repeatabilityRequestId must be a UUID',
      ),
      ...expectThat(
        r.repeatabilityFirstSent === undefined ||
          (typeof r.repeatabilityFirstSent === 'string' &&
            !Number.isNaN(Date.parse(r.repeatabilityFirstSent))),
        'repeatabilityFirstSent must be a date',
      ),
    ]),
    ...unknownKeys(options, ['enableDeliveryReport', 'tag'], 'SmsSendOptions'),
    ...expectThat(
      typeof options.enableDeliveryReport === 'boolean',
      'smsSendOptions.enableDeliveryReport is required',
    ),
  ];
}

function checkSignature(request: RecordedRequest): string[] {
  const date = request.headers['x-ms-date'];
  const host = request.headers.host;
  if (typeof date !== 'string' || Number.isNaN(Date.parse(date)))
    return ['HMAC: x-ms-date is required'];
  const hash = createHash('sha256').update(request.body, 'utf8').digest('base64');
  const signed = `POST\n${request.url}\n${date};${String(host)};${hash}`;
  const signature = createHmac('sha256', Buffer.from(AZURE_ACCESS_KEY, 'base64'))
    .update(signed)
    .digest('base64');
  return [
    ...expectThat(
      request.headers['x-ms-content-sha256'] === hash,
      'HMAC: x-ms-content-sha256 is not the body hash',
    ),
    ...expectThat(
      request.headers.authorization ===
        `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
      'HMAC: Authorization does not match the access key',
    ),
  ];
}

/** The n-th message id the fake hands out. */
export function azureMessageId(n: number): string {
  return `Outgoing_20261122123456${n.toString().padStart(8, '0')}-0000-4000-8000-000000000000`;
}

/** A request the resource refused as a whole: `{error: {code, message}}`. */
export function azureRestError(
  status: number,
  code: string,
  headers?: Record<string, string>,
): FakeResponse {
  return { status, headers, body: { error: { code, message: `error ${code}` } } };
}

/** A 202 whose only recipient was not accepted, as the REST reference's example shows. */
export function azureRecipientRefused(status: number, errorMessage: string): FakeResponse {
  return {
    status: 202,
    body: {
      value: [{ to: '+14155552671', httpStatusCode: status, successful: false, errorMessage }],
    },
  };
}

/** The URL Event Grid is given: the status callback with the shared secret as `?token=`. */
export function eventGridUrl(callback: string, secret = AZURE_CALLBACK_SECRET): string {
  return `${callback}?token=${encodeURIComponent(secret)}`;
}

/** An Event Grid delivery of one `Microsoft.Communication.SMSDeliveryReportReceived` event. */
export function eventGridDeliveryReport(
  url: string,
  messageId: string,
  deliveryStatus: string,
): CallbackPost {
  return {
    url,
    headers: { 'content-type': 'application/json', 'aeg-event-type': 'Notification' },
    body: [
      {
        id: messageId,
        topic:
          '/subscriptions/sub/resourceGroups/otg/providers/microsoft.communication/communicationservices/acme',
        subject: '/phonenumber/18005550100',
        data: {
          messageId,
          from: AZURE_FROM,
          to: '+14155552671',
          deliveryStatus,
          deliveryStatusDetails: deliveryStatus === 'Delivered' ? 'No error.' : 'Failed',
          receivedTimestamp: '2026-11-22T12:35:01.2855749Z',
          deliveryAttempts: [
            { timestamp: '2026-11-22T12:35:00.9315918Z', segmentsSucceeded: 1, segmentsFailed: 0 },
          ],
          tag: 'delivery',
        },
        eventType: 'Microsoft.Communication.SMSDeliveryReportReceived',
        dataVersion: '1.0',
        metadataVersion: '1',
        eventTime: '2026-11-22T12:35:01Z',
      },
    ],
    transactionId: messageId,
  };
}

/** Event Grid's subscription validation event. */
export function eventGridValidation(url: string, validationCode: string): CallbackPost {
  return {
    url,
    headers: { 'content-type': 'application/json', 'aeg-event-type': 'SubscriptionValidation' },
    body: [
      {
        id: '2d1781af-3a4c-4d7c-bd0c-e34b19da4e66',
        topic: '/subscriptions/sub',
        subject: '',
        data: {
          validationCode,
          validationUrl: 'https://rp-eastus2.eventgrid.azure.net/validate?id=x',
        },
        eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
        eventTime: '2026-11-22T12:30:00Z',
        metadataVersion: '1',
        dataVersion: '1',
      },
    ],
  };
}

/** A `providers.<id>` block of type azure-acs whose connection string points at this fake. */
export function azureProvider(
  fake: FakeAzureSms,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'azure-acs', connectionString: fake.connectionString, from: AZURE_FROM, ...extra };
}
