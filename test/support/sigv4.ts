import { createHash, createHmac } from 'node:crypto';
import { RecordedRequest } from './fake-server';

/** Who must have signed a request, for which service and Region. */
export interface SigV4Signer {
  readonly service: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials: must arrive, signed, as `x-amz-security-token`. */
  readonly sessionToken?: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const FIVE_MINUTES = 5 * 60_000;

/**
 * Checks an AWS Signature Version 4 header signature the way AWS does, computed here from
 * the documented algorithm (canonical request, string to sign, derived key) rather than with
 * the SDK's own signer. Returns what is wrong; empty when the signature is valid.
 */
export function sigV4Problems(request: RecordedRequest, signer: SigV4Signer, now = Date.now()) {
  const match = AUTHORIZATION.exec(header(request, 'authorization') ?? '');
  if (!match) return ['Authorization is not an AWS4-HMAC-SHA256 signature'];
  const [, keyId, date, region, service, signedList, signature] = match;
  const problems: string[] = [];
  if (keyId !== signer.accessKeyId) problems.push('SigV4: signed with another access key');
  if (region !== signer.region) problems.push(`SigV4: scope Region must be ${signer.region}`);
  if (service !== signer.service) problems.push(`SigV4: scope service must be ${signer.service}`);
  const amzDate = header(request, 'x-amz-date') ?? '';
  const at = Date.parse(
    amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (!amzDate.startsWith(date) || Number.isNaN(at))
    problems.push('SigV4: X-Amz-Date must match the scope date');
  else if (Math.abs(now - at) > FIVE_MINUTES)
    problems.push('SigV4: request time is too far from now');
  const signed = signedList.split(';');
  for (const required of ['host', 'x-amz-date']) {
    if (!signed.includes(required)) problems.push(`SigV4: ${required} must be signed`);
  }
  if (signer.sessionToken !== undefined) {
    if (header(request, 'x-amz-security-token') !== signer.sessionToken)
      problems.push('SigV4: X-Amz-Security-Token is wrong');
    if (!signed.includes('x-amz-security-token'))
      problems.push('SigV4: X-Amz-Security-Token must be signed');
  }
  const bodyHash = sha256(request.body);
  const payloadHash = header(request, 'x-amz-content-sha256') ?? bodyHash;
  if (payloadHash !== bodyHash) problems.push('SigV4: X-Amz-Content-Sha256 is not the body hash');
  const canonical = canonicalRequest(request, signed, payloadHash);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = [date, region, service, 'aws4_request'].reduce<Buffer | string>(
    (k, part) => hmac(k, part),
    `AWS4${signer.secretAccessKey}`,
  );
  if (hmac(key, toSign).toString('hex') !== signature)
    problems.push('SigV4: signature does not match');
  return problems;
}

function canonicalRequest(request: RecordedRequest, signed: string[], payloadHash: string): string {
  const url = new URL(request.url, 'http://fake');
  const path = url.pathname
    .split('/')
    .map((segment) => encode(decodeURIComponent(segment)))
    .join('/');
  const query = [...url.searchParams]
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join('&');
  const headers = signed.map(
    (name) => `${name}:${(header(request, name) ?? '').trim().replace(/\s+/g, ' ')}\n`,
  );
  return [request.method, path || '/', query, headers.join(''), signed.join(';'), payloadHash].join(
    '\n',
  );
}

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept, everything else %XX). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: Buffer | string, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
