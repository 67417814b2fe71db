import { OtpMessage } from '../telephony-provider';
import { renderSpeechXml } from '../kit/voice/speech-xml';
import { speakableLanguages, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { VoiceScript } from '../kit/voice/voice-script';
import { TelnyxConfig } from './telnyx.config';
import {
  TelnyxDialRequest,
  TelnyxMessageRequest,
  TelnyxSpeakRequest,
  TelnyxTexmlCallRequest,
  TELNYX_LANGUAGES,
} from './telnyx.types';

/** Telnyx TTS languages we have a phrase for. */
const SPEAKABLE = speakableLanguages(TELNYX_LANGUAGES);

/** Caps a Call Control call whose hangup got lost; reading a code twice takes well under this. */
const CALL_TIME_LIMIT_SECONDS = 120;

/** SendMessage body: `from` and/or `messaging_profile_id`, and the receipt URL when verifiable. */
export function telnyxMessageBody(
  message: OtpMessage,
  config: TelnyxConfig,
  statusUrl?: string,
): TelnyxMessageRequest {
  const body: TelnyxMessageRequest = { to: message.to, text: message.text };
  if (config.from) body.from = config.from;
  if (config.messagingProfileId) body.messaging_profile_id = config.messagingProfileId;
  if (statusUrl) body.webhook_url = statusUrl;
  return body;
}

/** InitiateTexmlCall body with inline TeXML that says the script twice. */
export function telnyxTexmlBody(
  message: OtpMessage,
  config: TelnyxConfig,
  script: VoiceScript,
  statusUrl?: string,
): TelnyxTexmlCallRequest {
  const texml = renderSpeechXml(script, {
    element: 'Say',
    attributes: { voice: config.voice ?? 'alice', language: script.language },
    pause: '<Pause length="1"/>',
  });
  const body: TelnyxTexmlCallRequest = {
    To: message.to,
    From: config.voiceFrom ?? config.from ?? '',
    ApplicationSid: config.texmlApplicationId ?? '',
    Texml: `<?xml version="1.0" encoding="UTF-8"?>${texml}`,
  };
  if (statusUrl) body.StatusCallback = statusUrl;
  return body;
}

/** DialCall body; the sealed script rides in `client_state` (base64, as Telnyx requires). */
export function telnyxDialBody(
  message: OtpMessage,
  config: TelnyxConfig,
  sealedScript: string,
  webhookUrl: string,
): TelnyxDialRequest {
  return {
    connection_id: config.connectionId ?? '',
    to: message.to,
    from: config.voiceFrom ?? config.from ?? '',
    webhook_url: webhookUrl,
    client_state: Buffer.from(sealedScript, 'utf8').toString('base64'),
    command_id: message.deliveryId,
    time_limit_secs: CALL_TIME_LIMIT_SECONDS,
  };
}

/** SpeakCall body; the fixed `command_id` makes a retried `call.answered` speak only once. */
export function telnyxSpeakBody(script: VoiceScript, voice: string): TelnyxSpeakRequest {
  return {
    payload: script.sentence,
    payload_type: 'text',
    voice,
    language: script.language,
    loop: script.repeat,
    command_id: 'otg-speak',
  };
}

/** The call script: the code digit by digit, twice, in the locale's language when Telnyx speaks it. */
export function telnyxScript(message: OtpMessage): VoiceScript {
  return vendorVoiceScript(message.code, message.locale, SPEAKABLE, 'en-US', message.speech);
}
