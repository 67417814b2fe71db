import { IncomingMessage } from 'node:http';
import { parseRetryAfter } from './retry-after';

/** What a vendor answered. */
export interface VendorResponse {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  /** Raw body text. */
  body: string;
  /** Retry-After in ms, when the vendor sent one. */
  retryAfterMs?: number;
}

/** A vendor answer bigger than this is cut off and treated as a failure. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The whole answer, read with listeners (an async iterator cost more per request). */
export function readResponse(res: IncomingMessage): Promise<VendorResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) res.destroy(new Error('response too large'));
      else chunks.push(chunk);
    });
    res.once('error', reject);
    res.once('close', () => {
      if (!res.complete) reject(new Error('response cut off'));
    });
    res.once('end', () => resolve(toVendorResponse(res, Buffer.concat(chunks).toString('utf8'))));
  });
}

function toVendorResponse(res: IncomingMessage, body: string): VendorResponse {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    status: res.statusCode ?? 0,
    headers,
    body,
    retryAfterMs: parseRetryAfter(headers['retry-after']),
  };
}
