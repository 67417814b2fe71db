import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary, itOrSkip } from './skip';

/** `openssl` on the PATH (Debian: the openssl package, which CI installs). */
const OPENSSL = findBinary('openssl');

/**
 * `it` for tests that need a certificate made by openssl: skipped with a printed reason when it
 * is missing, except under CI=true, where that fails.
 */
export function itWithOpenssl(name: string, test: () => Promise<void>, timeout?: number): void {
  const missing = 'openssl is not installed (apt-get install openssl)';
  itOrSkip(OPENSSL || process.env.CI === 'true' ? undefined : missing, name, test, timeout);
}

/** An https server on 127.0.0.1 with a new self-signed certificate, and that certificate's PEM file. */
export interface SelfSignedServer {
  readonly url: string;
  /** The certificate, usable as NODE_EXTRA_CA_CERTS. */
  readonly certFile: string;
  close(): Promise<void>;
}

export async function selfSignedServer(
  answer: (path: string) => unknown,
): Promise<SelfSignedServer> {
  if (!OPENSSL) throw new Error('openssl is not installed (apt-get install openssl)');
  const dir = mkdtempSync(join(tmpdir(), 'otg-cli-tls-'));
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    OPENSSL,
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
    ],
    { stdio: 'ignore' },
  );
  const server: Server = createServer(
    { key: readFileSync(keyFile), cert: readFileSync(certFile) },
    (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer(req.url ?? '')));
    },
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    certFile,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
