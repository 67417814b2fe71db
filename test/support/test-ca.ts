import { readFileSync } from 'node:fs';
import { FakeTls } from './fake-server';
import { TestPki } from './tls-certs';

/** A certificate authority made for one test, and a server certificate it signed for 127.0.0.1. */
export interface TestCa {
  /** The CA certificate (PEM), for `caFile`. */
  readonly caFile: string;
  /** Key and certificate of a server on 127.0.0.1. */
  readonly server: FakeTls;
  remove(): void;
}

/** A throw-away CA (TestPki: openssl, in a temporary folder) with a server certificate read in. */
export function makeTestCa(): TestCa {
  const pki = TestPki.create();
  return {
    caFile: pki.ca.cert,
    server: {
      key: readFileSync(pki.server.key, 'utf8'),
      cert: readFileSync(pki.server.cert, 'utf8'),
    },
    remove: () => pki.remove(),
  };
}
