import { randomUUID } from 'node:crypto';
import { FakeResponse, RecordedRequest } from '../fake-server';
import { hasVendorSpec, operationValidator, OperationValidator } from '../openapi';
import { GatewayLink } from './gateway-link';
import { signedHeaders, telnyxEvent } from './telnyx.signing';
import { authorizationOf, hasContentType, parseBody, VendorFake } from './vendor-fake';

export const TELNYX_API_KEY = 'KEY0123456789ABCDEF_telnyx';
export const TELNYX_ACCOUNT_SID = 'telnyx-account-1';
export const TELNYX_TEXML_APP = 'texml-app-1';
export const TELNYX_CONNECTION = 'call-control-app-1';

const SPEC = 'telnyx/spec3.yml';
type Route = 'messages' | 'texml' | 'dial' | 'speak' | 'hangup';
const OPERATIONS: Readonly<Record<Route, string>> = {
  messages: 'SendMessage',
  texml: 'InitiateTexmlCall',
  dial: 'DialCall',
  speak: 'SpeakCall',
  hangup: 'HangupCall',
};

const validators = new Map<Route, OperationValidator>();

/** Validators from the official spec3.yml (OpenAPI 3.1), built on first use. */
function specValidator(route: Route): OperationValidator | undefined {
  if (!hasVendorSpec(SPEC)) return undefined;
  let validator = validators.get(route);
  if (!validator) {
    validator = operationValidator(SPEC, OPERATIONS[route], 'application/json');
    validators.set(route, validator);
  }
  return validator;
}

/** A webhook the fake sent to the gateway, and what the gateway answered. */
export interface SentWebhook {
  readonly eventType: string;
  readonly status: number;
}

/**
 * Telnyx API v2 on 127.0.0.1: Messages, TeXML calls and Call Control. Checks the Bearer key,
 * JSON, required fields and every request against spec3.yml. Like Telnyx, it drives a Call
 * Control call by webhooks signed with the account's Ed25519 key: `call.answered` after a
 * dial, `call.speak.ended` after a speak, `call.hangup` after a hangup.
 */
export class FakeTelnyx extends VendorFake {
  readonly webhooks: SentWebhook[] = [];
  private readonly calls = new Map<string, { webhookUrl: string; clientState: string }>();

  private constructor(private readonly link?: GatewayLink) {
    super();
  }

  static async start(link?: GatewayLink): Promise<FakeTelnyx> {
    const fake = new FakeTelnyx(link);
    await fake.listen();
    return fake;
  }

  /** Requests to one route, as JSON bodies. */
  bodies(route: Route): Record<string, unknown>[] {
    return this.requests
      .filter((r) => routeOf(r)?.route === route)
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  override reset(): void {
    super.reset();
    this.webhooks.length = 0;
  }

  protected check(request: RecordedRequest): string[] {
    const target = routeOf(request);
    if (!target) return [`unexpected ${request.method} ${request.url}`];
    const body = parseBody(request);
    if (!hasContentType(request, 'application/json') || !body) return ['body must be JSON'];
    const problems: string[] = [];
    if (authorizationOf(request) !== `Bearer ${TELNYX_API_KEY}`)
      problems.push('Bearer API key does not match');
    problems.push(...this.checkFields(target, body));
    problems.push(...(specValidator(target.route)?.validate(body) ?? []));
    return problems;
  }

  protected refusal(_request: RecordedRequest, problems: string[]): FakeResponse {
    const unauthorized = problems.includes('Bearer API key does not match');
    return telnyxErrors(
      unauthorized ? 401 : 422,
      unauthorized ? '10009' : '10015',
      problems.join('; '),
    );
  }

  protected success(request: RecordedRequest): FakeResponse {
    const target = routeOf(request);
    const body = parseBody(request) ?? {};
    switch (target?.route) {
      case 'messages':
        return { status: 200, body: { data: outboundMessage(body) } };
      case 'texml':
        return { status: 200, body: { from: body.From, to: body.To, status: 'queued' } };
      case 'dial':
        return { status: 200, body: { data: this.dialed(body) } };
      case 'speak':
        this.later(target.callId ?? '', 'call.speak.ended', { status: 'completed' });
        return { status: 200, body: { data: { result: 'ok' } } };
      case 'hangup':
      case undefined:
        if (target)
          this.later(target.callId ?? '', 'call.hangup', {
            hangup_cause: 'normal_clearing',
            hangup_source: 'caller',
            sip_hangup_cause: '200',
          });
        return { status: 200, body: { data: { result: 'ok' } } };
    }
  }

  private checkFields(
    target: { route: Route; callId?: string },
    body: Record<string, unknown>,
  ): string[] {
    switch (target.route) {
      case 'messages':
        return [
          ...(body.text ? [] : ['text is required']),
          ...(body.from || body.messaging_profile_id
            ? []
            : ['from or messaging_profile_id is required']),
        ];
      case 'texml':
        return [
          ...(target.callId === TELNYX_ACCOUNT_SID ? [] : ['account_sid does not match']),
          ...(body.ApplicationSid === TELNYX_TEXML_APP ? [] : ['ApplicationSid does not match']),
          ...(String(body.Texml).includes('<Response>') ? [] : ['Texml must be a TeXML document']),
        ];
      case 'dial':
        return [
          ...(body.connection_id === TELNYX_CONNECTION ? [] : ['connection_id does not match']),
          ...(isBase64(body.client_state) ? [] : ['client_state must be base64']),
        ];
      case 'speak':
      case 'hangup':
        return this.calls.has(target.callId ?? '') ? [] : ['unknown call_control_id'];
    }
  }

  private dialed(body: Record<string, unknown>): Record<string, unknown> {
    const id = `v3:${randomUUID()}`;
    this.calls.set(id, {
      webhookUrl: String(body.webhook_url),
      clientState: String(body.client_state),
    });
    this.later(id, 'call.answered', { state: 'answered', from: body.from, to: body.to });
    return {
      call_control_id: id,
      call_leg_id: randomUUID(),
      call_session_id: randomUUID(),
      is_alive: false,
      record_type: 'call',
    };
  }

  /** Sends a call event once the current answer is on its way, as Telnyx would. */
  private later(callId: string, eventType: string, payload: Record<string, unknown>): void {
    const call = this.calls.get(callId);
    if (!call || !this.link) return;
    const event = {
      call_control_id: callId,
      connection_id: TELNYX_CONNECTION,
      client_state: call.clientState,
      ...payload,
    };
    setTimeout(() => {
      void this.emit(call.webhookUrl, eventType, event);
    }, 5);
  }

  private async emit(
    url: string,
    eventType: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const body = telnyxEvent(eventType, payload);
    const answer = await this.link!.send(url, {
      method: 'POST',
      headers: signedHeaders(body),
      body,
    });
    this.webhooks.push({ eventType, status: answer.status });
  }
}

function routeOf(request: RecordedRequest): { route: Route; callId?: string } | undefined {
  if (request.method !== 'POST') return undefined;
  if (request.url === '/v2/messages') return { route: 'messages' };
  if (request.url === '/v2/calls') return { route: 'dial' };
  const texml = /^\/v2\/texml\/Accounts\/([^/]+)\/Calls$/.exec(request.url);
  if (texml) return { route: 'texml', callId: decodeURIComponent(texml[1]) };
  const action = /^\/v2\/calls\/([^/]+)\/actions\/(speak|hangup)$/.exec(request.url);
  return action ? { route: action[2] as Route, callId: decodeURIComponent(action[1]) } : undefined;
}

function isBase64(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

function outboundMessage(body: Record<string, unknown>): Record<string, unknown> {
  return {
    record_type: 'message',
    id: randomUUID(),
    direction: 'outbound',
    type: 'SMS',
    from: { carrier: 'TELNYX LLC', line_type: 'VoIP', phone_number: body.from },
    to: [
      {
        carrier: 'T-MOBILE USA, INC.',
        line_type: 'Wireless',
        phone_number: body.to,
        status: 'queued',
      },
    ],
    text: body.text,
    parts: 1,
    encoding: 'GSM-7',
    errors: [],
    messaging_profile_id: body.messaging_profile_id ?? null,
  };
}

/** A Telnyx error answer (`{errors:[…]}`, code as a string). */
export function telnyxErrors(status: number, code: string, detail = 'error'): FakeResponse {
  return {
    status,
    body: {
      errors: [
        {
          code,
          title: 'Error',
          detail,
          source: { pointer: '/to' },
          meta: { url: `https://developers.telnyx.com/docs/overview/errors/${code}` },
        },
      ],
    },
  };
}
