import { randomUUID } from 'node:crypto';
import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { hasVendorSpec, operationValidator, OperationValidator } from '../openapi';
import { GatewayLink } from './gateway-link';
import { signedHeaders, telnyxEvent } from './telnyx.signing';
import { expectThat, Json, startFake, VendorFake } from './vendor-fake';

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
export class FakeTelnyx extends VendorFake<Route> {
  readonly webhooks: SentWebhook[] = [];
  private readonly calls = new Map<string, { webhookUrl: string; clientState: string }>();

  /** `callRoutes` grows as calls are dialled: each call has its own action paths. */
  private constructor(
    server: FakeServer,
    private readonly callRoutes: Record<string, Route>,
    private readonly link?: GatewayLink,
  ) {
    super(server, callRoutes);
  }

  static start(link?: GatewayLink): Promise<FakeTelnyx> {
    const routes: Record<string, Route> = {
      '/v2/messages': 'messages',
      '/v2/calls': 'dial',
      [`/v2/texml/Accounts/${TELNYX_ACCOUNT_SID}/Calls`]: 'texml',
    };
    // Parsed now, not inside the first request's timeout (4 MB of YAML).
    for (const route of Object.keys(OPERATIONS) as Route[]) specValidator(route);
    return startFake((server) => new FakeTelnyx(server, routes, link));
  }

  /** Requests to one route, as JSON bodies. */
  bodies(route: Route): Record<string, unknown>[] {
    return this.requests
      .filter((r) => this.callRoutes[r.url] === route)
      .map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  override reset(): void {
    super.reset();
    this.webhooks.length = 0;
  }

  protected check(request: RecordedRequest, route: Route): string[] {
    const { body, problems } = this.jsonBody(request);
    if (!body) return problems;
    return [
      ...problems,
      ...expectThat(
        request.headers.authorization === `Bearer ${TELNYX_API_KEY}`,
        'Bearer API key does not match',
      ),
      ...checkFields(route, body),
      ...(specValidator(route)?.validate(body) ?? []),
    ];
  }

  protected refusal(problems: string[]): FakeResponse {
    const unauthorized = problems.includes('Bearer API key does not match');
    return telnyxErrors(
      unauthorized ? 401 : 422,
      unauthorized ? '10009' : '10015',
      problems.join('; '),
    );
  }

  protected success(request: RecordedRequest, route: Route): FakeResponse {
    const body = JSON.parse(request.body) as Json;
    const callId = callIdOf(request.url);
    switch (route) {
      case 'messages':
        return { status: 200, body: { data: outboundMessage(body) } };
      case 'texml':
        return { status: 200, body: { from: body.From, to: body.To, status: 'queued' } };
      case 'dial':
        return { status: 200, body: { data: this.dialed(body) } };
      case 'speak':
        this.later(callId, 'call.speak.ended', { status: 'completed' });
        return { status: 200, body: { data: { result: 'ok' } } };
      case 'hangup':
        this.later(callId, 'call.hangup', {
          hangup_cause: 'normal_clearing',
          hangup_source: 'caller',
          sip_hangup_cause: '200',
        });
        return { status: 200, body: { data: { result: 'ok' } } };
    }
  }

  private dialed(body: Record<string, unknown>): Record<string, unknown> {
    const id = `v3:${randomUUID()}`;
    const actions = `/v2/calls/${encodeURIComponent(id)}/actions`;
    this.callRoutes[`${actions}/speak`] = 'speak';
    this.callRoutes[`${actions}/hangup`] = 'hangup';
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

/** What Telnyx would object to beyond its description. */
function checkFields(route: Route, body: Json): string[] {
  switch (route) {
    case 'messages':
      return [
        ...expectThat(Boolean(body.text), 'text is required'),
        ...expectThat(
          Boolean(body.from || body.messaging_profile_id),
          'from or messaging_profile_id is required',
        ),
      ];
    case 'texml':
      return [
        ...expectThat(body.ApplicationSid === TELNYX_TEXML_APP, 'ApplicationSid does not match'),
        ...expectThat(String(body.Texml).includes('<Response>'), 'Texml must be a TeXML document'),
      ];
    case 'dial':
      return [
        ...expectThat(body.connection_id === TELNYX_CONNECTION, 'connection_id does not match'),
        ...expectThat(isBase64(body.client_state), 'client_state must be base64'),
      ];
    case 'speak':
    case 'hangup':
      return [];
  }
}

function callIdOf(url: string): string {
  return decodeURIComponent(/^\/v2\/calls\/([^/]+)\/actions\//.exec(url)?.[1] ?? '');
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
