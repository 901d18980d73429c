// Version-aware fixes (issue 10, item 6): the switch each client has, by the version present, and "point
// NODE_EXTRA_CA_CERTS at that same bundle" when a Python/curl bundle already trusts the chain.
import * as assert from 'assert';
import { checkUrl } from '../../../src/core/tls/index';
import type { CheckOptions, Fix } from '../../../src/core/tls/index';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import { fillFixes, retarget } from '../../../src/core/tls/causes';
import { certInfo } from '../../../src/core/tls/chain';
import { diagnose, Facts } from '../../../src/core/tls/diagnose';
import type { CheckReport } from '../../../src/core/tls/index';
import {
  atLeast,
  detectVersions,
  detectYarn,
  osStoreFixes,
  parseVersion,
  SWITCHES,
} from '../../../src/core/tls/versions';
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
    // The placeholders ({bundle}) are filled like the table's own fixes.
    const expected = fillFixes(osStoreFixes(found), { host: r.host, port: r.port });
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

  it('pip ≥ 24.2 on Python ≥ 3.10 needs nothing; uv ≥ 0.11 UV_SYSTEM_CERTS; conda ≥ 23.9 truststore; older: the bundle', () => {
    const one = (v: Parameters<typeof osStoreFixes>[0], client: string) =>
      osStoreFixes({ platform: 'linux', ...v }).find((f) => f.client === client);
    assert.match(one({ pip: [24, 2, 0], pipPython: [3, 11, 7] }, 'pip')?.text ?? '', /already reads the OS store/);
    assert.strictEqual(one({ pip: [24, 2, 0], pipPython: [3, 11, 7] }, 'pip')?.snippet, undefined);
    assert.match(
      one({ pip: [24, 2, 0], pipPython: [3, 9, 0] }, 'pip')?.snippet ?? '',
      /pip config set global\.cert \{bundle\}/,
    );
    assert.match(one({ pip: [23, 2, 1], pipPython: [3, 11, 7] }, 'pip')?.snippet ?? '', /global\.cert \{bundle\}/);
    assert.strictEqual(one({ uv: [0, 11, 2] }, 'uv')?.snippet, 'export UV_SYSTEM_CERTS=true');
    assert.match(one({ uv: [0, 10, 9] }, 'uv')?.snippet ?? '', /UV_NATIVE_TLS=true/);
    assert.strictEqual(one({ conda: [23, 9, 0] }, 'conda')?.snippet, 'conda config --set ssl_verify truststore');
    assert.strictEqual(one({ conda: [23, 7, 4] }, 'conda')?.snippet, 'conda config --set ssl_verify {bundle}');
  });

  it('platform switches: git schannel and Java Windows-ROOT on Windows, Java KeychainStore on macOS, none on Linux', () => {
    const win = osStoreFixes({ platform: 'win32' });
    assert.deepStrictEqual(
      win.map((f) => [f.client, f.snippet?.split(' …')[0]]),
      [
        ['git', 'git config --global http.sslBackend schannel'],
        ['java', 'java -Djavax.net.ssl.trustStoreType=Windows-ROOT'],
      ],
    );
    assert.match(osStoreFixes({ platform: 'darwin' })[0]?.snippet ?? '', /trustStoreType=KeychainStore/);
    assert.deepStrictEqual(osStoreFixes({ platform: 'linux' }), []);
  });

  it('the trust plans use the same thresholds (SWITCHES), not a copy', () => {
    assert.ok(SWITCHES.nodeUseSystemCaEnv([22, 19, 0]) && !SWITCHES.nodeUseSystemCaEnv([23, 9, 0]));
    assert.ok(SWITCHES.nodeUseSystemCaEnv([24, 6, 0]) && !SWITCHES.nodeUseSystemCaEnv([24, 5, 0]));
    assert.deepStrictEqual([1, 2, 3, 4, 5, 0].map(SWITCHES.yarnCaKey), [
      'cafile',
      'caFilePath',
      'caFilePath',
      'httpsCaFilePath',
      'httpsCaFilePath',
      undefined,
    ]);
    const src = readFileSync(path.join(__dirname, '../../../src/core/trust/mechanisms.ts'), 'utf8');
    assert.doesNotMatch(src, /'24\.2'|'0\.11'|'23\.9'|'22\.19'|'24\.6'/, 'no version literal left in mechanisms.ts');
    assert.match(src, /SWITCHES\.pipOsStore/);
  });

  describe('Yarn: the key follows the version the workspace uses', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tlsd-yarn-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const put = (f: string, t: string) => writeFileSync(path.join(dir, f), t);

    it('packageManager, then .yarnrc.yml (yarnPath names the version), then .yarnrc / yarn.lock; nothing: undefined', async () => {
      assert.strictEqual(await detectYarn(dir), undefined);
      put('yarn.lock', '# yarn lockfile v1\n');
      assert.deepStrictEqual(await detectYarn(dir), { major: 1, source: 'yarn.lock v1' });
      put('.yarnrc.yml', 'nodeLinker: node-modules\n');
      assert.deepStrictEqual(await detectYarn(dir), { source: '.yarnrc.yml' });
      put('.yarnrc.yml', 'yarnPath: .yarn/releases/yarn-3.6.4.cjs\n');
      assert.strictEqual((await detectYarn(dir))?.major, 3);
      put('package.json', JSON.stringify({ name: 'x', packageManager: 'yarn@4.5.1+sha512.abc' }));
      assert.deepStrictEqual(await detectYarn(dir), { major: 4, source: 'package.json packageManager yarn@4' });
    });

    for (const [pm, key] of [
      ['yarn@4.5.1', 'httpsCaFilePath'],
      ['yarn@3.6.4', 'caFilePath'],
      ['yarn@1.22.22', 'cafile'],
    ] as const) {
      it(`check --save-bundle in a ${pm} workspace: \`yarn config set ${key} <the saved bundle>\``, async () => {
        put('package.json', JSON.stringify({ packageManager: pm }));
        let stdout = '';
        const io: Io = { out: (t) => void (stdout += t), err: () => undefined, isTTY: false, cwd: dir, env: {} };
        await main(
          ['check', m.urls['root-sent'], '--save-bundle', 'b.pem', '--format', 'json', '--timeout', '3000'],
          io,
        );
        const r = JSON.parse(stdout) as CheckReport;
        const yarn = r.causes.find((c) => c.code === 'untrusted-root')?.fixes.find((f) => f.client === 'yarn');
        assert.strictEqual(yarn?.snippet, `yarn config set ${key} ${path.join(dir, 'b.pem')}`);
        assert.ok(existsSync(path.join(dir, 'b.pem')), 'the bundle the snippet names was written');
      });
    }

    it('--save-bundle alone: "trust exactly this certificate" names the bundle (keytool keeps its placeholder); an unwritten bundle is never named', async () => {
      let stdout = '';
      const io: Io = { out: (t) => void (stdout += t), err: () => undefined, isTTY: false, cwd: dir, env: {} };
      await main(
        ['check', m.urls['self-signed'], '--save-bundle', 'b.pem', '--format', 'json', '--timeout', '3000'],
        io,
      );
      const fixes = (JSON.parse(stdout) as CheckReport).causes.find((c) => c.code === 'self-signed')?.fixes ?? [];
      const bundle = path.join(dir, 'b.pem');
      assert.strictEqual(fixes.find((f) => f.client === 'node')?.snippet, `export NODE_EXTRA_CA_CERTS=${bundle}`);
      assert.ok(existsSync(bundle));
      for (const f of fixes.filter((x) => x.client !== 'java')) assert.doesNotMatch(f.snippet ?? '', /server\.pem/);
      assert.match(
        fixes.find((f) => f.client === 'java')?.snippet ?? '',
        /-file server\.pem/,
        'keytool imports one certificate, not a bundle',
      );
      stdout = '';
      await main(
        ['check', m.urls['root-not-sent'], '--save-bundle', 'nb.pem', '--format', 'json', '--timeout', '3000'],
        io,
      );
      assert.ok(!existsSync(path.join(dir, 'nb.pem')), 'no root to bundle: not written');
      assert.ok(!stdout.includes(path.join(dir, 'nb.pem')), 'and never named in a snippet');
      assert.match(stdout, /\/path\/to\/ca-bundle\.pem/);
    });

    it('no Yarn in the workspace: no Yarn fix', async () => {
      const r = await checkUrl(m.urls['root-sent'], { ...ISOLATED, workspace: dir });
      assert.ok(r.causes.length > 0);
      assert.ok(!r.causes.some((c) => c.fixes.some((f) => f.client === 'yarn')));
    });
  });

  it('trusted by the OS, not by Node, pip 24.2 on 3.11: the pip fix says nothing to change; the bundle fills in', () => {
    const leaf = certInfo(m.pki.leaf().certPem);
    const facts: Facts = {
      host: 'localhost',
      port: 443,
      chain: [leaf, certInfo(m.pki.intermediate.certPem)],
      hostMatches: true,
      reference: 'node',
      trust: {
        node: {
          store: 'node',
          trusted: false,
          error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY: unable to get local issuer certificate',
        },
        os: { store: 'os', trusted: true },
      },
      leaves: new Map(),
      now: new Date(),
      versions: { pip: [24, 2, 0], pipPython: [3, 11, 7], conda: [23, 1, 0], platform: 'linux' },
    };
    const [c] = diagnose(facts, { bundle: '/w/.certs/b.pem' });
    assert.strictEqual(c.code, 'trusted-by-os-not-by-client');
    const pip = c.fixes.filter((f) => f.client === 'pip');
    assert.strictEqual(pip.length, 1, 'the version-specific pip fix replaces the generic one');
    assert.match(pip[0].text, /pip 24\.2\.0 already reads the OS store/);
    assert.strictEqual(
      c.fixes.find((f) => f.client === 'conda')?.snippet,
      'conda config --set ssl_verify /w/.certs/b.pem',
    );
    assert.ok(!JSON.stringify(c.fixes).includes('{bundle}') && !JSON.stringify(c.fixes).includes('/path/to/'));
  });

  it('retarget(): after the panel saved a bundle / CA, every snippet names it; other file names stay', async () => {
    const r = await checkUrl(m.urls['root-sent'], ISOLATED);
    assert.ok(JSON.stringify(r.causes).includes('/path/to/ca-bundle.pem'), 'placeholders before');
    const t = retarget(r, { bundle: '/w/.certs/h-bundle.pem', ca: '/w/.certs/h-ca.pem' });
    const all = JSON.stringify(t.causes);
    assert.ok(!all.includes('/path/to/ca-bundle.pem'), all);
    assert.match(all, /NODE_EXTRA_CA_CERTS=\/w\/\.certs\/h-bundle\.pem/);
    assert.match(all, /-file \/w\/\.certs\/h-ca\.pem/, "Java's keytool imports the saved CA");
    assert.match(all, /-keystore truststore\.jks/, 'an unrelated file name is untouched');
    assert.strictEqual(t.verdict, r.verdict);
  });
});
