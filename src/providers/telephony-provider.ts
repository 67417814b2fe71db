import { Channel } from './channel';

/** What a provider needs to deliver one OTP. Built once per attempt by the delivery use case. */
export interface OtpMessage {
  /** Recipient in E.164, with the leading `+`. */
  readonly to: string;
  readonly channel: Channel;
  /** The one-time code; never logged. */
  readonly code: string;
  /** Full SMS text (Okta's msgTemplate, or the configured default). */
  readonly text: string;
  /** What a call says instead of the built-in sentence (a `messages.templates` voice text). */
  readonly speech?: string;
  /** The person's locale as Okta sent it (`EN-US`, `en`...), for the spoken language. */
  readonly locale?: string;
  /** Our delivery id; vendors that accept a client reference get it. */
  readonly deliveryId: string;
}

/** The vendor accepted the message. */
export interface SendResult {
  /** The vendor's message or call id; Okta gets it as `transactionId`. */
  readonly transactionId: string;
  /** The vendor's first status, when it says one (e.g. `queued`). */
  readonly vendorStatus?: string;
  /**
   * Set when the vendor accepted (2xx) but its answer had no id the strategy could read: why,
   * safe to log. `transactionId` is then our delivery id; it is sent all the same, never failed
   * over (kit/http/accepted.ts).
   */
  readonly withoutVendorId?: string;
}

/**
 * A configured vendor account (a *provider*). A strategy knows only its vendor's wire format:
 * it builds the request, calls the vendor, and returns a {@link SendResult} or throws a
 * classified {@link ProviderError}. It keeps no per-request state and never decides failover.
 */
export interface TelephonyProvider {
  readonly id: string;
  /** Vendor type, as in config (`twilio`, `console`, ...). */
  readonly type: string;
  readonly channels: readonly Channel[];
  /** Longest one attempt may take, before the hook deadline shortens it. */
  readonly timeoutMs: number;
  /** Sends one message. `signal` aborts when the attempt's time is up. */
  send(message: OtpMessage, signal: AbortSignal): Promise<SendResult>;
  /** Releases connections at shutdown. */
  close?(): Promise<void>;
}
