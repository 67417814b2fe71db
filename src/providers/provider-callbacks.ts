/** A request a vendor makes back to the gateway: a delivery receipt, or a document it fetches. */
export interface CallbackRequest {
  readonly method: string;
  /** The URL the vendor called, as the vendor knows it: `server.publicUrl` + path and query. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The exact bytes received, for signature checks. */
  readonly rawBody: Buffer;
  /** Form fields (for form bodies) merged over query parameters; repeated keys become arrays. */
  readonly params: Readonly<Record<string, string | string[]>>;
  /** The parsed body, when it was JSON. */
  readonly json?: unknown;
}

/** Where a message stands, in the order a receipt may move it (never backwards). */
export type ReceiptStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** What a vendor's delivery receipt says about one message or call. */
export interface DeliveryReceipt {
  /** The vendor's id: the transaction id Okta got. */
  readonly transactionId: string;
  readonly status: ReceiptStatus;
  /** The vendor's own status word, e.g. Twilio `undelivered`. */
  readonly vendorStatus: string;
  /** The vendor's error code, when the receipt carries one. */
  readonly errorCode?: string;
  /** When the vendor says it happened (ISO 8601), when it says. */
  readonly occurredAt?: string;
}

/** How a provider answers a callback. */
export type CallbackAnswer =
  /** The signature (or other proof) is missing or wrong: 403, nothing recorded. */
  | { readonly kind: 'rejected' }
  /**
   * A verified callback carrying any number of receipts (one for most vendors; several when a
   * vendor batches reports, e.g. Infobip `results[]`; none when it was authentic but reported
   * nothing we track). `ack` is the body the vendor expects, if any (empty 200 otherwise).
   */
  | {
      readonly kind: 'receipts';
      readonly receipts: readonly DeliveryReceipt[];
      readonly ack?: CallbackDocument;
    }
  /** A document the vendor fetched (e.g. a call script). */
  | { readonly kind: 'document'; readonly document: CallbackDocument };

export interface CallbackDocument {
  readonly contentType: string;
  readonly body: string;
}

/**
 * Providers whose vendor calls back implement this. `kind` is the last path segment of
 * `/callbacks/<provider id>/<kind>` (`status` for delivery receipts). Returning undefined means
 * the provider has no such callback (404).
 */
export interface CallbackHandler {
  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined>;
}

export function handlesCallbacks(provider: object): provider is CallbackHandler {
  return typeof (provider as Partial<CallbackHandler>).handleCallback === 'function';
}
