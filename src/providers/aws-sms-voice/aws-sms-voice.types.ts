import type { VoiceId } from '@aws-sdk/client-pinpoint-sms-voice-v2';

/**
 * The language each `VoiceId` of SendVoiceMessage speaks (Amazon Polly's voice list, as BCP 47;
 * Polly calls Mandarin `cmn-CN` and Arabic `arb`). Within a language the first voice is the one
 * we use; MATTHEW is the service's own default.
 */
export const POLLY_VOICES: Readonly<Record<VoiceId, string>> = {
  MATTHEW: 'en-US',
  JOANNA: 'en-US',
  IVY: 'en-US',
  JOEY: 'en-US',
  JUSTIN: 'en-US',
  KENDRA: 'en-US',
  KIMBERLY: 'en-US',
  SALLI: 'en-US',
  AMY: 'en-GB',
  BRIAN: 'en-GB',
  EMMA: 'en-GB',
  NICOLE: 'en-AU',
  RUSSELL: 'en-AU',
  RAVEENA: 'en-IN',
  GERAINT: 'en-GB-WLS',
  GWYNETH: 'cy-GB',
  NAJA: 'da-DK',
  MADS: 'da-DK',
  MARLENE: 'de-DE',
  HANS: 'de-DE',
  VICKI: 'de-DE',
  CONCHITA: 'es-ES',
  ENRIQUE: 'es-ES',
  LUCIA: 'es-ES',
  MIA: 'es-MX',
  LUPE: 'es-US',
  MIGUEL: 'es-US',
  PENELOPE: 'es-US',
  CELINE: 'fr-FR',
  LEA: 'fr-FR',
  MATHIEU: 'fr-FR',
  CHANTAL: 'fr-CA',
  DORA: 'is-IS',
  KARL: 'is-IS',
  CARLA: 'it-IT',
  BIANCA: 'it-IT',
  GIORGIO: 'it-IT',
  MIZUKI: 'ja-JP',
  TAKUMI: 'ja-JP',
  SEOYEON: 'ko-KR',
  LIV: 'nb-NO',
  LOTTE: 'nl-NL',
  RUBEN: 'nl-NL',
  EWA: 'pl-PL',
  JACEK: 'pl-PL',
  JAN: 'pl-PL',
  MAJA: 'pl-PL',
  CAMILA: 'pt-BR',
  RICARDO: 'pt-BR',
  VITORIA: 'pt-BR',
  INES: 'pt-PT',
  CRISTIANO: 'pt-PT',
  CARMEN: 'ro-RO',
  TATYANA: 'ru-RU',
  MAXIM: 'ru-RU',
  ASTRID: 'sv-SE',
  FILIZ: 'tr-TR',
  ZEINA: 'ar',
  ZHIYU: 'zh-CN',
};

/** Languages the voices speak, in table order (so `en` means en-US). */
export const POLLY_LANGUAGES: readonly string[] = [...new Set(Object.values(POLLY_VOICES))];

/** The first voice that speaks `language`; MATTHEW for a language no voice speaks. */
export function voiceFor(language: string): VoiceId {
  const voices = Object.keys(POLLY_VOICES) as VoiceId[];
  return voices.find((voice) => POLLY_VOICES[voice] === language) ?? 'MATTHEW';
}
