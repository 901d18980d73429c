// Suppression comments name rules or concepts: `tls-doctor: ignore verification-off` silences every rule of the concept.
import * as assert from 'assert';
import { scanText, suppressedOn } from '../../../src/core/scan/index';
import { conceptOf } from '../../../src/core/rules/registry';

const BOTH = 'ctx.check_hostname = False\nctx.verify_mode = ssl.CERT_NONE\n';

describe('scan: suppression by concept', () => {
  it('reads concept ids next to rule ids, and ignores words that are neither', () => {
    assert.deepStrictEqual(suppressedOn('# tls-doctor: ignore verification-off'), new Set(['verification-off']));
    assert.deepStrictEqual(
      suppressedOn('// tls-doctor: ignore hostname-check-off, go.insecure-skip-verify'),
      new Set(['hostname-check-off', 'go.insecure-skip-verify']),
    );
    assert.strictEqual(suppressedOn('# tls-doctor: ignore because the proxy'), '*', 'free text still means every rule');
    assert.strictEqual(suppressedOn('# tls-doctor: ignore not-a-concept'), '*');
  });

  it('silences the rules of the named concept only', () => {
    assert.strictEqual(conceptOf('python.check-hostname-false'), 'hostname-check-off');
    assert.strictEqual(conceptOf('python.verify-mode-cert-none'), 'verification-off');
    const all = scanText(BOTH, 'a.py').map((f) => f.ruleId);
    assert.deepStrictEqual(all, ['python.check-hostname-false', 'python.verify-mode-cert-none']);
    const lines = BOTH.split('\n');
    const marked = `${lines[0]}  # tls-doctor: ignore hostname-check-off\n${lines[1]}  # tls-doctor: ignore hostname-check-off\n`;
    assert.deepStrictEqual(
      scanText(marked, 'a.py').map((f) => f.ruleId),
      ['python.verify-mode-cert-none'],
    );
    const above = `# tls-doctor: ignore verification-off\n${lines[1]}\n`;
    assert.deepStrictEqual(scanText(above, 'a.py'), []);
  });

  it('works in every surface: a shell comment names the concept of curl -k', () => {
    assert.strictEqual(scanText('curl -k https://x.test  # tls-doctor: ignore verification-off\n', 'run.sh').length, 0);
    assert.strictEqual(
      scanText('curl -k https://x.test  # tls-doctor: ignore tool-config-switch\n', 'run.sh').length,
      1,
    );
    assert.strictEqual(
      scanText('# tls-doctor: ignore process-env-switch\nNODE_TLS_REJECT_UNAUTHORIZED=0\n', '.env').length,
      0,
    );
  });
});
