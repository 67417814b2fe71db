import { FakeResponse, FakeServer } from './fake-server';
import { GatewayLink } from './fakes/gateway-link';
import { Gateway } from './gateway';
import { HookRequestOptions } from './okta';

/** What the contract needs of a fake vendor (VendorFake, FakeTwilio and AwsFake all have it). */
export interface ContractFake {
  readonly url: string;
  readonly server: FakeServer;
  readonly problems: string[];
  /** Overrides the answer; undefined falls back to the vendor's documented success. */
  script(script?: () => FakeResponse | 'hang' | undefined): void;
  /** Forgets requests, problems and the script between tests. */
  reset(): void;
  close(): Promise<void>;
}

/** The running gateway and the vendor's two fakes: primary tried first, then backup. */
export interface VendorUnderTest<F extends ContractFake = ContractFake> {
  readonly gateway: Gateway;
  readonly primary: F;
  readonly backup: F;
  /** Routes the fakes' calls back to the gateway (call scripts, webhooks). */
  readonly link: GatewayLink;
}

/** The provider tried first, or the one failed over to. */
export type Role = 'primary' | 'backup';

/** A value (jest matchers allowed), or how to compute it from the delivery id Okta's answer names. */
export type ByDelivery = string | object | ((deliveryId: string) => unknown);

export function resolve(value: ByDelivery, deliveryId: string): unknown {
  return typeof value === 'function' ? value(deliveryId) : value;
}

/** One request the vendor is sent, and the vendor's id Okta gets for it. */
export interface Sent<F> {
  /** What the fake received, read the vendor's way (form, JSON body, API input...). */
  sent(fake: F): unknown;
  /** What it must equal (jest matchers allowed). */
  readonly expected: ByDelivery;
  /** The vendor's message or call id Okta gets (a matcher for generated ids). */
  readonly transactionId: ByDelivery;
}

/** `[why, the vendor's answer, our outcome, its reason as Okta's error object gives it]`. */
export type NotFailedOverCase = readonly [
  name: string,
  answer: () => FakeResponse,
  outcome: 'invalid-recipient' | 'opted-out',
  reason: string,
];

/** `[why, the vendor's answer, our outcome, { channel (SMS), detail the metadata names }]`. */
export type FailedOverCase = readonly [
  name: string,
  answer: () => FakeResponse,
  outcome: string,
  options?: { readonly channel?: string; readonly detail?: string },
];

/**
 * `[what the vendor answered, its 2xx, the reason the warning gives, { hook request (the SMS by
 * default), the provider that sends it (the primary by default) }]`.
 */
export type WithoutIdCase = readonly [
  name: string,
  answer: () => FakeResponse,
  reason: string,
  options?: { readonly hook?: HookRequestOptions; readonly provider?: string },
];

/** A callback as the vendor sends it. */
export interface CallbackPost {
  /** The URL the vendor calls (under the gateway's public URL, when it has one). */
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly type?: 'form' | 'json';
  readonly body: string | object;
  /** The transaction id it names, which must not reach the log when it is refused. */
  readonly transactionId?: string;
}

/** `callback(providerId)`: the URL of a provider's status callback, as the vendor knows it. */
export type CallbackUrl = (providerId: string) => string;

/**
 * What a vendor is, for the contract (test/support/vendor-contract.ts). Requests are made with
 * `hookRequest()` from test/support/okta.ts: the SMS with code 480213 and text `Acme code:
 * 480213`, the call with code 4821 in `voice.locale`, the rest with the default request.
 */
export interface VendorContract<F extends ContractFake> {
  /** `Twilio`: the tests are `Twilio provider (e2e)`. */
  readonly vendor: string;
  /** How failure reasons name the vendor (`vendor` by default): `Twilio failed (HTTP 500)`. */
  readonly says?: string;
  /** The ids of the primary and the backup provider, tried in this order. */
  readonly ids: readonly [string, string];
  /** Starts one fake; `link` routes its calls back to the gateway. */
  start(link: GatewayLink, role: Role): Promise<F>;
  /** The provider block of a fake (the backup may have, e.g., a shorter timeout). */
  provider(fake: F, role: Role): Record<string, unknown>;
  /** More of the gateway: a public URL, environment, more providers and routes for `special`. */
  readonly gateway?: {
    readonly publicUrl?: boolean;
    readonly env?: Record<string, string>;
    providers?(primary: F, backup: F): Record<string, unknown>;
    readonly routing?: { readonly default?: string[]; readonly rules?: unknown[] };
    /** Other config sections (e.g. `events`), under the contract's own server, hook, providers, routing. */
    readonly sections?: Record<string, unknown>;
  };
  readonly sms: Sent<F>;
  /** Where the vendor has voice. */
  readonly voice?: Sent<F> & {
    readonly locale: string;
    /** Okta's deliveryChannel (`voice call` by default). */
    readonly channel?: string;
    /** The provider that places calls, when it is not the primary. */
    readonly provider?: string;
    /** Waits for what the vendor does after the call is placed (fetching its script...). */
    settled?(fake: F): Promise<unknown>;
  };
  /** What the backup is sent when the primary failed an SMS, given the primary's request. */
  resent?(primary: F): unknown;
  /** Answers that refuse the recipient: never failed over. At least one invalid recipient. */
  readonly notFailedOver: readonly NotFailedOverCase[];
  /** Answers failed over to the backup; the first also serves the log test. */
  readonly failedOver: readonly [FailedOverCase, ...FailedOverCase[]];
  /**
   * 2xx answers without an id the gateway can read, one per way the vendor sends (SMS, call...):
   * sent under the delivery id, never failed over (issue 23).
   */
  readonly withoutVendorId: readonly [WithoutIdCase, ...WithoutIdCase[]];
  /** Okta's deliveryChannel of the hanging-vendor test (`SMS` by default). */
  readonly hangChannel?: string;
  /** Where the vendor sends delivery receipts. */
  readonly receipts?: {
    /** A receipt for `transactionId` signed the way the vendor signs it, to the primary. */
    signed(callback: CallbackUrl): CallbackPost;
    readonly transactionId: string;
    /** What its `delivery receipt` log line says besides the provider. */
    readonly logged: Record<string, unknown>;
    /** `[what is wrong with it, the receipt]`: each is refused 403. */
    readonly refused: readonly (readonly [string, (callback: CallbackUrl) => CallbackPost])[];
  };
  /** What the tests used that must never be logged: the vendor's secrets, other numbers... */
  readonly secrets: readonly string[];
}
