import { Client, DefaultRequestExecutor } from '@okta/okta-sdk-nodejs';
import {
  EventHookBody,
  EventHookView,
  InlineHookBody,
  InlineHookView,
  OktaHooksApi,
} from './okta-api';
import { OKTA_SCOPES, OktaCredentials } from './okta-auth';
import { oktaFailure, TokenError } from './okta-errors';
import { CallLog, eventHookView, inlineHookView } from './okta-views';

const INLINE = 'okta.inlineHooks.manage';
const EVENT = 'okta.eventHooks.manage';
const TELEPHONY = 'com.okta.telephony.provider';

interface RequestLike {
  readonly url?: string;
}
interface ResponseLike {
  readonly status: number;
  clone(): { json(): Promise<unknown> };
}

/**
 * The SDK's executor, also keeping the OAuth error of a refused token request: the SDK (8.1)
 * takes that error body for a token and only fails at the next call, with a 401.
 */
class TokenErrorExecutor extends DefaultRequestExecutor {
  tokenError?: TokenError;

  constructor() {
    super({ maxRetries: 2, requestTimeout: 30_000 });
  }

  override async fetch(
    request: Parameters<DefaultRequestExecutor['fetch']>[0],
  ): ReturnType<DefaultRequestExecutor['fetch']> {
    const response = super.fetch(request);
    const url = (request as RequestLike).url ?? '';
    if (url.endsWith('/oauth2/v1/token')) {
      const answer: unknown = await response;
      await this.keep(answer as ResponseLike);
    }
    return response;
  }

  private async keep(response: ResponseLike): Promise<void> {
    this.tokenError = undefined;
    if (response.status < 400) return;
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: unknown; error_description?: unknown };
    // A DPoP app is first asked for a nonce; the SDK asks again with it.
    if (body.error === 'use_dpop_nonce') return;
    this.tokenError = {
      status: response.status,
      error: typeof body.error === 'string' ? body.error : undefined,
      description: typeof body.error_description === 'string' ? body.error_description : undefined,
    };
  }
}

/**
 * OktaHooksApi on the official SDK (`@okta/okta-sdk-nodejs`): its InlineHookApi (including
 * execute) and EventHookApi, its private_key_jwt token flow, its 429 retries. Every write is
 * logged, secrets masked, in `log`. Every value is passed explicitly, so the SDK's own
 * `okta.yaml` and `OKTA_CLIENT_*` variables cannot change what runs.
 */
export class SdkHooksApi implements OktaHooksApi {
  /** The writes made (secrets masked). */
  readonly log = new CallLog();
  private readonly client: Client;
  private readonly executor = new TokenErrorExecutor();

  constructor(
    private readonly org: string,
    credentials: OktaCredentials,
  ) {
    const app = credentials.kind === 'service-app' ? credentials : undefined;
    this.client = new Client({
      orgUrl: org,
      authorizationMode: app ? 'PrivateKey' : 'SSWS',
      token: credentials.kind === 'token' ? credentials.token : '',
      clientId: app?.clientId ?? '',
      scopes: app ? [...OKTA_SCOPES] : [],
      privateKey: app?.privateKey ?? '',
      keyId: app?.keyId ?? '',
      requestExecutor: this.executor,
      cacheMiddleware: null,
    });
  }

  listTelephonyHooks(): Promise<InlineHookView[]> {
    return this.call(INLINE, async () => {
      const hooks: InlineHookView[] = [];
      const list = await this.client.inlineHookApi.listInlineHooks({ type: TELEPHONY });
      for await (const hook of list) if (hook) hooks.push(inlineHookView(hook));
      return hooks;
    });
  }

  createInlineHook(body: InlineHookBody): Promise<InlineHookView> {
    this.log.add('POST', '/api/v1/inlineHooks', body);
    return this.call(INLINE, async () =>
      inlineHookView(await this.client.inlineHookApi.createInlineHook({ inlineHook: plain(body) })),
    );
  }

  replaceInlineHook(id: string, body: InlineHookBody): Promise<InlineHookView> {
    this.log.add('PUT', `/api/v1/inlineHooks/${id}`, body);
    return this.call(INLINE, async () =>
      inlineHookView(
        await this.client.inlineHookApi.replaceInlineHook({
          inlineHookId: id,
          inlineHook: plain(body),
        }),
      ),
    );
  }

  activateInlineHook(id: string): Promise<InlineHookView> {
    this.log.add('POST', `/api/v1/inlineHooks/${id}/lifecycle/activate`);
    return this.call(INLINE, async () =>
      inlineHookView(await this.client.inlineHookApi.activateInlineHook({ inlineHookId: id })),
    );
  }

  deactivateInlineHook(id: string): Promise<InlineHookView> {
    this.log.add('POST', `/api/v1/inlineHooks/${id}/lifecycle/deactivate`);
    return this.call(INLINE, async () =>
      inlineHookView(await this.client.inlineHookApi.deactivateInlineHook({ inlineHookId: id })),
    );
  }

  executeInlineHook(id: string, payload: Record<string, unknown>): Promise<unknown> {
    return this.call(INLINE, async () =>
      plain(
        await this.client.inlineHookApi.executeInlineHook({
          inlineHookId: id,
          payloadData: plain(payload),
        }),
      ),
    );
  }

  listEventHooks(): Promise<EventHookView[]> {
    return this.call(EVENT, async () => {
      const hooks: EventHookView[] = [];
      for await (const hook of await this.client.eventHookApi.listEventHooks()) {
        if (hook) hooks.push(eventHookView(hook));
      }
      return hooks;
    });
  }

  createEventHook(body: EventHookBody): Promise<EventHookView> {
    this.log.add('POST', '/api/v1/eventHooks', body);
    return this.call(EVENT, async () =>
      eventHookView(await this.client.eventHookApi.createEventHook({ eventHook: plain(body) })),
    );
  }

  replaceEventHook(id: string, body: EventHookBody): Promise<EventHookView> {
    this.log.add('PUT', `/api/v1/eventHooks/${id}`, body);
    return this.call(EVENT, async () =>
      eventHookView(
        await this.client.eventHookApi.replaceEventHook({
          eventHookId: id,
          eventHook: plain(body),
        }),
      ),
    );
  }

  verifyEventHook(id: string): Promise<EventHookView> {
    this.log.add('POST', `/api/v1/eventHooks/${id}/lifecycle/verify`);
    return this.call(EVENT, async () =>
      eventHookView(await this.client.eventHookApi.verifyEventHook({ eventHookId: id })),
    );
  }

  activateEventHook(id: string): Promise<EventHookView> {
    this.log.add('POST', `/api/v1/eventHooks/${id}/lifecycle/activate`);
    return this.call(EVENT, async () =>
      eventHookView(await this.client.eventHookApi.activateEventHook({ eventHookId: id })),
    );
  }

  private async call<T>(scope: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw oktaFailure(error, this.org, scope, this.executor.tokenError);
    }
  }
}

/** Our plain JSON bodies as the SDK's parameter types (which are classes of the same shape). */
function plain<T>(value: unknown): T {
  return value as T;
}
