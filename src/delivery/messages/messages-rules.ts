import { Channel } from '../../providers/channel';
import { smsShape } from '../sms-segments';
import { withAutofillLines } from './autofill-lines';
import { firstNonGsm7, toGsm7 } from './gsm7-transliteration';
import { MessagesConfig, MessageTemplateConfig } from './messages.config';
import { fillTemplate, PLACEHOLDERS, placeholdersIn, placeholderValues } from './placeholders';

/** The longest values the segment check assumes (docs/messages.md). */
export const SAMPLE_CODE = '12345678';
const SAMPLE_INPUT = { code: SAMPLE_CODE, firstName: 'n'.repeat(20) };
const SAMPLE_EXPIRY_MINUTES = 10;
const KNOWN = new Set<string>(PLACEHOLDERS);

/**
 * What `messages.*` needs beyond each key's type: templates that say the code, use only known
 * placeholders (and `{firstName}` only when allowed), have a text for each channel they list,
 * and whose SMS fits `maxSegments` (one SMS, 140 bytes, with an Android app hash).
 */
export function checkMessages(config: MessagesConfig): string[] {
  return config.templates.flatMap((template, i) =>
    checkTemplate(config, template, `messages.templates[${i}]`),
  );
}

function checkTemplate(
  config: MessagesConfig,
  template: MessageTemplateConfig,
  path: string,
): string[] {
  if (template.sms === undefined && template.voice === undefined) {
    return [`${path}: needs an sms or a voice text`];
  }
  const problems = (template.match.channels ?? [])
    .filter((channel) => template[channel] === undefined)
    .map((channel) => `${path}.match.channels: lists ${channel} but there is no ${channel} text`);
  for (const channel of ['sms', 'voice'] as const) {
    const text = template[channel];
    if (text === undefined) continue;
    const found = checkText(config, text, `${path}.${channel}`);
    if (found.length === 0 && channel === 'sms') found.push(...checkBudget(config, template, path));
    problems.push(...found);
  }
  return problems;
}

function checkText(config: MessagesConfig, text: string, path: string): string[] {
  const names = placeholdersIn(text);
  const unknown = [...new Set(names.filter((name) => !KNOWN.has(name)))];
  if (unknown.length > 0) {
    const known = PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
    return [
      `${path}: unknown placeholder ${unknown.map((n) => `{${n}}`).join(', ')}; known: ${known}`,
    ];
  }
  const problems: string[] = [];
  if (!names.includes('code') && !names.includes('spacedCode')) {
    problems.push(
      `${path}: must contain {code} or {spacedCode}, or the person never gets the code`,
    );
  }
  if (names.includes('firstName') && !config.allowPersonalData) {
    problems.push(`${path}: {firstName} needs messages.allowPersonalData: true`);
  }
  return problems;
}

/** The template's SMS at its longest, for each locale it is for (transliteration differs). */
function checkBudget(
  config: MessagesConfig,
  template: MessageTemplateConfig,
  path: string,
): string[] {
  const filled = sampleText(template.sms ?? '', 'sms');
  const locales = template.match.locales?.length ? template.match.locales : [undefined];
  const budget = config.androidAppHash ? 1 : config.maxSegments;
  for (const locale of locales) {
    const body = config.encoding === 'keep' ? filled : (toGsm7(filled, locale) ?? filled);
    const shape = smsShape(withAutofillLines(body, SAMPLE_CODE, config));
    if (shape.segments <= budget) continue;
    const why = shape.encoding === 'ucs2' ? `UCS-2 because of "${firstNonGsm7(body)}"` : 'GSM-7';
    const limit = config.androidAppHash
      ? 'over 1 (an SMS Retriever message is at most 140 bytes)'
      : `over messages.maxSegments (${config.maxSegments})`;
    const fits = config.encoding === 'keep' && fitsInGsm7(filled, locale, budget, config);
    const hint = fits ? '; messages.encoding: gsm7-when-possible would make it fit' : '';
    const forLocale = locale ? ` for ${locale}` : '';
    return [
      `${path}.sms: ${shape.segments} segments${forLocale} (${why}, with an 8-character code), ${limit}${hint}`,
    ];
  }
  return [];
}

function fitsInGsm7(
  text: string,
  locale: string | undefined,
  budget: number,
  config: MessagesConfig,
): boolean {
  const gsm7 = toGsm7(text, locale);
  return (
    gsm7 !== undefined && smsShape(withAutofillLines(gsm7, SAMPLE_CODE, config)).segments <= budget
  );
}

function sampleText(text: string, channel: Channel): string {
  const now = 0;
  const otpExpires = new Date(now + SAMPLE_EXPIRY_MINUTES * 60_000).toISOString();
  return (
    fillTemplate(text, placeholderValues({ ...SAMPLE_INPUT, otpExpires }, channel, now)) ?? text
  );
}
