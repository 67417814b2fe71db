/** A voice message reading the code digit by digit, in one language the vendor can speak. */
export interface VoiceScript {
  /** BCP 47 tag, e.g. `en-US`. */
  readonly language: string;
  /** The whole sentence: intro then the digits, separated so each is read alone. */
  readonly sentence: string;
  /** How many times the sentence is said. */
  readonly repeat: number;
}

const INTRO: Readonly<Record<string, string>> = {
  ca: 'El vostre codi de verificació és',
  da: 'Din bekræftelseskode er',
  de: 'Ihr Bestätigungscode lautet',
  en: 'Your verification code is',
  es: 'Su código de verificación es',
  fi: 'Vahvistuskoodisi on',
  fr: 'Votre code de vérification est',
  it: 'Il tuo codice di verifica è',
  ja: '認証コードは',
  ko: '인증 코드는',
  nb: 'Din bekreftelseskode er',
  nl: 'Uw verificatiecode is',
  pl: 'Twój kod weryfikacyjny to',
  pt: 'O seu código de verificação é',
  ru: 'Ваш код подтверждения',
  sv: 'Din verifieringskod är',
  zh: '您的验证码是',
};

/**
 * Picks the language to speak: the request's locale when the vendor speaks it, else another
 * region of the same language the vendor speaks (first listed wins), else `fallback`.
 * Okta sends locales like `EN-US`, `en` or `en_GB`.
 */
export function pickLanguage(
  locale: string | undefined,
  supported: readonly string[],
  fallback = 'en-US',
): string {
  if (!locale) return fallback;
  const wanted = locale.replace(/_/g, '-').toLowerCase();
  const exact = supported.find((tag) => tag.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return supported.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? fallback;
}

/**
 * The sentence that reads `code` in `language` (English when there is no phrase for it), or
 * the admin's own `sentence` (a `messages.templates` voice text), said in `language`.
 */
export function composeVoiceScript(
  code: string,
  language: string,
  repeat = 2,
  sentence?: string,
): VoiceScript {
  if (sentence !== undefined) return { language, sentence, repeat };
  const base = language.split('-')[0].toLowerCase();
  const intro = INTRO[base] ?? INTRO.en;
  const spokenLanguage = INTRO[base] ? language : 'en-US';
  return { language: spokenLanguage, sentence: `${intro} ${[...code].join(', ')}.`, repeat };
}
