import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { RedisTlsConfig } from './redis-topology.config';

const PATH = 'store.redis.tls';

/** The TLS options of every Redis connection, or what is wrong with `store.redis.tls`. */
export type TlsFiles =
  | { readonly options: ConnectionOptions; readonly problems?: undefined }
  | { readonly problems: string[] };

/**
 * Reads and checks the files of `store.redis.tls`: readable, PEM, the key belonging to the
 * certificate. Problems name the key and the file's path, never its content.
 */
export function readTlsFiles(tls: RedisTlsConfig): TlsFiles {
  const problems: string[] = [];
  const ca = tls.caFile ? readPem(tls.caFile, 'caFile', certificate, problems) : undefined;
  const cert = tls.certFile ? readPem(tls.certFile, 'certFile', certificate, problems) : undefined;
  const key = tls.keyFile ? readPem(tls.keyFile, 'keyFile', privateKey, problems) : undefined;
  if (Boolean(tls.certFile) !== Boolean(tls.keyFile)) {
    problems.push(`${PATH}: certFile and keyFile go together (a client certificate and its key)`);
  } else if (cert && key && !new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))) {
    problems.push(`${PATH}.keyFile: is not the private key of certFile`);
  }
  if (problems.length > 0) return { problems };
  const options: ConnectionOptions = {
    ...(ca ? { ca } : {}),
    ...(cert && key ? { cert, key } : {}),
    ...(tls.servername ? { servername: tls.servername } : {}),
  };
  return { options };
}

function readPem(
  file: string,
  key: string,
  parse: (pem: string) => unknown,
  problems: string[],
): string | undefined {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    problems.push(`${PATH}.${key}: file ${file} cannot be read`);
    return undefined;
  }
  try {
    parse(pem);
    return pem;
  } catch {
    const what = parse === certificate ? 'a PEM certificate' : 'an unencrypted PEM private key';
    problems.push(`${PATH}.${key}: file ${file} is not ${what}`);
    return undefined;
  }
}

function certificate(pem: string): X509Certificate {
  return new X509Certificate(pem);
}

function privateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}
