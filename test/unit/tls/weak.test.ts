import * as assert from 'assert';
import { isWeakSignatureAlgorithm, weakKeyReason, weakSignatureReason } from '../../../src/core/tls/weak';

describe('tls/weak (the one weak-key/signature check of diagnosis and panel)', () => {
  it('flags RSA/DSA under 2048 bits and EC under 224, whatever the case of the key type', () => {
    assert.strictEqual(weakKeyReason({ keyType: 'RSA', keyBits: 1024 }), 'RSA 1024-bit key (at least 2048 needed)');
    assert.strictEqual(
      weakKeyReason({ keyType: 'rsa-pss', keyBits: 1024 }),
      'rsa-pss 1024-bit key (at least 2048 needed)',
    );
    assert.strictEqual(weakKeyReason({ keyType: 'EC', keyBits: 192 }), 'EC 192-bit key (at least 224 needed)');
    for (const ok of [
      { keyType: 'RSA', keyBits: 2048 },
      { keyType: 'EC', keyBits: 256 },
      { keyType: 'Ed25519', keyBits: 1 },
      { keyType: 'RSA', keyBits: undefined },
    ]) {
      assert.strictEqual(weakKeyReason(ok), undefined, JSON.stringify(ok));
    }
  });
  it('flags MD2/MD4/MD5 and SHA-1 digests in every spelling, not SHA-2', () => {
    for (const weak of [
      'sha1WithRSAEncryption',
      'ecdsa-with-SHA1',
      'RSA-SHA1',
      'md5WithRSAEncryption',
      'md2WithRSAEncryption',
      'SHA-1',
    ]) {
      assert.ok(isWeakSignatureAlgorithm(weak), weak);
    }
    for (const strong of ['sha256WithRSAEncryption', 'ecdsa-with-SHA384', 'ED25519', 'sha512']) {
      assert.ok(!isWeakSignatureAlgorithm(strong), strong);
    }
  });
  it('exempts self-signed CA roots from the signature check', () => {
    const c = { selfSigned: true, isCA: true, signatureAlgorithm: 'sha1WithRSAEncryption' };
    assert.strictEqual(weakSignatureReason(c), undefined);
    assert.strictEqual(weakSignatureReason({ ...c, isCA: false }), 'signed with sha1WithRSAEncryption');
  });
});
