import { isSupportedCountry } from 'libphonenumber-js/max';
import { ProtectionConfig } from './protection.config';
import { rateLimitName } from './rate-limit.rule';

/**
 * What `protection.*` needs beyond each key's own type: countries libphonenumber knows (a
 * deny of `UK` would deny nothing: the United Kingdom is `GB`), a digit count for every
 * `prefix` rule and only for those, and one name per rate-limit rule (the name keys its
 * counters).
 */
export function checkProtection(config: ProtectionConfig): string[] {
  const problems: string[] = [];
  const unknown = (code: string) => !isSupportedCountry(code);
  if (unknown(config.defaultRegion)) {
    problems.push('protection.defaultRegion: not a region libphonenumber knows');
  }
  for (const list of ['allow', 'deny'] as const) {
    config.countries[list].forEach((code, i) => {
      if (unknown(code)) {
        problems.push(
          `protection.countries.${list}[${i}]: not a country libphonenumber knows (the United Kingdom is GB)`,
        );
      }
    });
  }
  const names = new Map<string, number>();
  config.rateLimits.forEach((rule, i) => {
    const path = `protection.rateLimits[${i}]`;
    if (rule.key === 'prefix' && rule.prefixDigits === undefined) {
      problems.push(`${path}.prefixDigits: required for key prefix`);
    }
    if (rule.key !== 'prefix' && rule.prefixDigits !== undefined) {
      problems.push(`${path}.prefixDigits: only for key prefix`);
    }
    const name = rateLimitName(rule);
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else problems.push(`${path}: same name as rateLimits[${first}]; give one of them a name`);
  });
  return problems;
}
