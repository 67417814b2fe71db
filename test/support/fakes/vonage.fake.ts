import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import { FakeResponse, RecordedRequest } from '../fake-server';
import {
  formToObject,
  hasVendorSpec,
  operationValidator,
  OperationValidator,
  specComponent,
} from '../openapi';
import { authorizationOf, basicAuth, hasContentType, parseBody, VendorFake } from './vendor-fake';

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
 * each request against the official description.
 */
export class FakeVonage extends VendorFake {
  static async start(): Promise<FakeVonage> {
    const fake = new FakeVonage();
    await fake.listen();
    return fake;
  }

  /** The form fields of the n-th request. */
  form(n = 0): Record<string, string | string[]> {
    return formToObject(this.requests[n].body);
  }

  protected async check(request: RecordedRequest): Promise<string[]> {
    const route = ROUTES[request.url];
    if (request.method !== 'POST' || !route) return [`unexpected ${request.method} ${request.url}`];
    if (route === 'sms') return this.checkSms(request);
    const body = parseBody(request);
    if (!hasContentType(request, 'application/json') || !body) return ['body must be JSON'];
    const problems = await checkAuthorization(request, route);
    if (route === 'calls') problems.push(...checkCall(body));
    problems.push(...(specValidators()?.[route].validate(body) ?? []));
    return problems;
  }

  protected refusal(request: RecordedRequest, problems: string[]): FakeResponse {
    if (ROUTES[request.url] === 'sms') {
      return {
        status: 200,
        body: {
          'message-count': '1',
          messages: [{ status: '3', 'error-text': problems.join('; ') }],
        },
      };
    }
    return vonageProblem(422, '1150', problems.join('; '));
  }

  protected success(request: RecordedRequest): FakeResponse {
    const id = `${(++this.counter).toString(16).padStart(16, '0')}`.toUpperCase();
    switch (ROUTES[request.url]) {
      case 'sms':
        return vonageSmsAnswer('0', { to: formToObject(request.body).to, 'message-id': id });
      case 'messages':
        return { status: 202, body: { message_uuid: randomUUID() } };
      case 'calls':
      case undefined:
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

  private checkSms(request: RecordedRequest): string[] {
    if (!hasContentType(request, 'application/x-www-form-urlencoded')) {
      return ['body must be application/x-www-form-urlencoded'];
    }
    const form = formToObject(request.body);
    const problems: string[] = [];
    if (form.api_key !== VONAGE_API_KEY || form.api_secret !== VONAGE_API_SECRET) {
      problems.push('api_key and api_secret do not match');
    }
    for (const field of ['from', 'to', 'text'])
      if (!form[field]) problems.push(`${field} is required`);
    if (typeof form.to !== 'string' || !/^\d{7,15}$/.test(form.to))
      problems.push('to must be E.164 without +');
    problems.push(...(specValidators()?.sms.validate(form) ?? []));
    return problems;
  }
}

async function checkAuthorization(request: RecordedRequest, route: Route): Promise<string[]> {
  const header = authorizationOf(request);
  if (route === 'messages' && header === basicAuth(VONAGE_API_KEY, VONAGE_API_SECRET)) return [];
  const token = /^Bearer (.+)$/.exec(header)?.[1];
  if (!token) return ['Authorization must be Bearer <application JWT>'];
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, { algorithms: ['RS256'] });
    const problems: string[] = [];
    if (payload.application_id !== VONAGE_APPLICATION_ID)
      problems.push('JWT application_id is wrong');
    if (typeof payload.jti !== 'string') problems.push('JWT needs a jti');
    if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number')
      problems.push('JWT needs iat and exp');
    return problems;
  } catch {
    return ['JWT is not signed with the application key'];
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
