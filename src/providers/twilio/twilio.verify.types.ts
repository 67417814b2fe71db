/**
 * Twilio Verify v2 wire facts: `CreateVerification` and `UpdateVerification` of twilio_verify_v2.json
 * (twilio/twilio-oai @ d50069b, the same snapshot as the Messages description), "Customization
 * options" (custom verification codes need the feedback `Status=approved`) and "Verify supported
 * languages" (an unsupported `Locale` is answered 404, so only listed locales are sent).
 */

/** `POST /v2/Services/{ServiceSid}/Verifications` form fields we send. */
export interface VerificationForm {
  To: string;
  Channel: 'sms' | 'call';
  /** Okta's code (Verify takes 4 to 10 characters). */
  CustomCode: string;
  Locale?: string;
}

/** Fields of the Verification resource we read. */
export interface VerificationResource {
  sid?: unknown;
  status?: unknown;
}

/**
 * Locales of Verify's default template; a request's locale is sent when it is one of them, else
 * its language's first one (`en-US` → `en`, `pt-PT` → `pt`), else none (Verify then picks the
 * language of the number's country).
 */
export const VERIFY_LOCALES = [
  'af',
  'ar',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'et',
  'fi',
  'fr',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'kn',
  'ko',
  'lt',
  'mr',
  'ms',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sv',
  'te',
  'th',
  'tl',
  'tr',
  'zh',
  'zh-CN',
  'zh-HK',
] as const;
