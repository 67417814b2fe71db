import { isSupportedCountry } from 'libphonenumber-js/max';
import { AppConfig } from './app.config';

const UNKNOWN = 'not a country libphonenumber knows (the United Kingdom is GB)';

/**
 * The one check of every key that names countries (ISO 3166 alpha-2, as libphonenumber knows
 * them): `protection.defaultRegion`, `protection.countries.allow/deny` and each routing rule's
 * `match.countries`. A wrong code is named by its position, never quoted.
 */
export function checkCountries(config: AppConfig): string[] {
  const protection: Partial<AppConfig['protection']> = config.protection ?? {};
  const rules: unknown[] = Array.isArray(config.routing?.rules) ? config.routing.rules : [];
  return [
    ...checkCountryCode(protection.defaultRegion, 'protection.defaultRegion'),
    ...checkCountryCodes(protection.countries?.allow, 'protection.countries.allow'),
    ...checkCountryCodes(protection.countries?.deny, 'protection.countries.deny'),
    ...rules.flatMap((rule, i) =>
      checkCountryCodes(
        (rule as { match?: { countries?: unknown } } | undefined)?.match?.countries,
        `routing.rules[${i}].match.countries`,
      ),
    ),
  ];
}

/** Problems with a list of country codes; a list that is not one is told by its own rule. */
export function checkCountryCodes(codes: unknown, path: string): string[] {
  if (!Array.isArray(codes)) return [];
  return codes.flatMap((code, i) => checkCountryCode(code, `${path}[${i}]`));
}

function checkCountryCode(code: unknown, path: string): string[] {
  if (typeof code !== 'string' || isSupportedCountry(code)) return [];
  const upper = code.toUpperCase();
  if (isSupportedCountry(upper)) {
    return [`${path}: country codes are upper case; did you mean "${upper}"?`];
  }
  return [`${path}: ${UNKNOWN}`];
}
