/**
 * A provider whose vendor wants to hear that the person entered the code it delivered (Twilio
 * Verify with Okta's own codes: Fraud Guard and Verify's conversion figures need it). The
 * event hook tells it when Okta reports a phone factor verified after one of its deliveries.
 */
export interface ReportsVerification {
  /** Reports the delivery whose vendor id Okta got as verified; `signal` bounds the call. */
  reportVerified(transactionId: string, signal: AbortSignal): Promise<void>;
}

export function reportsVerification(provider: object): provider is ReportsVerification {
  return typeof (provider as Partial<ReportsVerification>).reportVerified === 'function';
}
