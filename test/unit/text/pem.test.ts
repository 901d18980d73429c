import * as assert from 'assert';
import { certificatePem, pemBlocks, pemCertificates } from '../../../src/core/text/pem';

const cert = (b64: string, label = 'CERTIFICATE') => `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----`;

describe('text/pem', () => {
  it('finds every block with its label, exact text and base64 body, skipping text between blocks', () => {
    const text = `# header\n${cert('QUJD\nREVG')}\r\njunk\n${cert('S0VZ', 'PRIVATE KEY')}\n`;
    assert.deepStrictEqual(pemBlocks(text), [
      { label: 'CERTIFICATE', text: cert('QUJD\nREVG'), base64: 'QUJDREVG' },
      { label: 'PRIVATE KEY', text: cert('S0VZ', 'PRIVATE KEY'), base64: 'S0VZ' },
    ]);
  });
  it('needs the END label to repeat the BEGIN label', () => {
    assert.deepStrictEqual(pemBlocks('-----BEGIN CERTIFICATE-----\nQUJD\n-----END PRIVATE KEY-----\n'), []);
  });
  it('keeps certificate blocks (also OpenSSL TRUSTED ones) and drops keys and empty bodies', () => {
    const text = [cert('QQ=='), cert('Qg==', 'TRUSTED CERTIFICATE'), cert('S0VZ', 'PRIVATE KEY'), cert('')].join('\n');
    assert.deepStrictEqual(pemCertificates(text), [cert('QQ=='), cert('Qg==', 'TRUSTED CERTIFICATE')]);
  });
  it('writes a normalised certificate PEM in 64-column lines', () => {
    const b64 = 'A'.repeat(70);
    assert.strictEqual(
      certificatePem(b64),
      `-----BEGIN CERTIFICATE-----\n${'A'.repeat(64)}\nAAAAAA\n-----END CERTIFICATE-----\n`,
    );
  });
});
