import { composeVoiceScript, pickLanguage, VoiceScript } from './voice-script';

/**
 * The vendor's TTS language tags for which we have a translated phrase, in the vendor's order
 * (the first tag of a language is the one picked for a locale of another region).
 */
export function speakableLanguages(vendorTags: readonly string[]): string[] {
  return vendorTags.filter((tag) => composeVoiceScript('', tag).language === tag);
}

/**
 * The script for one call in a language the vendor speaks and we have a phrase for; `fallback`
 * (the vendor's tag for English) when there is none. `sentence` replaces the built-in one.
 */
export function vendorVoiceScript(
  code: string,
  locale: string | undefined,
  speakable: readonly string[],
  fallback: string,
  sentence?: string,
): VoiceScript {
  return composeVoiceScript(code, pickLanguage(locale, speakable, fallback), 2, sentence);
}

/** The sentence said `repeat` times, for vendors that take one text to speak. */
export function spokenText(script: VoiceScript, separator = ' '): string {
  return Array.from({ length: script.repeat }, () => script.sentence).join(separator);
}
