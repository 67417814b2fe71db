/**
 * Telesign wire types. Sources: Messaging API reference (developer.telesign.com/enterprise/
 * reference/sms: `POST /v1/messaging`, form fields, 200 with status 290), Voice API reference
 * (standard.telesign.com … /voice-api/send-a-voice-message/post-voice: `POST /v1/voice`,
 * `voice` tags), the official SDKs TeleSign/node_telesign @ f7d3bbd and
 * TeleSign/python_telesign @ efdf977 (paths, form encoding, Basic auth), "All status and error
 * codes" and "Authenticate callbacks" (developer.telesign.com/enterprise/docs/…).
 */

/** `POST /v1/messaging` form (every value a string). */
export interface TelesignSmsForm {
  /** Country code and number, digits only (Telesign: "avoid special characters"). */
  phone_number: string;
  message: string;
  message_type: 'OTP';
  sender_id?: string;
  /** Our delivery id (Telesign: ASCII, at most 100 characters). */
  external_id?: string;
  /** Overrides the account's callback URL for this message. */
  callback_url?: string;
}

/** `POST /v1/voice` form: `message` is spoken by the `voice` (a language tag). */
export interface TelesignVoiceForm {
  phone_number: string;
  message: string;
  message_type: 'OTP';
  voice: string;
}

/** Telesign's `status` object, in answers and in callbacks. */
export interface TelesignStatus {
  code?: unknown;
  description?: unknown;
  updated_on?: unknown;
}

/** The answer to a send, and the body of a callback: `reference_id` is the transaction id. */
export interface TelesignTransaction {
  reference_id?: unknown;
  external_id?: unknown;
  status?: TelesignStatus;
  /** Error answers may list `{code, description}` here besides `status`. */
  errors?: unknown;
}

/**
 * Text-to-speech voices of `POST /v1/voice` (all female; `f-en-US` by default), as language
 * tags without their `f-` prefix. German, Swedish and Russian are not in Telesign's list, so
 * those callers hear English.
 */
export const TELESIGN_VOICE_LANGUAGES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'en-IN',
  'zh-CN',
  'zh-HK',
  'zh-TW',
  'da-DK',
  'nl-NL',
  'fi-FI',
  'fr-FR',
  'fr-CA',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'nb-NO',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'es-ES',
  'es-MX',
] as const;
