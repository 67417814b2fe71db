/** Fields of a Messages or Calls resource we read (twilio_api_v2010.json). */
export interface TwilioResource {
  sid?: string;
  status?: string;
}

/** Twilio's error body (twilio-node RestException). */
export interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

/** Languages the `alice` voice speaks (Twilio `<Say>` docs); the first of a language is its default region. */
export const TWILIO_LANGUAGES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IN',
  'ca-ES',
  'da-DK',
  'de-DE',
  'es-ES',
  'es-MX',
  'fi-FI',
  'fr-FR',
  'fr-CA',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nb-NO',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ru-RU',
  'sv-SE',
  'zh-CN',
  'zh-HK',
  'zh-TW',
] as const;
