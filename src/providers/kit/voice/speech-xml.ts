import { VoiceScript } from './voice-script';
import { escapeXml } from './xml-escape';

/** How one vendor's call XML speaks text: `<Say …>` + `<Pause/>` (TwiML, TeXML), `<Speak …>` + `<Wait/>` (Plivo). */
export interface SpeechMarkup {
  /** The element that speaks its text content. */
  readonly element: string;
  /** Its attributes, in order; values are escaped here. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The empty element said between two repetitions. */
  readonly pause: string;
}

/** `<Response>` that speaks the script `repeat` times with a pause between (no XML declaration). */
export function renderSpeechXml(script: VoiceScript, markup: SpeechMarkup): string {
  const attributes = Object.entries(markup.attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const speak = `<${markup.element}${attributes}>${escapeXml(script.sentence)}</${markup.element}>`;
  return `<Response>${Array.from({ length: script.repeat }, () => speak).join(markup.pause)}</Response>`;
}
