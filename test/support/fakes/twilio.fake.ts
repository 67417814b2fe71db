import { createHmac } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { formToObject, hasVendorSpec, operationValidator, OperationValidator } from '../openapi';

export const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
export const TWILIO_TOKEN = 'twilio-auth-token-for-tests';
const SPEC = 'twilio/twilio_api_v2010.json';

type Resource = 'Messages' | 'Calls';
export type TwilioScript = (
  request: RecordedRequest,
  resource: Resource,
) => FakeResponse | 'hang' | undefined;

let validators: Record<Resource, OperationValidator> | undefined;

function specValidators(): Record<Resource, OperationValidator> | undefined {
  if (!hasVendorSpec(SPEC)) return undefined;
  validators ??= {
    Messages: operationValidator(SPEC, 'CreateMessage', 'application/x-www-form-urlencoded'),
    Calls: operationValidator(SPEC, 'CreateCall', 'application/x-www-form-urlencoded'),
  };
  return validators;
}

/**
 * Twilio on 127.0.0.1. Checks each request as Twilio documents it (path, Basic auth, form
 * encoding, required fields) and against CreateMessage / CreateCall of the official OpenAPI
 * description when ../shared/vendor-specs has it. A request that fails a check is answered
 * 400 and its problems are kept in `problems`, so a test sees exactly what was wrong.
 */
export class FakeTwilio {
  readonly problems: string[] = [];
  private override?: TwilioScript;
  private delayMs = 0;
  private counter = 0;

  private constructor(
    readonly server: FakeServer,
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  static async start(accountSid = TWILIO_SID, authToken = TWILIO_TOKEN): Promise<FakeTwilio> {
    specValidators(); // parsed now, not inside the first request's timeout
    const holder: { fake?: FakeTwilio } = {};
    const server = await FakeServer.start((req) => holder.fake!.answer(req));
    return (holder.fake = new FakeTwilio(server, accountSid, authToken));
  }

  get url(): string {
    return this.server.url;
  }

  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  /** The form fields of the n-th request. */
  form(n = 0): Record<string, string | string[]> {
    return formToObject(this.server.requests[n].body);
  }

  /** Overrides the answer; returning undefined falls back to a documented success. */
  script(script?: TwilioScript): void {
    this.override = script;
  }

  /** Forgets requests, problems, the script and the sid sequence between tests. */
  reset(): void {
    this.server.requests.length = 0;
    this.problems.length = 0;
    this.override = undefined;
    this.counter = 0;
  }

  /** Answers every later request this much later (0: at once), so that requests can overlap. */
  delayAnswers(ms: number): void {
    this.delayMs = ms;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(request: RecordedRequest): FakeResponse | 'hang' {
    const resource = this.resourceOf(request);
    const problems = resource
      ? this.check(request, resource)
      : [`unexpected ${request.method} ${request.url}`];
    if (problems.length > 0 || !resource) {
      this.problems.push(...problems);
      return { status: 400, body: { code: 21000, message: problems.join('; '), status: 400 } };
    }
    const answer = this.override?.(request, resource) ?? this.created(request, resource);
    return answer === 'hang' || !this.delayMs ? answer : { ...answer, delayMs: this.delayMs };
  }

  private resourceOf(request: RecordedRequest): Resource | undefined {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(request.url);
    return request.method === 'POST' && match?.[1] === this.accountSid
      ? (match[2] as Resource)
      : undefined;
  }

  private check(request: RecordedRequest, resource: Resource): string[] {
    const problems: string[] = [];
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected)
      problems.push('Basic auth does not match AccountSid:AuthToken');
    if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      problems.push('body must be application/x-www-form-urlencoded');
    }
    const form = formToObject(request.body);
    const required = resource === 'Messages' ? ['To', 'Body'] : ['To', 'From', 'Twiml'];
    for (const field of required) if (!form[field]) problems.push(`${field} is required`);
    if (resource === 'Messages' && !form.From && !form.MessagingServiceSid) {
      problems.push('From or MessagingServiceSid is required');
    }
    problems.push(...(specValidators()?.[resource].validate(form) ?? []));
    return problems;
  }

  private created(request: RecordedRequest, resource: Resource): FakeResponse {
    const form = formToObject(request.body);
    const prefix = resource === 'Messages' ? 'SM' : 'CA';
    const sid = `${prefix}${(++this.counter).toString(16).padStart(32, '0')}`;
    return {
      status: 201,
      body: {
        sid,
        account_sid: this.accountSid,
        to: form.To,
        from: form.From ?? null,
        status: 'queued',
      },
    };
  }
}

/** A Twilio error answer in Twilio's documented shape. */
export function twilioError(
  status: number,
  code: number,
  headers?: Record<string, string>,
): FakeResponse {
  return {
    status,
    headers,
    body: {
      code,
      message: `error ${code}`,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
      status,
    },
  };
}

/** A `providers.<id>` block of type twilio that talks to this fake; `extra` adds or overrides keys. */
export function twilioProvider(
  fake: FakeTwilio,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'twilio',
    accountSid: TWILIO_SID,
    authToken: TWILIO_TOKEN,
    from: '+15005550006',
    baseUrl: fake.url,
    ...extra,
  };
}

/**
 * A status callback as Twilio sends it (vendors.md §1.4): form-encoded, signed in
 * `X-Twilio-Signature` with HMAC-SHA1 of the URL it calls plus every parameter as name + value,
 * names sorted. Computed here independently of the gateway's code.
 */
export function twilioStatusCallback(
  url: string,
  params: Record<string, string>,
  authToken = TWILIO_TOKEN,
): { body: string; headers: Record<string, string> } {
  const signed = Object.keys(params)
    .sort()
    .reduce((data, name) => data + name + params[name], url);
  return {
    body: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': createHmac('sha1', authToken).update(signed).digest('base64'),
    },
  };
}

/** The standard parameters of a message status callback (Twilio adds more without notice). */
export function twilioMessageStatus(
  messageSid: string,
  status: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    AccountSid: TWILIO_SID,
    ApiVersion: '2010-04-01',
    From: '+15005550006',
    To: '+14155552671',
    MessageSid: messageSid,
    SmsSid: messageSid,
    SmsStatus: status,
    MessageStatus: status,
    ...extra,
  };
}
