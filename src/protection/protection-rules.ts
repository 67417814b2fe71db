import { AdaptiveConfig } from './adaptive.config';
import { ProtectionConfig, RateLimitRuleConfig } from './protection.config';
import { rateLimitName } from './rate-limit.rule';
import { networkProblem, prefixDigits } from './trusted';

/**
 * What `protection.*` needs beyond each key's own type: a digit count for every `prefix` rule
 * and only for those, one name per rate-limit rule (the name keys its counters), overrides that
 * fit their rule's key, trusted networks that parse, and adaptive windows that make sense
 * together. Country codes, the rules' `countries` and `country` overrides included, are checked
 * with every other key that names countries (config/country-codes.ts).
 */
export function checkProtection(config: ProtectionConfig): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  config.rateLimits.forEach((rule, i) => {
    const path = `protection.rateLimits[${i}]`;
    problems.push(...checkRule(rule, path));
    const name = rateLimitName(rule);
    const first = names.get(name);
    if (first === undefined) names.set(name, i);
    else problems.push(`${path}: same name as rateLimits[${first}]; give one of them a name`);
  });
  config.trusted.networks.forEach((network, i) => {
    const problem = networkProblem(network);
    if (problem) problems.push(`protection.trusted.networks[${i}]: ${problem}`);
  });
  return [...problems, ...checkAdaptive(config.adaptive)];
}

function checkRule(rule: RateLimitRuleConfig, path: string): string[] {
  const problems: string[] = [];
  if (rule.key === 'prefix' && rule.prefixDigits === undefined) {
    problems.push(`${path}.prefixDigits: required for key prefix`);
  }
  if (rule.key !== 'prefix' && rule.prefixDigits !== undefined) {
    problems.push(`${path}.prefixDigits: only for key prefix`);
  }
  rule.overrides?.forEach(({ match }, i) => {
    const problem = overrideProblem(rule.key, match);
    if (problem) problems.push(`${path}.overrides[${i}].match: ${problem}`);
  });
  return problems;
}

function overrideProblem(key: RateLimitRuleConfig['key'], match: string): string | undefined {
  switch (key) {
    case 'phone':
    case 'prefix':
      return /^\+?[\d ]+$/.test(match) && prefixDigits(match).length > 0
        ? undefined
        : 'must be an E.164 prefix such as "+44 20 7946" for this key';
    case 'ip':
      return networkProblem(match);
    case 'country':
      return undefined; // a country code: config/country-codes.ts
    case 'user':
      return match.trim() ? undefined : 'must be an Okta user id';
  }
}

function checkAdaptive(adaptive: AdaptiveConfig): string[] {
  const path = 'protection.adaptive';
  const problems: string[] = [];
  if (adaptive.settleSeconds >= adaptive.windowSeconds) {
    problems.push(`${path}.settleSeconds: must be shorter than windowSeconds`);
  }
  if (adaptive.watchSeconds > adaptive.maxWatchSeconds) {
    problems.push(`${path}.watchSeconds: must not be longer than maxWatchSeconds`);
  }
  if (adaptive.enabled && adaptive.requestTypes.length === 0) {
    problems.push(`${path}.requestTypes: name at least one request type to watch`);
  }
  if (adaptive.enabled && !adaptive.country && !adaptive.network && !adaptive.rangeDigits.length) {
    problems.push(`${path}: count at least one of country, rangeDigits, network`);
  }
  return problems;
}
