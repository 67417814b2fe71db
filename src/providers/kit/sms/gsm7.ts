/** GSM 03.38 default alphabet and its extension table: what an SMS carries without Unicode. */
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
    '\f^{}\\[~]|€',
);

/** True when the text has a character outside GSM-7, so it must be sent as Unicode (UCS-2). */
export function needsUnicode(text: string): boolean {
  for (const char of text) if (!GSM7.has(char)) return true;
  return false;
}
