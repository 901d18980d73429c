// The one wording table read two ways: the probe takes what each matching wording *says* (its leading code), a
// reader of a pasted message also weighs the alternatives; both stay in the diagnosis vocabulary.
import * as assert from 'assert';
import { CAUSES } from '../../../src/core/tls/causes';
import { matchCodes, matchWordings, rankedCodes, WORDINGS } from '../../../src/core/tls/wordings';

describe('tls/wordings', () => {
  it('the probe reads the leading code only: "certificate has expired" is not also not-yet-valid', () => {
    assert.deepStrictEqual(matchCodes('certificate has expired'), ['expired']);
    assert.deepStrictEqual(rankedCodes('certificate has expired'), ['expired', 'not-yet-valid']);
    assert.deepStrictEqual(matchCodes('unable to get local issuer certificate'), ['untrusted-root']);
    assert.ok(rankedCodes('unable to get local issuer certificate').includes('trusted-by-os-not-by-client'));
  });

  it('keeps codes outside the diagnosis vocabulary to the explainer', () => {
    const windows = 'schannel: next InitializeSecurityContext failed: CRYPT_E_NO_REVOCATION_CHECK (0x80092012)';
    assert.strictEqual(matchWordings(windows).codes[0], 'revocation-check-failed');
    for (const c of [...matchCodes(windows), ...rankedCodes(windows)]) assert.ok(Object.hasOwn(CAUSES, c), c);
  });

  it('knows the wordings only the old probe table had (OpenSSL verify strings the probe sees)', () => {
    const cases: [string, string][] = [
      ['invalid CA certificate', 'invalid-ca'],
      ['path length constraint exceeded', 'constraint-violation'],
      ['permitted subtree violation', 'constraint-violation'],
      ['connect EMFILE 127.0.0.1:443', 'local-resource-limit'],
      ['x509: cannot verify signature: insecure algorithm SHA1-RSA', 'weak-signature'],
      ['ssl3_get_record:http request', 'not-tls'],
      ['tlsv1 alert internal error', 'handshake-failure'],
      ['write EPROTO ... alert number 116', 'client-cert-required'],
    ];
    for (const [text, code] of cases) assert.strictEqual(matchCodes(text)[0], code, text);
  });

  it('every entry is one wording with at least one code and no duplicate codes', () => {
    for (const w of WORDINGS) {
      assert.ok(w.codes.length > 0, String(w.re));
      assert.strictEqual(new Set(w.codes).size, w.codes.length, String(w.re));
    }
  });
});
