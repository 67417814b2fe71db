/** GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), without the escape at 0x1B. */
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Its extension table (§6.2.1.1): each costs two septets, the escape and the character. */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

/** What an SMS carries without Unicode. */
const GSM7 = new Set(GSM7_BASIC + GSM7_EXTENSION);

/** True when the text has a character outside GSM-7, so it must be sent as Unicode (UCS-2). */
export function needsUnicode(text: string): boolean {
  for (const char of text) if (!GSM7.has(char)) return true;
  return false;
}
