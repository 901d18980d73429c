// Version-aware fixes (issue 10, item 6): the switch each client has, by the version present, and "point
// NODE_EXTRA_CA_CERTS at that same bundle" when a Python/curl bundle already trusts the chain.
import * as assert from 'assert';
import { checkUrl } from '../../../src/core/tls/index';
import type { CheckOptions, Fix } from '../../../src/core/tls/index';
import { atLeast, detectVersions, osStoreFixes, parseVersion } from '../../../src/core/tls/versions';
import { Matrix, startMatrix } from '../../fixtures/tls';

const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: 3000 };
const nodeFix = (fixes: readonly Fix[]) => fixes.find((f) => f.client === 'node');

describe('version-aware fixes', function () {
  this.timeout(30_000);
  let m: Matrix;
  before(async () => {
    m = await startMatrix();
  });
  after(async () => {
    await m?.close();
  });

  it('parses and compares versions', () => {
    assert.deepStrictEqual(parseVersion('v22.19.0'), [22, 19, 0]);
    assert.deepStrictEqual(parseVersion('Python 3.11.7'), [3, 11, 7]);
    assert.strictEqual(parseVersion('no version'), undefined);
    assert.ok(atLeast([22, 19, 0], [22, 19]) && atLeast([23, 0, 0], [22, 19]) && !atLeast([22, 18, 9], [22, 19]));
  });

  it('Node: NODE_USE_SYSTEM_CA=1 from 22.19 / 24.6, --use-system-ca from 23.8, nothing for 20; Python ≥ 3.10: truststore', () => {
    const node = (v: number[]) => osStoreFixes({ node: v }).find((f) => f.client === 'node')?.snippet;
    assert.strictEqual(node([22, 19, 0]), 'export NODE_USE_SYSTEM_CA=1');
    assert.strictEqual(node([24, 6, 0]), 'export NODE_USE_SYSTEM_CA=1');
    assert.match(node([23, 8, 0]) ?? '', /--use-system-ca/);
    assert.match(node([24, 5, 0]) ?? '', /--use-system-ca/, '24.0–24.5 have the flag, not the variable');
    assert.strictEqual(node([22, 18, 0]), undefined);
    assert.strictEqual(node([20, 20, 2]), undefined);
    assert.match(osStoreFixes({ python: [3, 10, 0] })[0]?.snippet ?? '', /truststore\.inject_into_ssl\(\)/);
    assert.deepStrictEqual(osStoreFixes({ python: [3, 9, 18] }), []);
  });

  it('REQUESTS_CA_BUNDLE trusts the chain, Node does not: "point NODE_EXTRA_CA_CERTS at that same bundle"', async () => {
    const r = await checkUrl(m.urls['root-not-sent'], { ...ISOLATED, env: { REQUESTS_CA_BUNDLE: m.rootFile } });
    assert.strictEqual(r.trust.REQUESTS_CA_BUNDLE.trusted, true);
    const fix = nodeFix(r.causes[0].fixes);
    assert.match(
      fix?.text ?? '',
      /REQUESTS_CA_BUNDLE .* already trusts this chain: point NODE_EXTRA_CA_CERTS at that same bundle/,
    );
    assert.strictEqual(fix?.snippet, `export NODE_EXTRA_CA_CERTS=${m.rootFile}`);
    const plain = await checkUrl(m.urls['root-not-sent'], ISOLATED);
    assert.doesNotMatch(nodeFix(plain.causes[0].fixes)?.text ?? '', /same bundle/);
  });

  it('trusted by the OS, not by Node: the fixes follow the versions on PATH (measured here)', async () => {
    const found = await detectVersions('python3', 5000);
    const r = await checkUrl(m.urls['root-not-sent'], { ...ISOLATED, osStorePaths: [m.rootFile] });
    const c = r.causes.find((x) => x.code === 'trusted-by-os-not-by-client');
    assert.ok(c, r.causes.map((x) => x.code).join());
    const expected = osStoreFixes(found);
    for (const e of expected) {
      assert.ok(
        c.fixes.some((f) => f.snippet === e.snippet),
        `${e.snippet} in the fixes`,
      );
    }
    if (found.node && !atLeast(found.node, [22, 19])) {
      assert.ok(!c.fixes.some((f) => f.snippet === 'export NODE_USE_SYSTEM_CA=1'), 'no switch this Node lacks');
    }
  });
});
