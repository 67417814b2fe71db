import { Channel } from '../../providers/channel';
import { MessageTemplateConfig, shortRequestType } from './messages.config';

/** What a template is matched on. */
export interface TemplateKey {
  readonly channel: Channel;
  readonly locale?: string;
  readonly requestType?: string;
}

/**
 * The templates that fit the request, in configured order: each given condition must hold,
 * and the template must have a text for the request's channel.
 */
export function matchingTemplates(
  templates: readonly MessageTemplateConfig[],
  key: TemplateKey,
): MessageTemplateConfig[] {
  return templates.filter((template) => matches(template, key));
}

function matches(template: MessageTemplateConfig, key: TemplateKey): boolean {
  const { locales, requestTypes, channels } = template.match;
  if (template[key.channel] === undefined) return false;
  if (channels?.length && !channels.includes(key.channel)) return false;
  if (locales?.length && !locales.some((range) => localeMatches(range, key.locale))) return false;
  if (requestTypes?.length) {
    const type = key.requestType && shortRequestType(key.requestType);
    if (!type || !requestTypes.some((t) => shortRequestType(t) === type)) return false;
  }
  return true;
}

/**
 * RFC 4647 §3.3.1 basic filtering, case-insensitive, `_` read as `-` (Okta sends `EN-US`,
 * `en`, `en_GB`): `es` matches `es` and `es-MX`, `es-MX` matches `es-MX` only, `*` any.
 */
export function localeMatches(range: string, locale: string | undefined): boolean {
  if (range === '*') return true;
  if (!locale) return false;
  const wanted = range.replace(/_/g, '-').toLowerCase();
  const tag = locale.replace(/_/g, '-').toLowerCase();
  return tag === wanted || tag.startsWith(`${wanted}-`);
}
