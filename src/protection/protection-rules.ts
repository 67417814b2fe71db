import { ProtectionConfig } from './protection.config';
import { rateLimitName } from './rate-limit.rule';

/**
 * What `protection.*` needs beyond each key's own type: a digit count for every `prefix` rule
 * and only for those, and one name per rate-limit rule (the name keys its counters). Country
 * codes are checked with every other key that names countries (config/country-codes.ts).
 */
export function checkProtection(config: ProtectionConfig): string[] {
  const problems: string[] = [];
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
