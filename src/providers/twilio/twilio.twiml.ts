import { VoiceScript } from '../voice/voice-script';

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Inline TwiML that says the script `repeat` times, with a pause between. */
export function renderTwiml(script: VoiceScript, voice: string): string {
  const say = `<Say voice="${escapeXml(voice)}" language="${escapeXml(script.language)}">${escapeXml(script.sentence)}</Say>`;
  const parts = Array.from({ length: script.repeat }, () => say).join('<Pause length="1"/>');
  return `<Response>${parts}</Response>`;
}
