/** Send Message request (vendors.md §4.1). */
export interface PlivoMessageRequest {
  src?: string;
  powerpack_uuid?: string;
  dst: string;
  text: string;
  type: 'sms';
  url?: string;
  method?: 'POST';
}

/** Send Message 202 answer; `invalid_number` lists destinations Plivo refused. */
export interface PlivoMessageResponse {
  message?: string;
  message_uuid?: string[];
  invalid_number?: string[];
  api_id?: string;
}

/** Make Call request (vendors.md §4.2): Plivo fetches its XML from `answer_url`. */
export interface PlivoCallRequest {
  from: string;
  to: string;
  answer_url: string;
  answer_method: 'POST';
  hangup_url?: string;
  hangup_method?: 'POST';
}

/** Make Call 201 answer. */
export interface PlivoCallResponse {
  message?: string;
  request_uuid?: string;
  api_id?: string;
}

/** Plivo's error body: `{api_id, error}`. */
export interface PlivoErrorBody {
  api_id?: string;
  error?: unknown;
}

export const PLIVO_VOICES = ['WOMAN', 'MAN'] as const;
export type PlivoVoice = (typeof PLIVO_VOICES)[number];

/** Languages `<Speak>` has for each voice (Plivo XML docs); the first of a language is its default region. */
export const PLIVO_LANGUAGES: Readonly<Record<PlivoVoice, readonly string[]>> = {
  WOMAN: [
    'en-US',
    'en-GB',
    'en-AU',
    'da-DK',
    'de-DE',
    'es-ES',
    'es-US',
    'fr-FR',
    'fr-CA',
    'it-IT',
    'nl-NL',
    'pl-PL',
    'pt-BR',
    'ru-RU',
    'sv-SE',
  ],
  MAN: [
    'en-US',
    'en-GB',
    'en-AU',
    'de-DE',
    'es-ES',
    'es-US',
    'fr-FR',
    'it-IT',
    'nl-NL',
    'pl-PL',
    'pt-BR',
    'pt-PT',
  ],
};
