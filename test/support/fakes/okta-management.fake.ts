import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { Json, oktaError } from './okta-bodies';
import { FakeOktaTokens } from './okta-oauth.fake';
import { OktaOrg } from './okta-org.fake';
import { Check, oktaOperation, OktaOperation, oktaSchema } from './okta-spec';

type Handler = (
  id: string,
  body: Json,
  query: URLSearchParams,
) => FakeResponse | Promise<FakeResponse>;
type Route = readonly [method: string, path: RegExp, operationId: string, handler: Handler];

const operations = new Map<string, OktaOperation>();

/**
 * Okta's Management API for inline and event hooks on 127.0.0.1 (an OktaOrg behind HTTP). Every
 * request and every answer is validated against Okta's description (okta-spec.ts: closed
 * objects, discriminators resolved, no secret in an answer) and what fails is kept in
 * `problems`, which every test asserts empty. Authentication: API tokens (`SSWS`) or access
 * tokens of its token endpoint, checked against each operation's OAuth scopes, refused with
 * Okta's `insufficient_scope` challenge. The execute operation's answers are checked against
 * `TelephonyResponse` (its description's oneOf of six hook answers cannot tell them apart).
 */
export class FakeOktaManagement {
  readonly problems: string[] = [];
  readonly apiTokens = new Set<string>();
  readonly org = new OktaOrg((answer) => telephonyResponse()(answer));
  readonly oauth = new FakeOktaTokens(() => `${this.url}/oauth2/v1/token`);
  private readonly routes: readonly Route[];

  private constructor(private readonly server: FakeServer) {
    const org = this.org;
    const inline = '/api/v1/inlineHooks';
    const event = '/api/v1/eventHooks';
    const one = '/([^/]+)';
    this.routes = [
      [
        'GET',
        path(inline),
        'listInlineHooks',
        (_id, _body, query) => org.listInline(query.get('type')),
      ],
      ['POST', path(inline), 'createInlineHook', (_id, body) => org.createInline(body)],
      ['GET', path(inline, one), 'getInlineHook', (id) => org.getInline(id)],
      ['PUT', path(inline, one), 'replaceInlineHook', (id, body) => org.replaceInline(id, body)],
      [
        'POST',
        path(inline, one, '/execute'),
        'executeInlineHook',
        (id, body) => org.execute(id, body),
      ],
      [
        'POST',
        path(inline, one, '/lifecycle/activate'),
        'activateInlineHook',
        (id) => org.setInline(id, 'ACTIVE'),
      ],
      [
        'POST',
        path(inline, one, '/lifecycle/deactivate'),
        'deactivateInlineHook',
        (id) => org.setInline(id, 'INACTIVE'),
      ],
      ['GET', path(event), 'listEventHooks', () => org.listEvent()],
      ['POST', path(event), 'createEventHook', (_id, body) => org.saveEvent(undefined, body)],
      ['GET', path(event, one), 'getEventHook', (id) => org.getEvent(id)],
      ['PUT', path(event, one), 'replaceEventHook', (id, body) => org.saveEvent(id, body)],
      ['POST', path(event, one, '/lifecycle/verify'), 'verifyEventHook', (id) => org.verify(id)],
      [
        'POST',
        path(event, one, '/lifecycle/activate'),
        'activateEventHook',
        (id) => org.setEvent(id, 'ACTIVE'),
      ],
      [
        'POST',
        path(event, one, '/lifecycle/deactivate'),
        'deactivateEventHook',
        (id) => org.setEvent(id, 'INACTIVE'),
      ],
    ];
  }

  static async start(): Promise<FakeOktaManagement> {
    const holder: { fake?: FakeOktaManagement } = {};
    const server = await FakeServer.start((request) => holder.fake!.answer(request));
    return (holder.fake = new FakeOktaManagement(server));
  }

  get url(): string {
    return this.server.url;
  }

  /** Every request the org received, oldest first. */
  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  /** `METHOD path` of every request that could change the org, oldest first. */
  writes(): string[] {
    return this.requests
      .filter((r) => r.method !== 'GET' && r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private async answer(request: RecordedRequest): Promise<FakeResponse> {
    const url = new URL(request.url, this.url);
    if (request.method === 'POST' && url.pathname === '/oauth2/v1/token') {
      return this.oauth.issue(new URLSearchParams(request.body));
    }
    const route = this.routes.find(
      ([method, pattern]) => method === request.method && pattern.test(url.pathname),
    );
    if (!route) return this.refuse([`unexpected ${request.method} ${url.pathname}`]);
    const [, pattern, operationId, handler] = route;
    const operation = operationOf(operationId);
    const denied = this.authenticate(request, operation);
    if (denied) return denied;
    const problems = this.contentProblems(request, operation);
    const body = problems.length === 0 && request.body ? (JSON.parse(request.body) as Json) : {};
    problems.push(...(operation.request?.(body) ?? []).map((p) => `${operationId} request ${p}`));
    if (problems.length > 0) return this.refuse(problems);
    const answer = await handler(pattern.exec(url.pathname)?.[1] ?? '', body, url.searchParams);
    const check = operation.response(answer.status);
    const wrong = check ? check(answer.body) : [`no ${answer.status} answer in the description`];
    this.problems.push(...wrong.map((p) => `${operationId} answer ${p}`));
    return answer;
  }

  /** JSON both ways, as the description's operations declare. */
  private contentProblems(request: RecordedRequest, operation: OktaOperation): string[] {
    const problems: string[] = [];
    if (!String(request.headers.accept ?? '').includes('application/json'))
      problems.push('Accept must include application/json');
    if (
      operation.request &&
      !String(request.headers['content-type'] ?? '').startsWith('application/json')
    ) {
      problems.push('Content-Type must be application/json');
    }
    return problems;
  }

  /** 401 without valid credentials; 403 with Okta's insufficient_scope challenge when a scope is missing. */
  private authenticate(
    request: RecordedRequest,
    operation: OktaOperation,
  ): FakeResponse | undefined {
    const [scheme, credential] = String(request.headers.authorization ?? '').split(' ');
    if (scheme === 'SSWS' && this.apiTokens.has(credential)) return undefined;
    const scopes = (scheme === 'Bearer' || scheme === 'DPoP') && this.oauth.tokens.get(credential);
    if (!scopes) return oktaError(401, 'E0000011', 'Invalid token provided');
    // A `.manage` scope also allows reading (okta.inlineHooks.manage covers list and get).
    const allowed = operation.scopes.some(
      (s) => scopes.includes(s) || scopes.includes(s.replace(/\.read$/, '.manage')),
    );
    if (allowed) return undefined;
    const challenge =
      `Bearer authorization_uri="${this.url}/oauth2/v1/authorize", realm="${this.url}", ` +
      `scope="${operation.scopes.join(' ')}", error="insufficient_scope", ` +
      `error_description="The access token provided does not contain the required scopes.", resource="${operation.path}"`;
    const denied = oktaError(
      403,
      'E0000006',
      'You do not have permission to perform the requested action',
    );
    return { ...denied, headers: { 'www-authenticate': challenge } };
  }

  private refuse(problems: string[]): FakeResponse {
    this.problems.push(...problems);
    return oktaError(400, 'E0000001', 'Api validation failed', problems);
  }
}

function path(...parts: string[]): RegExp {
  return new RegExp(`^${parts.join('')}$`);
}

function operationOf(operationId: string): OktaOperation {
  let operation = operations.get(operationId);
  if (!operation) {
    operation = oktaOperation(operationId);
    if (operationId === 'executeInlineHook') {
      const base = operation;
      const request = oktaSchema('TelephonyRequestExecute', 'request');
      const response = (status: number): Check | undefined =>
        status === 200 ? telephonyResponse() : base.response(status);
      operation = { ...base, request, response };
    }
    operations.set(operationId, operation);
  }
  return operation;
}

let telephonyCheck: Check | undefined;
/** `TelephonyResponse`, plus the `error` object Okta documents for a hook that could not send. */
function telephonyResponse(): Check {
  telephonyCheck ??= oktaSchema('TelephonyResponse', 'response', { error: { type: 'object' } });
  return telephonyCheck;
}
