/** The operations `otg okta` uses of Okta's Management API (management-minimal.yaml, tags InlineHook and EventHook). */
export interface OktaHooksApi {
  /** GET /api/v1/inlineHooks?type=com.okta.telephony.provider */
  listTelephonyHooks(): Promise<InlineHookView[]>;
  /** POST /api/v1/inlineHooks (created ACTIVE) */
  createInlineHook(body: InlineHookBody): Promise<InlineHookView>;
  /** PUT /api/v1/inlineHooks/{id} */
  replaceInlineHook(id: string, body: InlineHookBody): Promise<InlineHookView>;
  /** POST /api/v1/inlineHooks/{id}/lifecycle/activate */
  activateInlineHook(id: string): Promise<InlineHookView>;
  /** POST /api/v1/inlineHooks/{id}/lifecycle/deactivate */
  deactivateInlineHook(id: string): Promise<InlineHookView>;
  /** POST /api/v1/inlineHooks/{id}/execute: Okta calls the hook and returns its answer. */
  executeInlineHook(id: string, payload: Record<string, unknown>): Promise<unknown>;
  /** GET /api/v1/eventHooks */
  listEventHooks(): Promise<EventHookView[]>;
  /** POST /api/v1/eventHooks (created ACTIVE, UNVERIFIED) */
  createEventHook(body: EventHookBody): Promise<EventHookView>;
  /** PUT /api/v1/eventHooks/{id} */
  replaceEventHook(id: string, body: EventHookBody): Promise<EventHookView>;
  /** POST /api/v1/eventHooks/{id}/lifecycle/verify: Okta calls the hook's GET challenge. */
  verifyEventHook(id: string): Promise<EventHookView>;
  /** POST /api/v1/eventHooks/{id}/lifecycle/activate */
  activateEventHook(id: string): Promise<EventHookView>;
}

/** A write `otg okta` made (or, with --dry-run, would make); secrets masked. */
export interface ApiCall {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body?: unknown;
}

/** How Okta authenticates to the hook: a header, or OAuth 2.0 with one of two client auth methods. */
export type HookAuth =
  | { readonly type: 'HEADER'; readonly key: string }
  | {
      readonly type: 'OAUTH';
      readonly authType: string;
      readonly clientId?: string;
      readonly tokenUrl?: string;
      readonly scope?: string;
      readonly hookKeyId?: string;
    };

/** An inline hook as `otg` reads it back (Okta never returns the secret). */
export interface InlineHookView {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly uri?: string;
  readonly auth?: HookAuth;
}

export interface EventHookView {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly verificationStatus?: string;
  readonly uri?: string;
  readonly authKey?: string;
  readonly events: readonly string[];
}

/** `InlineHookCreate` / `InlineHookReplace` of the description (`type` only on create). */
export interface InlineHookBody {
  readonly name: string;
  readonly type?: 'com.okta.telephony.provider';
  readonly version: '1.0.0';
  readonly channel: {
    readonly type: 'HTTP' | 'OAUTH';
    readonly version: '1.0.0';
    readonly config: Readonly<Record<string, unknown>>;
  };
}

/** `EventHook` of the description, as written. */
export interface EventHookBody {
  readonly name: string;
  readonly description: string;
  readonly events: { readonly type: 'EVENT_TYPE'; readonly items: readonly string[] };
  readonly channel: {
    readonly type: 'HTTP';
    readonly version: '1.0.0';
    readonly config: {
      readonly uri: string;
      readonly headers: readonly [];
      readonly authScheme: {
        readonly type: 'HEADER';
        readonly key: string;
        readonly value: string;
      };
    };
  };
}
