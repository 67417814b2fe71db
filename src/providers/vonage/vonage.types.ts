/** One part of an SMS API answer (sms.yml `Message` / `ErrorMessage`). */
export interface VonageSmsPart {
  status?: string;
  'message-id'?: string;
  'error-text'?: string;
}

/** SMS API answer: HTTP 200 whether or not the message was accepted (sms.yml `SMS` / `Error`). */
export interface VonageSmsResponse {
  'message-count'?: string;
  messages?: VonageSmsPart[];
}

/** Messages API v1 request, SMS channel (messages.yml `Text` + `channelOptionsSms`). */
export interface VonageMessageRequest {
  message_type: 'text';
  channel: 'sms';
  /** E.164 without `+`. */
  to: string;
  from: string;
  text: string;
  client_ref: string;
  /** Per-message status webhook (current API; absent from the 2020 draft description). */
  webhook_url?: string;
  webhook_version?: 'v1';
}

/** Messages API 202 answer. */
export interface VonageMessageAccepted {
  message_uuid?: string;
}

/** Messages and Voice API errors: RFC 7807 problem details. */
export interface VonageProblem {
  /** e.g. `https://developer.nexmo.com/api-errors/messages#1120`; the fragment is the code. */
  type?: string;
  title?: string;
  detail?: string;
  instance?: string;
}

/** NCCO `talk` action (voice.yml, NCCO reference). */
export interface VonageTalkAction {
  action: 'talk';
  text: string;
  language: string;
  loop: number;
  bargeIn: boolean;
}

/** Voice API `createCall` with an inline NCCO (voice.yml `CreateCallRequestNcco`). */
export interface VonageCallRequest {
  to: { type: 'phone'; number: string }[];
  from: { type: 'phone'; number: string };
  ncco: VonageTalkAction[];
  event_url?: string[];
  event_method?: 'POST';
}

/** Voice API 201 answer (voice.yml `CreateCallResponse`). */
export interface VonageCallCreated {
  uuid?: string;
  status?: string;
}

/** Ways to sign SMS API delivery receipts, as chosen in the Vonage dashboard. */
export const VONAGE_SIGNATURE_METHODS = [
  'md5hash',
  'md5hmac',
  'sha1hmac',
  'sha256hmac',
  'sha512hmac',
] as const;
export type VonageSignatureMethod = (typeof VONAGE_SIGNATURE_METHODS)[number];

/** Languages of the `talk` action (voice.yml `language` enum); the first of a language is its default region. */
export const VONAGE_LANGUAGES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-IN',
  'en-ZA',
  'en-GB-WLS',
  'ar',
  'ca-ES',
  'cmn-CN',
  'cmn-TW',
  'cs-CZ',
  'cy-GB',
  'da-DK',
  'de-DE',
  'el-GR',
  'es-ES',
  'es-MX',
  'es-US',
  'eu-ES',
  'fi-FI',
  'fil-PH',
  'fr-FR',
  'fr-CA',
  'he-IL',
  'hi-IN',
  'hu-HU',
  'id-ID',
  'is-IS',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nb-NO',
  'nl-NL',
  'no-NO',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sk-SK',
  'sv-SE',
  'th-TH',
  'tr-TR',
  'uk-UA',
  'vi-VN',
  'yue-CN',
] as const;
