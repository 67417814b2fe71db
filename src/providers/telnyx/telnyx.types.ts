/** SendMessage request (spec3.yml `/messages`). */
export interface TelnyxMessageRequest {
  to: string;
  from?: string;
  messaging_profile_id?: string;
  text: string;
  webhook_url?: string;
}

/** SendMessage 200 answer: the message id is `data.id`. */
export interface TelnyxMessageResponse {
  data?: { id?: string; to?: { status?: string }[] };
}

/** Error body of every Telnyx API (`{errors:[{code,title,detail,source,meta}]}`); `code` is a string. */
export interface TelnyxErrorBody {
  errors?: { code?: string | number; title?: string; detail?: string }[];
}

/** InitiateTexmlCall request (spec3.yml `/texml/Accounts/{account_sid}/Calls`), inline TeXML. */
export interface TelnyxTexmlCallRequest {
  To: string;
  From: string;
  ApplicationSid: string;
  Texml: string;
  StatusCallback?: string;
}

/** InitiateTexmlCall 200 answer (`InitiateCallResult`): no call id. */
export interface TelnyxTexmlCallResponse {
  from?: string;
  to?: string;
  status?: string;
}

/** DialCall request (spec3.yml `/calls`). */
export interface TelnyxDialRequest {
  connection_id: string;
  to: string;
  from: string;
  webhook_url: string;
  client_state: string;
  command_id: string;
  time_limit_secs: number;
}

/** DialCall 200 answer. */
export interface TelnyxDialResponse {
  data?: { call_control_id?: string };
}

/** SpeakCall request (spec3.yml `/calls/{call_control_id}/actions/speak`). */
export interface TelnyxSpeakRequest {
  payload: string;
  payload_type: 'text';
  voice: string;
  language: string;
  loop: number;
  command_id: string;
}

/** A webhook: `{data:{event_type,id,occurred_at,payload},meta}`. */
export interface TelnyxEvent {
  event_type?: string;
  id?: string;
  occurred_at?: string;
  payload?: Record<string, unknown>;
}

/** Languages of the speak command (SpeakCall `language` enum), also used for TeXML `<Say>`. */
export const TELNYX_LANGUAGES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-IN',
  'en-GB-WLS',
  'arb',
  'cmn-CN',
  'cy-GB',
  'da-DK',
  'de-DE',
  'es-ES',
  'es-MX',
  'es-US',
  'fr-FR',
  'fr-CA',
  'hi-IN',
  'is-IS',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nb-NO',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'sv-SE',
  'tr-TR',
] as const;
