import { generateKeyPairSync, randomUUID, verify } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import {
  formToObject,
  hasVendorSpec,
  operationValidator,
  OperationValidator,
  specComponent,
} from '../openapi';
import { expectThat, Json, startFake, VendorFake } from './vendor-fake';

export const VONAGE_API_KEY = 'abcd1234';
export const VONAGE_API_SECRET = 'vonage-secret-0123';
export const VONAGE_APPLICATION_ID = 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab';
export const VONAGE_SIGNATURE_SECRET = 'vonage-signature-secret-0123456789';

/** The application's key pair; tests give the private half to the gateway. */
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const VONAGE_PRIVATE_KEY = keys.privateKey
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();

type Route = 'sms' | 'messages' | 'calls';
const ROUTES: Readonly<Record<string, Route>> = {
  '/sms/json': 'sms',
  '/v1/messages': 'messages',
  '/v1/calls': 'calls',
};

let validators: Record<Route, OperationValidator> | undefined;

/**
 * The official descriptions, with their known flaws tolerated: sms.yml; voice.yml, whose `to`
 * endpoints overlap (a phone endpoint also matches `EndpointSip`, whose `type` has no enum);
 * and the 2020 draft of Messages v1, whose `baseMessageType` requires a `message` field no real
 * request has, and which predates the per-message `webhook_url` / `webhook_version`.
 */
function specValidators(): Record<Route, OperationValidator> | undefined {
  if (!hasVendorSpec('vonage/sms.yml')) return undefined;
  validators ??= {
    sms: operationValidator('vonage/sms.yml', 'send-an-sms', 'application/x-www-form-urlencoded'),
    messages: operationValidator('vonage/messages.yml', 'SendMessage', 'application/json', {
      ignoreRequired: ['message'],
      extraProperties: {
        webhook_url: { type: 'string', format: 'uri' },
        webhook_version: { enum: ['v0.1', 'v1'] },
      },
    }),
    calls: operationValidator('vonage/voice.yml', 'createCall', 'application/json', {
      overlappingOneOf: true,
    }),
  };
  return validators;
}

/** Languages of the NCCO talk action (voice.yml `language`; a few when the description is missing). */
function talkLanguages(): unknown[] {
  if (!hasVendorSpec('vonage/voice.yml')) return ['en-US', 'en-GB', 'de-DE', 'fr-FR'];
  return specComponent('vonage/voice.yml', 'language').enum as unknown[];
}

/**
 * Vonage on 127.0.0.1: the SMS API (`/sms/json`) and the Messages and Voice APIs (`/v1/...`) on
 * one server. Checks credentials (body key/secret, Basic, or an RS256 application JWT verified
 * with the application's public key), encodings, required fields, the NCCO talk action, and
 * each request against the official description. A request that fails a check gets a 422
 * problem, whatever its route.
 */
export class FakeVonage extends VendorFake<Route> {
  static start(): Promise<FakeVonage> {
    specValidators(); // parsed now, not inside the first request's timeout
    return startFake((server) => new FakeVonage(server));
  }

  private constructor(server: FakeServer) {
    super(server, ROUTES);
  }

  /** The form fields of the n-th request. */
  form(n = 0): Record<string, string | string[]> {
    return formToObject(this.requests[n].body);
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    if (route === 'sms') return checkSms(request);
    const { body, problems } = this.jsonBody(request);
    if (!body) return problems;
    return [
      ...problems,
      ...checkAuthorization(request, route),
      ...(route === 'calls' ? checkCall(body) : []),
      ...(specValidators()?.[route].validate(body) ?? []),
    ];
  }

  protected refusal(problems: string[]): FakeResponse {
    return vonageProblem(422, '1150', problems.join('; '));
  }

  protected success(request: RecordedRequest, route: Route): FakeResponse {
    const id = this.nextId().toString(16).padStart(16, '0').toUpperCase();
    switch (route) {
      case 'sms':
        return vonageSmsAnswer('0', { to: formToObject(request.body).to, 'message-id': id });
      case 'messages':
        return { status: 202, body: { message_uuid: randomUUID() } };
      case 'calls':
        return {
          status: 201,
          body: {
            uuid: randomUUID(),
            status: 'started',
            direction: 'outbound',
            conversation_uuid: `CON-${randomUUID()}`,
          },
        };
    }
  }
}

function checkSms(request: RecordedRequest): string[] {
  if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
    return ['body must be application/x-www-form-urlencoded'];
  }
  const form = formToObject(request.body);
  return [
    ...expectThat(
      form.api_key === VONAGE_API_KEY && form.api_secret === VONAGE_API_SECRET,
      'api_key and api_secret do not match',
    ),
    ...['from', 'to', 'text'].flatMap((field) =>
      expectThat(Boolean(form[field]), `${field} is required`),
    ),
    ...expectThat(
      typeof form.to === 'string' && /^\d{7,15}$/.test(form.to),
      'to must be E.164 without +',
    ),
    ...(specValidators()?.sms.validate(form) ?? []),
  ];
}

/** Basic key:secret (Messages only) or the application JWT, RS256 over `header.payload`. */
function checkAuthorization(request: RecordedRequest, route: Route): string[] {
  const header = request.headers.authorization ?? '';
  const basic = `Basic ${Buffer.from(`${VONAGE_API_KEY}:${VONAGE_API_SECRET}`).toString('base64')}`;
  if (route === 'messages' && header === basic) return [];
  const [encodedHeader, encodedPayload, signature] = (
    /^Bearer (.+)$/.exec(String(header))?.[1] ?? ''
  ).split('.');
  if (!signature) return ['Authorization must be Bearer <application JWT>'];
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
  const jwtHeader = decodePart(encodedHeader);
  if (
    jwtHeader.alg !== 'RS256' ||
    !verify('RSA-SHA256', signed, keys.publicKey, Buffer.from(signature, 'base64url'))
  ) {
    return ['JWT is not signed RS256 with the application key'];
  }
  const payload = decodePart(encodedPayload);
  const now = Date.now() / 1000;
  return [
    ...expectThat(payload.application_id === VONAGE_APPLICATION_ID, 'JWT application_id is wrong'),
    ...expectThat(typeof payload.jti === 'string', 'JWT needs a jti'),
    ...expectThat(
      typeof payload.iat === 'number' &&
        typeof payload.exp === 'number' &&
        payload.iat <= now &&
        now < payload.exp,
      'JWT needs iat and exp around now',
    ),
  ];
}

function decodePart(part: string): Json {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Json;
  } catch {
    return {};
  }
}

/** What voice.yml cannot say itself: one phone endpoint in E.164 without `+`, and the talk action. */
function checkCall(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const to = (body.to as Record<string, unknown>[] | undefined)?.[0];
  if (to?.type !== 'phone' || !/^\d{7,15}$/.test(String(to.number))) {
    problems.push('to must be one phone endpoint, E.164 without +');
  }
  const talk = (body.ncco as Record<string, unknown>[] | undefined)?.[0];
  if (!talk || talk.action !== 'talk' || typeof talk.text !== 'string') {
    return [...problems, 'ncco must start with a talk action'];
  }
  if (!talkLanguages().includes(talk.language)) {
    problems.push('talk language is not one Vonage speaks');
  }
  if (!Number.isInteger(talk.loop)) problems.push('talk loop must be an integer');
  return problems;
}

/** An SMS API answer: always HTTP 200, the outcome in `messages[0].status`. */
export function vonageSmsAnswer(status: string, part: Record<string, unknown> = {}): FakeResponse {
  const message =
    status === '0'
      ? {
          'remaining-balance': '15.53590000',
          'message-price': '0.03330000',
          network: '23410',
          ...part,
          status,
        }
      : { status, 'error-text': `error ${status}` };
  return { status: 200, body: { 'message-count': '1', messages: [message] } };
}

/** A Messages / Voice API error (RFC 7807). */
export function vonageProblem(status: number, code: string, detail = 'error'): FakeResponse {
  return {
    status,
    body: {
      type: `https://developer.nexmo.com/api-errors/messages#${code}`,
      title: 'Error',
      detail,
      instance: 'bf0ca0bf927b3b52e3cb03217e1a1ddf',
    },
  };
}
