import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private key and its certificate, as files. */
export interface CertFiles {
  readonly cert: string;
  readonly key: string;
}

/**
 * A throwaway PKI made with the openssl CLI in a temporary directory: a self-signed CA, a
 * server certificate for `redis.test` and 127.0.0.1, a client certificate, and a second CA that
 * signed nothing here (to play the wrong CA). P-256 keys: quick to make.
 */
export class TestPki {
  readonly ca: CertFiles;
  readonly otherCa: CertFiles;
  readonly server: CertFiles;
  readonly client: CertFiles;

  private constructor(readonly dir: string) {
    this.ca = this.authority('ca', 'otg-test-ca');
    this.otherCa = this.authority('other-ca', 'otg-other-ca');
    this.server = this.signed('server', 'redis.test', 'DNS:redis.test,IP:127.0.0.1', 'serverAuth');
    this.client = this.signed('client', 'otg-gateway', 'DNS:otg-gateway', 'clientAuth');
  }

  static create(): TestPki {
    const dir = mkdtempSync(join(tmpdir(), 'otg-pki-'));
    try {
      return new TestPki(dir);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** A file in the PKI's directory, written with `content` (for broken files). */
  file(name: string, content: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private authority(name: string, subject: string): CertFiles {
    const files = this.files(name);
    openssl(
      ['req', '-x509', '-new', ...newKey(files.key), '-out', files.cert, '-days', '2'],
      ['-subj', `/CN=${subject}`, '-addext', 'basicConstraints=critical,CA:TRUE'],
      ['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    );
    return files;
  }

  private signed(name: string, subject: string, altNames: string, usage: string): CertFiles {
    const files = this.files(name);
    const csr = join(this.dir, `${name}.csr`);
    const extensions = this.file(
      `${name}.ext`,
      `subjectAltName=${altNames}\nextendedKeyUsage=${usage}\nbasicConstraints=CA:FALSE\n`,
    );
    openssl(['req', '-new', ...newKey(files.key), '-out', csr, '-subj', `/CN=${subject}`]);
    openssl(
      ['x509', '-req', '-in', csr, '-CA', this.ca.cert, '-CAkey', this.ca.key],
      ['-CAcreateserial', '-out', files.cert, '-days', '2', '-extfile', extensions],
    );
    return files;
  }

  private files(name: string): CertFiles {
    return { cert: join(this.dir, `${name}.crt`), key: join(this.dir, `${name}.key`) };
  }
}

function newKey(keyFile: string): string[] {
  return ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile];
}

function openssl(...args: string[][]): void {
  execFileSync('openssl', args.flat(), { stdio: 'ignore', timeout: 10_000 });
}
