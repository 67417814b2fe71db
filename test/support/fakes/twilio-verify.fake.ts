import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { formToObject } from '../openapi';
import { expectThat, unknownKeys, VendorScript } from './vendor-fake';
import { TWILIO_SID, TWILIO_TOKEN, twilioError } from './twilio.fake';

export const VERIFY_SERVICE_SID = 'VA0123456789abcdef0123456789abcdef';

type Operation = 'create' | 'update';

/**
 * Properties of `CreateVerificationRequest` in Twilio's twilio_verify_v2.json (twilio/twilio-oai
 * @ d50069b); `To` and `Channel` required. The description is not in ../shared/vendor-specs, so
 * its facts are written down here.
 */
const CREATE_FIELDS = [
  'To',
  'Channel',
  'CustomFriendlyName',
  'CustomMessage',
  'SendDigits',
  'Locale',
  'CustomCode',
  'Amount',
  'Payee',
  'RateLimits',
  'ChannelConfiguration',
  'AppHash',
  'TemplateSid',
  'TemplateCustomSubstitutions',
  'DeviceIp',
  'EnableSnaClientToken',
  'RiskCheck',
  'Tags',
];
const CHANNELS = ['email', 'sms', 'whatsapp', 'call', 'sna', 'auto'];
/** Verify's supported locales ("Verify supported languages"); any other is answered 404. */
const LOCALES = [
  'af',
  'ar',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'et',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'kn',
  'ko',
  'lt',
  'mr',
  'ms',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sv',
  'te',
  'th',
  'tl',
  'tr',
  'zh',
  'zh-CN',
  'zh-HK',
];
const PATH = /^\/v2\/Services\/([^/]+)\/Verifications(?:\/([^/]+))?$/;

/**
 * Twilio Verify on 127.0.0.1: `POST /v2/Services/{sid}/Verifications` (create, Basic
 * `AccountSid:AuthToken`, form, the description's fields, `CustomCode` of 4 to 10 characters,
 * a supported `Locale`) and `POST …/Verifications/{VE sid}` with `Status` (update). It keeps the
 * verifications it created and the statuses they were given.
 */
export class FakeTwilioVerify {
  readonly problems: string[] = [];
  /** Verification sid → the status updates it received, in order. */
  readonly updates = new Map<string, string[]>();
  private readonly created = new Set<string>();
  private override?: VendorScript<Operation>;
  private counter = 0;

  private constructor(readonly server: FakeServer) {}

  static async start(): Promise<FakeTwilioVerify> {
    const holder: { fake?: FakeTwilioVerify } = {};
    const server = await FakeServer.start((request) => holder.fake!.answer(request));
    return (holder.fake = new FakeTwilioVerify(server));
  }

  get url(): string {
    return this.server.url;
  }

  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  form(n = 0): Record<string, string | string[]> {
    return formToObject(this.requests[n].body);
  }

  script(script?: VendorScript<Operation>): void {
    this.override = script;
  }

  reset(): void {
    this.server.requests.length = 0;
    this.problems.length = 0;
    this.override = undefined;
    this.updates.clear();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(request: RecordedRequest): FakeResponse | 'hang' {
    const match = request.method === 'POST' ? PATH.exec(request.url) : null;
    const operation: Operation = match?.[2] ? 'update' : 'create';
    const problems = match
      ? this.check(request, operation, match[1])
      : [`unexpected ${request.method} ${request.url}`];
    if (problems.length > 0) {
      this.problems.push(...problems);
      return twilioError(400, 60200);
    }
    const form = formToObject(request.body);
    if (operation === 'create' && !LOCALES.includes(String(form.Locale ?? 'en')))
      return twilioError(404, 20404);
    return this.override?.(request, operation) ?? this.success(form, match?.[2]);
  }

  private check(request: RecordedRequest, operation: Operation, service: string): string[] {
    const basic = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
    const form = formToObject(request.body);
    const common = [
      ...expectThat(service === VERIFY_SERVICE_SID, 'unknown Verify Service'),
      ...expectThat(
        request.headers.authorization === basic,
        'Basic auth does not match AccountSid:AuthToken',
      ),
      ...expectThat(
        request.headers['content-type'] === 'application/x-www-form-urlencoded',
        'body must be application/x-www-form-urlencoded',
      ),
    ];
    if (operation === 'update') {
      return [
        ...common,
        ...unknownKeys(form, ['Status'], 'UpdateVerificationRequest'),
        ...expectThat(
          ['canceled', 'approved'].includes(String(form.Status)),
          'Status must be canceled or approved',
        ),
      ];
    }
    const code = String(form.CustomCode ?? '');
    return [
      ...common,
      ...unknownKeys(form, CREATE_FIELDS, 'CreateVerificationRequest'),
      ...expectThat(/^\+[1-9]\d{6,14}$/.test(String(form.To)), 'To must be E.164'),
      ...expectThat(CHANNELS.includes(String(form.Channel)), 'Channel is not a Verify channel'),
      ...expectThat(
        code.length >= 4 && code.length <= 10,
        'CustomCode must have 4 to 10 characters',
      ),
    ];
  }

  private success(form: Record<string, string | string[]>, sid?: string): FakeResponse {
    if (sid) {
      if (!this.created.has(sid)) return twilioError(404, 20404);
      this.updates.set(sid, [...(this.updates.get(sid) ?? []), String(form.Status)]);
      return { status: 200, body: verification(sid, String(form.Status)) };
    }
    const created = `VE${(++this.counter).toString(16).padStart(32, '0')}`;
    this.created.add(created);
    return { status: 201, body: verification(created, 'pending', form) };
  }
}

function verification(
  sid: string,
  status: string,
  form: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    sid,
    service_sid: VERIFY_SERVICE_SID,
    account_sid: TWILIO_SID,
    to: form.To ?? '+14155552671',
    channel: form.Channel ?? 'sms',
    status,
    valid: status === 'approved',
    date_created: '2026-11-22T12:34:56Z',
    date_updated: '2026-11-22T12:34:56Z',
    url: `https://verify.twilio.com/v2/Services/${VERIFY_SERVICE_SID}/Verifications/${sid}`,
  };
}

/** A `providers.<id>` block of type twilio in verify mode that talks to this fake. */
export function twilioVerifyProvider(
  fake: FakeTwilioVerify,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'twilio',
    mode: 'verify',
    accountSid: TWILIO_SID,
    authToken: TWILIO_TOKEN,
    verifyServiceSid: VERIFY_SERVICE_SID,
    verifyBaseUrl: fake.url,
    ...extra,
  };
}
