// Certificate files of every kind, made by the openssl CLI at test time in a temp folder: a root, a leaf it signed
// (EC P-256, SANs, AIA/OCSP, CRL, policy), the chain as PEM, DER, PKCS#7, PKCS#12 (OpenSSL 3 default and -legacy,
// i.e. RC2-40 + 3DES), a CSR, and bad input.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const PASSWORD = 's3cret pass';

export interface Files {
  readonly dir: string;
  readonly [name: string]: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Makes the files once per test file (≈ 0.3 s); remove `dir` in `after`. */
export function makeFiles(): Files {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-inspect-'));
  const o = (...args: string[]) => openssl(dir, args);
  o(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=Inspect Test Root',
    '-days',
    '3650',
    '-addext',
    'basicConstraints=critical,CA:TRUE,pathlen:0',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'nameConstraints=critical,permitted;DNS:.example.test,excluded;IP:10.9.0.0/255.255.0.0',
  );
  o(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
    '-subj',
    '/CN=app.example.test/O=Acme',
    '-addext',
    'subjectAltName=DNS:app.example.test,IP:10.0.0.1',
  );
  fs.writeFileSync(
    path.join(dir, 'ext.cnf'),
    [
      'subjectAltName=DNS:app.example.test,IP:10.0.0.1',
      'authorityInfoAccess=OCSP;URI:http://ocsp.example.test,caIssuers;URI:http://ca.example.test/root.crt',
      'crlDistributionPoints=URI:http://crl.example.test/root.crl',
      'certificatePolicies=2.23.140.1.2.1',
      'extendedKeyUsage=serverAuth',
      'keyUsage=digitalSignature',
      '',
    ].join('\n'),
  );
  o(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '90',
    '-extfile',
    'ext.cnf',
  );
  fs.writeFileSync(
    path.join(dir, 'chain.pem'),
    `Bundle from IT\n${fs.readFileSync(path.join(dir, 'root.pem'), 'utf8')}\n# the server\n${fs.readFileSync(path.join(dir, 'leaf.pem'), 'utf8')}`,
  );
  o('x509', '-in', 'leaf.pem', '-outform', 'der', '-out', 'leaf.der');
  o('crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'der', '-out', 'chain.p7b');
  o(
    'pkcs12',
    '-export',
    '-in',
    'leaf.pem',
    '-inkey',
    'leaf.key',
    '-certfile',
    'root.pem',
    '-passout',
    `pass:${PASSWORD}`,
    '-out',
    'new.p12',
  );
  o(
    'pkcs12',
    '-export',
    '-legacy',
    '-in',
    'leaf.pem',
    '-inkey',
    'leaf.key',
    '-certfile',
    'root.pem',
    '-passout',
    `pass:${PASSWORD}`,
    '-out',
    'legacy.p12',
  );
  o('pkcs12', '-export', '-in', 'leaf.pem', '-nokeys', '-passout', 'pass:', '-out', 'nopass.p12');
  o(
    'req',
    '-x509',
    '-newkey',
    'rsa:1024',
    '-sha1',
    '-nodes',
    '-keyout',
    'weak.key',
    '-out',
    'weak.pem',
    '-subj',
    '/CN=old.example.test',
    '-days',
    '800',
    '-addext',
    'basicConstraints=CA:FALSE',
  );
  o(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'small.key',
    '-out',
    'small.pem',
    '-subj',
    '/CN=s',
    '-days',
    '30',
  );
  o('pkey', '-in', 'leaf.key', '-outform', 'der', '-out', 'key.der');
  fs.writeFileSync(
    path.join(dir, 'garbage.bin'),
    Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256)),
  );
  fs.writeFileSync(path.join(dir, 'trunc.der'), fs.readFileSync(path.join(dir, 'leaf.der')).subarray(0, 300));
  fs.writeFileSync(path.join(dir, 'empty.pem'), '');
  const names = [
    'root.pem',
    'root.key',
    'leaf.pem',
    'leaf.key',
    'leaf.csr',
    'chain.pem',
    'leaf.der',
    'chain.p7b',
    'new.p12',
    'legacy.p12',
    'nopass.p12',
    'weak.pem',
    'small.pem',
    'key.der',
    'garbage.bin',
    'trunc.der',
    'empty.pem',
  ];
  return Object.fromEntries([['dir', dir], ...names.map((n) => [n, path.join(dir, n)])]) as Files;
}
