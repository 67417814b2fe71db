import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeTls } from './fake-server';

/** A certificate authority made for one test, and a server certificate it signed for 127.0.0.1. */
export interface TestCa {
  /** The CA certificate (PEM), for `caFile`. */
  readonly caFile: string;
  /** Key and certificate of a server on 127.0.0.1. */
  readonly server: FakeTls;
  remove(): void;
}

/** Makes a throw-away CA with openssl (a one-day EC key pair) in a temporary folder. */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'otg-test-ca-'));
  const at = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=OTG test CA',
  );
  openssl(
    'req',
    ...ec,
    '-keyout',
    at('server.key'),
    '-out',
    at('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(at('san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('server.pem'),
    '-days',
    '1',
    '-extfile',
    at('san.cnf'),
  );
  return {
    caFile: at('ca.pem'),
    server: {
      key: readFileSync(at('server.key'), 'utf8'),
      cert: readFileSync(at('server.pem'), 'utf8'),
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
