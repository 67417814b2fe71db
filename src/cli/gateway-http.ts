import { networkError } from './network-error';

/** An HTTP answer of the gateway, timed from the request to the last byte. */
export interface GatewayAnswer {
  readonly status: number;
  readonly durationMs: number;
  /** Parsed JSON, or the text when the body is not JSON. */
  readonly body: unknown;
}

export interface GatewayRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Long enough to tell "too slow for Okta" (3 s) from "no answer at all". */
const TIMEOUT_MS = 10_000;

/** One request to a running gateway; a connection failure becomes an actionable CliError. */
export async function callGateway(url: string, request: GatewayRequest): Promise<GatewayAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...request, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text();
    return {
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      body: parse(text, response.headers.get('content-type')),
    };
  } catch (error) {
    throw networkError(error, 'the gateway', url) ?? error;
  }
}

/** `base` + `path`, without a doubled slash; a base that is not an http(s) URL is refused. */
export function gatewayUrl(base: string, path: string): string | undefined {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`;
}

function parse(text: string, contentType: string | null): unknown {
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
