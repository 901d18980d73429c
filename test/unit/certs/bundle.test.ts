import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import { createBundle, splitPemCertificates } from '../../../src/core/certs/bundle';

describe('certs/bundle createBundle', () => {
  let dir: string;
  let extraPem: string;

  before(() => {
    // An independent CA made by openssl (EC: fast), so the bundle is not only tested against our own generator.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-bundle-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        path.join(dir, 'k.pem'),
        '-out',
        path.join(dir, 'ca.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=Bundle Test CA',
      ],
      { stdio: 'ignore' },
    );
    extraPem = fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds every public root plus the extra, with a header naming the extra', () => {
    const text = createBundle([extraPem]);
    const certs = splitPemCertificates(text);
    assert.strictEqual(certs.length, new Set(tls.rootCertificates).size + 1);
    assert.match(text, /^# CA bundle written by TLS Doctor/);
    assert.match(text, /^# {3}CN=Bundle Test CA \(SHA-256 [0-9A-F:]+\)$/m);
  });

  it('deduplicates extras that repeat or are already public roots', () => {
    const root = tls.rootCertificates[0];
    const text = createBundle([extraPem, extraPem.replace(/\n/g, '\r\n'), root], [root]);
    assert.strictEqual(splitPemCertificates(text).length, 2);
    assert.match(text, /1 public roots; 1 extra CA:/);
  });

  it('is loaded whole by Python ssl (a real consumer of the file)', () => {
    const file = path.join(dir, 'bundle.pem');
    fs.writeFileSync(file, createBundle([extraPem]));
    const out = execFileSync('/usr/bin/python3', [
      '-c',
      'import ssl,sys; c=ssl.create_default_context(cafile=sys.argv[1]); print(len(c.get_ca_certs()))',
      file,
    ]);
    assert.strictEqual(Number(out.toString().trim()), new Set(tls.rootCertificates).size + 1);
  });

  it('refuses private keys and text without certificates', () => {
    const key = fs.readFileSync(path.join(dir, 'k.pem'), 'utf8');
    assert.throws(() => createBundle([key]), /extra CA #1 contains a "PRIVATE KEY" block/);
    assert.throws(() => createBundle(['hello']), /extra CA #1 contains no PEM certificate/);
    const junk = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    assert.throws(() => createBundle([junk]), /extra CA #1 is not a readable certificate/);
  });
});
