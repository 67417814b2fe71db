import { MessagesConfig } from './messages.config';

/**
 * `text` with what lets a phone or browser fill the code in by itself:
 * - Android SMS Retriever: the app's 11-character hash on its own line (Google, "Perform SMS
 *   Verification on a Server": the message includes the hash and is at most 140 bytes);
 * - WebOTP: a last line `@<domain> #<code>`, then ` @<embeddedDomain>` when the code is typed
 *   in an iframe (WICG "Origin-bound one-time codes delivered via SMS": top-level host, code,
 *   embedded host, one space between them, nothing before the `@`). A blank line sets it
 *   apart from the text, as in the spec's examples.
 * The hash comes before the WebOTP line, which must stay last.
 */
export function withAutofillLines(
  text: string,
  code: string,
  config: Pick<MessagesConfig, 'webOtp' | 'androidAppHash'>,
): string {
  let out = text;
  if (config.androidAppHash) out += `\n${config.androidAppHash}`;
  if (config.webOtp) {
    const embedded = config.webOtp.embeddedDomain ? ` @${config.webOtp.embeddedDomain}` : '';
    out += `\n\n@${config.webOtp.domain} #${code}${embedded}`;
  }
  return out;
}
