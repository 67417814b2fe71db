import { isSupportedCountry } from 'libphonenumber-js/max';
import { AppConfig } from './app.config';

const UNKNOWN = 'not a country libphonenumber knows (the United Kingdom is GB)';

/**
 * The one check of every key that names countries (ISO 3166 alpha-2, as libphonenumber knows
 * them): `protection.defaultRegion`, `protection.countries.allow/deny`, each rate-limit rule's
 * `countries` and the `match` of its overrides when it counts by `country`, and each routing
 * rule's `match.countries`. A wrong code is named by its position, never quoted. Read
 * defensively: it runs even when these sections have problems of their own.
 */
export function checkCountries(config: AppConfig): string[] {
  const protection: Partial<AppConfig['protection']> = config.protection ?? {};
  return [
    ...checkCountryCode(protection.defaultRegion, 'protection.defaultRegion'),
    ...checkCountryCodes(protection.countries?.allow, 'protection.countries.allow'),
    ...checkCountryCodes(protection.countries?.deny, 'protection.countries.deny'),
    ...items(protection.rateLimits).flatMap((rule, i) => rateLimitCountries(rule, i)),
    ...items(config.routing?.rules).flatMap((rule, i) =>
      checkCountryCodes(
        (rule as { match?: { countries?: unknown } } | undefined)?.match?.countries,
        `routing.rules[${i}].match.countries`,
      ),
    ),
  ];
}

/** Problems with a list of country codes; a list that is not one is told by its own rule. */
function checkCountryCodes(codes: unknown, path: string): string[] {
  if (!Array.isArray(codes)) return [];
  return codes.flatMap((code, i) => checkCountryCode(code, `${path}[${i}]`));
}

/** A rate-limit rule's `countries`, and its overrides' `match` when it counts by country. */
function rateLimitCountries(rule: unknown, i: number): string[] {
  const path = `protection.rateLimits[${i}]`;
  const { key, countries, overrides } = (rule ?? {}) as Record<string, unknown>;
  return [
    ...checkCountryCodes(countries, `${path}.countries`),
    ...(key === 'country'
      ? items(overrides).flatMap((override, j) =>
          checkCountryCode(
            (override as { match?: unknown } | undefined)?.match,
            `${path}.overrides[${j}].match`,
          ),
        )
      : []),
  ];
}

function checkCountryCode(code: unknown, path: string): string[] {
  if (typeof code !== 'string' || isSupportedCountry(code)) return [];
  const upper = code.toUpperCase();
  if (isSupportedCountry(upper)) {
    return [`${path}: country codes are upper case; did you mean "${upper}"?`];
  }
  return [`${path}: ${UNKNOWN}`];
}

function items(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
