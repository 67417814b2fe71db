import { VoiceScript } from '../voice/voice-script';
import { SealedTokens } from './sealed-token';

/** Long enough for the vendor to ring, be answered and come back; short enough to be useless later. */
const SCRIPT_TTL_MS = 10 * 60_000;

/** A call script sealed for a round trip through the vendor (answer URL, client state). */
export function sealScript(tokens: SealedTokens, script: VoiceScript, now = Date.now()): string {
  return tokens.seal(script, SCRIPT_TTL_MS, now);
}

/** The script back, or undefined when the token is not one we sealed, was altered or expired. */
export function openScript(
  tokens: SealedTokens,
  token: string,
  now = Date.now(),
): VoiceScript | undefined {
  const data = tokens.open(token, now) as Partial<VoiceScript> | undefined;
  const valid =
    typeof data?.language === 'string' &&
    typeof data.sentence === 'string' &&
    Number.isInteger(data.repeat);
  return valid ? (data as VoiceScript) : undefined;
}
