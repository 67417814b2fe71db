import { AcsConnection } from './azure-acs.types';

/**
 * The endpoint and access key of a connection string (`endpoint=…;accesskey=…`, keys in any
 * case), or undefined when it is not one (checked at boot, so the SDK never gets a bad one).
 */
export function parseConnectionString(value: string): AcsConnection | undefined {
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const endpoint = parts.get('endpoint');
  const accessKey = parts.get('accesskey');
  if (!endpoint || !accessKey || !/^https?:\/\/[^\s/]/.test(endpoint)) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(accessKey)) return undefined;
  return { endpoint, accessKey };
}

/** A connection string for `endpoint` (a `baseUrl` override) with the same key. */
export function withEndpoint(connection: AcsConnection, endpoint: string): string {
  return `endpoint=${endpoint};accesskey=${connection.accessKey}`;
}
