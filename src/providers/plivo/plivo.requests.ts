import { OtpMessage } from '../telephony-provider';
import { renderSpeechXml } from '../kit/voice/speech-xml';
import { speakableLanguages, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { VoiceScript } from '../kit/voice/voice-script';
import { PlivoConfig } from './plivo.config';
import { PLIVO_LANGUAGES, PlivoCallRequest, PlivoMessageRequest, PlivoVoice } from './plivo.types';

/** The languages each `<Speak>` voice has that we have a phrase for. */
const SPEAKABLE: Readonly<Record<PlivoVoice, readonly string[]>> = {
  WOMAN: speakableLanguages(PLIVO_LANGUAGES.WOMAN),
  MAN: speakableLanguages(PLIVO_LANGUAGES.MAN),
};

/** Send Message body: `src` or `powerpack_uuid`, and the status URL when the service has one. */
export function plivoMessageBody(
  message: OtpMessage,
  config: PlivoConfig,
  statusUrl?: string,
): PlivoMessageRequest {
  const sender = config.powerpackUuid
    ? { powerpack_uuid: config.powerpackUuid }
    : { src: config.src ?? '' };
  const body: PlivoMessageRequest = { ...sender, dst: message.to, text: message.text, type: 'sms' };
  return statusUrl ? { ...body, url: statusUrl, method: 'POST' } : body;
}

/** Make Call body: numbers without `+` as Plivo writes them; Plivo POSTs to `answerUrl` for XML. */
export function plivoCallBody(
  message: OtpMessage,
  config: PlivoConfig,
  answerUrl: string,
  statusUrl?: string,
): PlivoCallRequest {
  const body: PlivoCallRequest = {
    from: (config.voiceFrom ?? config.src ?? '').replace(/^\+/, ''),
    to: message.to.replace(/^\+/, ''),
    answer_url: answerUrl,
    answer_method: 'POST',
  };
  return statusUrl ? { ...body, hangup_url: statusUrl, hangup_method: 'POST' } : body;
}

/** The answer document: `<Speak>` the script twice with a one-second `<Wait>` between. */
export function renderPlivoXml(script: VoiceScript, voice: PlivoVoice): string {
  const xml = renderSpeechXml(script, {
    element: 'Speak',
    attributes: { voice, language: script.language },
    pause: '<Wait length="1"/>',
  });
  return `<?xml version="1.0" encoding="UTF-8"?>${xml}`;
}

/** The call script: the code digit by digit, twice, in the locale's language when the voice speaks it. */
export function plivoScript(message: OtpMessage, voice: PlivoVoice): VoiceScript {
  return vendorVoiceScript(message.code, message.locale, SPEAKABLE[voice], 'en-US', message.speech);
}
