import { renderSpeechXml } from '../kit/voice/speech-xml';
import { VoiceScript } from '../kit/voice/voice-script';

/** Inline TwiML that says the script `repeat` times, with a pause between. */
export function renderTwiml(script: VoiceScript, voice: string): string {
  return renderSpeechXml(script, {
    element: 'Say',
    attributes: { voice, language: script.language },
    pause: '<Pause length="1"/>',
  });
}
