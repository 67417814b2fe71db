/**
 * Azure wire facts. Sources: the official SDK `@azure/communication-sms` 1.1.0 (its types:
 * `SmsClient`, `SmsSendRequest`, `SmsSendOptions.enableDeliveryReport` and `tag`,
 * `SmsSendResult`), the REST reference "Sms - Send" (`POST {endpoint}/sms?api-version=2021-03-07`,
 * 202 with a result per recipient, e.g. 400 "Invalid To phone number format."), "Common Error
 * Codes" (SMS answers with HTTP statuses only), Event Grid "Webhook event delivery" (the
 * `Microsoft.EventGrid.SubscriptionValidationEvent` handshake: answer `{"validationResponse":
 * code}`) and "Azure Communication Services - SMS events"
 * (`Microsoft.Communication.SMSDeliveryReportReceived`; `DeliveryStatus` Delivered or Failed).
 */

/** One Event Grid event (Event Grid schema; Event Grid posts an array of them). */
export interface EventGridEvent {
  id?: unknown;
  eventType?: unknown;
  subject?: unknown;
  eventTime?: unknown;
  data?: Record<string, unknown>;
}

export const SUBSCRIPTION_VALIDATION = 'Microsoft.EventGrid.SubscriptionValidationEvent';
export const SMS_DELIVERY_REPORT = 'Microsoft.Communication.SMSDeliveryReportReceived';

/** The parts of a connection string the SDK reads. */
export interface AcsConnection {
  readonly endpoint: string;
  readonly accessKey: string;
}
