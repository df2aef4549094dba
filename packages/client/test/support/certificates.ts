// Generates, with the openssl CLI, a throw-away CA, a server certificate for 127.0.0.1 signed
// by it, a client certificate for mutual TLS, and a second CA nobody trusts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  caCert: string;
  serverKey: string;
  serverCert: string;
  /** Valid for `localhost` only, not 127.0.0.1. */
  localhostKey: string;
  localhostCert: string;
  clientKey: string;
  clientCert: string;
  otherCaCert: string;
}

export function generateTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'northbound-pki-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  try {
    for (const ca of ['ca', 'other-ca']) {
      openssl('req', '-x509', ...ecKey, '-keyout', file(`${ca}.key`), '-out', file(`${ca}.crt`), '-days', '2', '-subj', `/CN=Northbound test ${ca}`,
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    }
    const leaf = (name: string, subject: string, extensions: string) => {
      openssl('req', ...ecKey, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject);
      writeFileSync(file(`${name}.ext`), extensions);
      openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial',
        '-out', file(`${name}.crt`), '-days', '2', '-extfile', file(`${name}.ext`));
    };
    leaf('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
    leaf('localhost', '/CN=localhost', 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
    leaf('client', '/CN=northbound-app', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
    const read = (name: string) => readFileSync(file(name), 'utf8');
    return {
      caCert: read('ca.crt'),
      serverKey: read('server.key'),
      serverCert: read('server.crt'),
      localhostKey: read('localhost.key'),
      localhostCert: read('localhost.crt'),
      clientKey: read('client.key'),
      clientCert: read('client.crt'),
      otherCaCert: read('other-ca.crt'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
