// mergeIntoBundle (issue 19 item 4): a CA variable that named another bundle is never silently replaced; the new
// bundle takes the old one's certificates along.
import * as assert from 'assert';
import { createBundle, mergeIntoBundle } from '../../../src/core/certs/index';
import { pemCertificates } from '../../../src/core/text/pem';
import { createTestPki } from '../../fixtures/tls';

describe('fixes: merging an existing CA file into the new bundle', () => {
  const pki = createTestPki();
  const corp = createTestPki();

  it("adds the old file's certificates once, names the source, keeps the new bundle's text", () => {
    const bundle = createBundle([pki.root.certPem], []);
    const merged = mergeIntoBundle(bundle, [{ name: '/etc/corp.pem', pem: `${corp.root.certPem}${pki.root.certPem}` }]);
    assert.ok(merged.pem.startsWith(bundle), 'the new bundle is kept as it was');
    assert.strictEqual(pemCertificates(merged.pem).length, 2, 'the duplicate root is not added twice');
    assert.match(merged.pem, /# merged from \/etc\/corp\.pem: 1 certificate\n/);
    assert.strictEqual(merged.added.length, 1);
    assert.match(merged.added[0], /SHA-256/);
    assert.deepStrictEqual(
      mergeIntoBundle(merged.pem, [{ name: 'again', pem: corp.root.certPem }]).added,
      [],
      'merging twice adds nothing',
    );
  });

  it('refuses keys and files without a certificate', () => {
    const bundle = createBundle([pki.root.certPem], []);
    assert.throws(
      () => mergeIntoBundle(bundle, [{ name: 'k.pem', pem: pki.root.keyPem }]),
      /k\.pem contains a ".*PRIVATE KEY" block/,
    );
    assert.throws(
      () => mergeIntoBundle(bundle, [{ name: 'e.pem', pem: 'nothing\n' }]),
      /e\.pem contains no PEM certificate/,
    );
  });
});
