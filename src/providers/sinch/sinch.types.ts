/** SMS REST `POST /xms/v1/{service_plan_id}/batches` body (vendors.md §5.1). */
export interface SinchBatchRequest {
  from: string;
  to: string[];
  body: string;
  client_reference: string;
  delivery_report?: 'per_recipient';
  callback_url?: string;
}

/** Fields of the created batch we read. */
export interface SinchBatch {
  id?: string;
}

/** SMS REST error body (SDK `ErrorResponseObj`). */
export interface SinchSmsErrorBody {
  code?: string;
  text?: string;
}

/** Voice `POST /calling/v1/callouts` body for a text-to-speech callout (vendors.md §5.2). */
export interface SinchCalloutRequest {
  method: 'ttsCallout';
  ttsCallout: {
    cli: string;
    destination: { type: 'number'; endpoint: string };
    domain: 'pstn';
    locale: string;
    text: string;
  };
}

export interface SinchCallout {
  callId?: string;
}

/** Voice error body (SDK `VoiceError`). */
export interface SinchVoiceErrorBody {
  status?: string;
  errorCode?: string | number;
  message?: string;
  reference?: string;
}

/** A per-recipient SMS delivery report (SDK `RecipientDeliveryReport`). */
export interface SinchRecipientReport {
  type: 'recipient_delivery_report_sms';
  batch_id: string;
  recipient?: string;
  code?: number;
  status: string;
  at?: string;
  client_reference?: string;
}

/**
 * Text-to-speech locales of Sinch voices (SDK `Voice.TtsVoice`, Amazon Polly based) that we have
 * a phrase for; the first of a language is used for its other regions. Chinese is left out:
 * Sinch names Mandarin `cmn-CN` and its `zh-HK` voice speaks Cantonese, so Chinese callers hear
 * English rather than the wrong language.
 */
export const SINCH_TTS_LOCALES = [
  'en-US',
  'en-GB',
  'en-AU',
  'en-IN',
  'en-NZ',
  'en-ZA',
  'ca-ES',
  'cs-CZ',
  'da-DK',
  'de-DE',
  'de-AT',
  'es-ES',
  'es-MX',
  'es-US',
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
] as const;
