/** SMS v3 `POST /sms/3/messages` body (spec operation `send-sms-messages`, vendors.md §6.1). */
export interface InfobipSmsRequest {
  messages: {
    sender?: string;
    destinations: { to: string }[];
    content: { text: string };
    webhooks?: InfobipWebhooks;
  }[];
}

export interface InfobipWebhooks {
  delivery: { url: string };
  contentType: 'application/json';
  callbackData: string;
}

/**
 * Voice `POST /tts/3/advanced` body (spec operation `send-advanced-voice-tts`): the advanced
 * form, because only it takes `notifyUrl` and `callbackData` for delivery reports.
 */
export interface InfobipTtsRequest {
  messages: {
    from: string;
    destinations: { to: string }[];
    text: string;
    language: string;
    notifyUrl?: string;
    notifyContentType?: 'application/json';
    callbackData?: string;
  }[];
}

/** A message status (`groupName` PENDING, DELIVERED, REJECTED...; `name` the detail). */
export interface InfobipStatus {
  groupId?: number;
  groupName?: string;
  id?: number;
  name?: string;
}

/** The 200 answer of both sends. */
export interface InfobipSendResponse {
  bulkId?: string;
  messages?: { messageId?: string; status?: InfobipStatus }[];
}

/** SMS v3 error body. */
export interface InfobipV3Error {
  errorCode?: string;
  description?: string;
  action?: string;
  violations?: { property?: string; violation?: string }[];
}

/** Voice (v2 shape) error body. */
export interface InfobipV2Error {
  requestError?: { serviceException?: { messageId?: string; text?: string } };
}

/** One entry of an SMS (v3) or voice delivery report's `results[]`. */
export interface InfobipReport {
  messageId?: string;
  sentAt?: string;
  doneAt?: string;
  callbackData?: string;
  status?: InfobipStatus;
  error?: InfobipStatus & { permanent?: boolean };
}

/**
 * Text-to-speech languages (the `language` enum of the official voice description), in
 * its order: the first of a language (`en`, `fr`, `pt-br`...) is used for its other regions.
 */
export const INFOBIP_TTS_LANGUAGES = [
  'ar',
  'ar-ma',
  'ar_xa',
  'bg',
  'bn',
  'bn-in',
  'ca',
  'cmn-cn',
  'cs',
  'da',
  'de',
  'de-at',
  'de-ch',
  'el',
  'en',
  'en-au',
  'en-ca',
  'en-gb',
  'en-gb-wls',
  'en-ie',
  'en-in',
  'en-ph',
  'es',
  'es-419',
  'es-ar',
  'es-co',
  'es-mx',
  'es-us',
  'et-ee',
  'fi',
  'fil-ph',
  'fr',
  'fr-ca',
  'fr-ch',
  'gu',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'is',
  'it',
  'ja',
  'kk-kz',
  'kn',
  'ko',
  'lt',
  'lv',
  'ml',
  'mr-in',
  'ms',
  'nb-no',
  'nl',
  'nl-be',
  'no',
  'pa-in',
  'pl',
  'pt-br',
  'pt-pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sr-rs',
  'sv',
  'sw-ke',
  'sw-tz',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'ur-in',
  'ur-pk',
  'uz-uz',
  'vi',
  'wls',
  'yue-hk',
  'zh-cn',
  'zh-tw',
] as const;
