import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OPENSSL = process.env.OPENSSL_PATH ?? 'openssl';

/** A throw-away certificate authority and one server certificate it signed, as PEM files in a temp dir. */
export interface TestCa {
  dir: string;
  /** The CA certificate (what a browser must trust). */
  caPath: string;
  /** The server certificate for 127.0.0.1 and localhost, signed by the CA. */
  certificatePath: string;
  /** The server certificate's private key (unencrypted). */
  privateKeyPath: string;
  /** The server certificate and key as strings, for Node's `tls`/`https` servers. */
  certificate: string;
  privateKey: string;
  /** Removes the temp dir. Idempotent. */
  remove(): void;
}

const openssl = (dir: string, args: string[]) => execFileSync(OPENSSL, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

/**
 * Makes a CA and a server certificate with openssl, valid two days. P-256 keys: fast to make and accepted by
 * Kamailio's tls module, Chromium and Firefox. The server certificate names 127.0.0.1 in its subjectAltName
 * (browsers ignore the CN) and has `serverAuth`, as browsers require of TLS server certificates.
 * `name` ends up in the CA's CN, so two CAs of one test can be told apart in the browsers' NSS dbs.
 */
export function createTestCa(name = 'Dialable test CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'dialable-ca-'));
  try {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
    writeFileSync(join(dir, 'server.ext'), [
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ].join('\n'));
    openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
      '-out', 'server.pem', '-days', '2', '-sha256', '-extfile', 'server.ext']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const certificatePath = join(dir, 'server.pem');
  const privateKeyPath = join(dir, 'server.key');
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    rmSync(dir, { recursive: true, force: true });
  };
  // A crashed test still removes the keys it made.
  process.once('exit', remove);
  return {
    dir,
    caPath: join(dir, 'ca.pem'),
    certificatePath,
    privateKeyPath,
    certificate: readFileSync(certificatePath, 'utf8'),
    privateKey: readFileSync(privateKeyPath, 'utf8'),
    remove,
  };
}
