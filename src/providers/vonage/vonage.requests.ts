import { needsUnicode } from '../kit/sms/gsm7';
import { OtpMessage } from '../telephony-provider';
import { speakableLanguages, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { VonageConfig } from './vonage.config';
import { VONAGE_LANGUAGES, VonageCallRequest, VonageMessageRequest } from './vonage.types';

/** Vonage talk languages we have a phrase for. */
const SPEAKABLE = speakableLanguages(VONAGE_LANGUAGES);

/** Vonage writes E.164 without the `+` (`\d{7,15}`); an alphanumeric sender stays as it is. */
export function withoutPlus(address: string): string {
  return address.replace(/^\+/, '');
}

/**
 * SMS API form (sms.yml `NewMessage`): credentials in the body as the description documents,
 * `type=unicode` when the text needs it, our delivery id as `client-ref`, and the receipt URL
 * as `callback` when receipts can be verified.
 */
export function vonageSmsForm(
  message: OtpMessage,
  config: VonageConfig,
  statusUrl?: string,
): URLSearchParams {
  const form = new URLSearchParams({
    api_key: config.apiKey ?? '',
    api_secret: config.apiSecret ?? '',
    from: withoutPlus(config.from ?? ''),
    to: withoutPlus(message.to),
    text: message.text,
  });
  if (needsUnicode(message.text)) form.set('type', 'unicode');
  form.set('client-ref', message.deliveryId);
  if (statusUrl) form.set('callback', statusUrl);
  return form;
}

/** Messages API v1 body for the SMS channel (vendors.md §2.2). */
export function vonageMessageBody(
  message: OtpMessage,
  config: VonageConfig,
  statusUrl?: string,
): VonageMessageRequest {
  const body: VonageMessageRequest = {
    message_type: 'text',
    channel: 'sms',
    to: withoutPlus(message.to),
    from: withoutPlus(config.from ?? ''),
    text: message.text,
    client_ref: message.deliveryId,
  };
  return statusUrl ? { ...body, webhook_url: statusUrl, webhook_version: 'v1' } : body;
}

/** Voice API call with an inline NCCO `talk` that reads the code digit by digit, twice. */
export function vonageCallBody(
  message: OtpMessage,
  config: VonageConfig,
  eventUrl?: string,
): VonageCallRequest {
  const script = vendorVoiceScript(
    message.code,
    message.locale,
    SPEAKABLE,
    'en-US',
    message.speech,
  );
  const body: VonageCallRequest = {
    to: [{ type: 'phone', number: withoutPlus(message.to) }],
    from: { type: 'phone', number: withoutPlus(config.voiceFrom ?? config.from ?? '') },
    ncco: [
      {
        action: 'talk',
        text: script.sentence,
        language: script.language,
        loop: script.repeat,
        bargeIn: false,
      },
    ],
  };
  return eventUrl ? { ...body, event_url: [eventUrl], event_method: 'POST' } : body;
}
