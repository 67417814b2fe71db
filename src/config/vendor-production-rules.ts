import { secretKeys } from '../common/config-decorators';
import { ProviderConfig } from '../providers/provider.config';
import { VENDORS } from '../providers/vendors';
import { AppConfig } from './app.config';
import { isPlaceholder } from './placeholders';

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * What production refuses in the providers it runs (the routed ones): a vendor URL in plain
 * http unless it is on this machine, and a credential that is a placeholder or shorter than
 * its vendor's documented format (keys marked `@Secret` in the vendor's config class).
 */
export function checkVendorsForProduction(config: AppConfig): string[] {
  return Object.entries(config.providers).flatMap(([id, provider]) => [
    ...plainHttpUrls(provider, `providers.${id}`),
    ...weakCredentials(provider, `providers.${id}`),
  ]);
}

/**
 * `baseUrl` and the other vendor hosts (`voiceBaseUrl`, `verifyBaseUrl`, Azure's `endpoint`);
 * not `proxyUrl`, an egress proxy that is commonly plain http and carries the vendor's TLS
 * inside a CONNECT tunnel.
 */
function plainHttpUrls(provider: ProviderConfig, path: string): string[] {
  return Object.entries(provider)
    .filter(([key, value]) => isVendorUrlKey(key) && typeof value === 'string')
    .filter(([, url]) => isPlainHttpElsewhere(url as string))
    .map(
      ([key]) =>
        `${path}.${key}: must be an https URL in production (plain http only to this machine)`,
    );
}

function isVendorUrlKey(key: string): boolean {
  return (key.endsWith('Url') && key !== 'proxyUrl') || key === 'endpoint';
}

function isPlainHttpElsewhere(url: string): boolean {
  if (!url.toLowerCase().startsWith('http://')) return false;
  try {
    return !LOOPBACK.test(new URL(url).hostname);
  } catch {
    return true;
  }
}

function weakCredentials(provider: ProviderConfig, path: string): string[] {
  const vendor = VENDORS[provider.type];
  return [...secretKeys(vendor.configClass)].flatMap(([key, format]) =>
    valuesAt((provider as unknown as Record<string, unknown>)[key], `${path}.${key}`).flatMap(
      ([where, value]) => {
        if (isPlaceholder(value)) {
          return [`${where}: a placeholder, not a credential; refused in production`];
        }
        if (format && value.length < format.minLength) {
          return [`${where}: shorter than ${format.name}; refused in production`];
        }
        return [];
      },
    ),
  );
}

/** A credential key holds a string, or a mapping of them (an HTTP vendor's `headers`). */
function valuesAt(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([key, v]) => [`${path}.${key}`, v]);
}
