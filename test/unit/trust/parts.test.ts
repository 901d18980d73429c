// The parts of `tls-doctor trust` one by one: lossless edits, diffs, vendors, root refusals, version-aware
// mechanisms, the journal's byte-exact undo, the audit, and the CLI's refusals.
import * as assert from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import fc from 'fast-check';
import { auditTrust, certifiAppended } from '../../../src/core/trust/audit';
import type { Tool, ToolId } from '../../../src/core/trust/detect';
import { unifiedDiff } from '../../../src/core/trust/diff';
import { readKey, setKey, setMarkedLine } from '../../../src/core/trust/edit';
import { applyPlan, undoJournal } from '../../../src/core/trust/journal';
import { mechanismFor, PlanContext } from '../../../src/core/trust/mechanisms';
import { buildPlan } from '../../../src/core/trust/plan';
import { userPaths } from '../../../src/core/trust/paths';
import { RootCandidate, rootFromUrl, rootsFromFile } from '../../../src/core/trust/root';
import { classify } from '../../../src/core/trust/verify';
import { vendorOf } from '../../../src/core/trust/vendors';
import { createTestPki, TestPki } from '../../fixtures/tls/pki';
import { runCliWith } from '../cliHarness';

/** One test PKI for the whole file (RSA key generation is the slow part). */
let sharedPki: TestPki | undefined;
function testPki(): TestPki {
  sharedPki ??= createTestPki();
  return sharedPki;
}

const GIT_HTTP = { section: 'http', match: /^\s*sslcainfo\s*=/i, line: '\tsslCAInfo = /b.pem' };

describe('trust: lossless edits (setKey, setMarkedLine)', () => {
  it('adds a key at the end of its section, keeping every other byte and the CRLF line endings', () => {
    const text = '[user]\r\n\tname = A\r\n[http]\r\n\tpostBuffer = 1\r\n\r\n[alias]\r\n\tst = status\r\n';
    assert.strictEqual(
      setKey(text, GIT_HTTP),
      '[user]\r\n\tname = A\r\n[http]\r\n\tpostBuffer = 1\r\n\tsslCAInfo = /b.pem\r\n\r\n[alias]\r\n\tst = status\r\n',
    );
  });

  it('replaces the value where it is (case-insensitive key), and a second run changes nothing', () => {
    const text = '[HTTP]\n\tSSLCAInfo = /old.pem # mine\n';
    const once = setKey(text, GIT_HTTP);
    assert.strictEqual(once, '[HTTP]\n\tsslCAInfo = /b.pem\n');
    assert.strictEqual(setKey(once, GIT_HTTP), once);
  });

  it('leaves a sub-section ([http "https://x"]) alone and creates the plain section', () => {
    const text = '[http "https://x"]\n\tsslCAInfo = /x.pem\n';
    assert.strictEqual(
      setKey(text, GIT_HTTP),
      '[http "https://x"]\n\tsslCAInfo = /x.pem\n[http]\n\tsslCAInfo = /b.pem\n',
    );
  });

  it('adds the missing final line break only where it appends', () => {
    assert.strictEqual(
      setKey('registry=https://r/', { flat: true, match: /^\s*cafile\s*=/, line: 'cafile=/b.pem' }),
      'registry=https://r/\ncafile=/b.pem\n',
    );
    assert.strictEqual(
      setKey('', { section: 'global', match: /^\s*cert\s*=/, line: 'cert = /b.pem' }),
      '[global]\ncert = /b.pem\n',
    );
  });

  it('in flat files (shell), a `[ -z "$x" ]` line is not a section header', () => {
    const text = '[ -z "$PS1" ] && return\nalias ll=ls\n';
    const out = setMarkedLine(text, '# tls-doctor trust', '. /env.sh # tls-doctor trust');
    assert.strictEqual(out, `${text}. /env.sh # tls-doctor trust\n`);
    assert.strictEqual(setMarkedLine(out, '# tls-doctor trust', '. /env.sh # tls-doctor trust'), out);
    assert.strictEqual(
      setMarkedLine(out, '# tls-doctor trust', '. /other.sh # tls-doctor trust'),
      `${text}. /other.sh # tls-doctor trust\n`,
    );
  });

  it('property: appending keeps the original text as a prefix, and re-applying is a no-op', () => {
    const line = fc.stringMatching(/^[a-z =#"[\]-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (lines, eol, finalEol) => {
          const text = lines.join(eol) + (finalEol && lines.length ? eol : '');
          const edit = { flat: true, match: /^\s*cafile\s*=/, line: 'cafile=/b.pem' };
          const out = setKey(text, edit);
          const sep = text === '' || text.endsWith('\n') ? '' : text.includes('\r\n') ? '\r\n' : '\n';
          const nl = text.includes('\r\n') ? '\r\n' : '\n';
          assert.strictEqual(out, `${text}${sep}cafile=/b.pem${nl}`);
          assert.strictEqual(setKey(out, edit), out);
        },
      ),
    );
  });

  it('readKey finds a value in its section only', () => {
    const text = '[install]\ncert = /no.pem\n[global]\ncert = /yes.pem\n';
    assert.strictEqual(readKey(text, 'global', /^\s*cert\s*=\s*(.*)$/), '/yes.pem');
    assert.strictEqual(readKey(text, 'nope', /^\s*cert\s*=\s*(.*)$/), undefined);
  });
});

describe('trust: unified diff', () => {
  it('is empty for equal texts, shows a new file from /dev/null, and a deletion before its replacement', () => {
    assert.strictEqual(unifiedDiff('f', 'a\n', 'a\n'), '');
    assert.strictEqual(unifiedDiff('f', undefined, 'x\n'), '--- /dev/null\n+++ f\n@@ -0,0 +1,1 @@\n+x\n');
    assert.strictEqual(unifiedDiff('f', 'a\nb\nc\n', 'a\nB\nc\n'), '--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });

  it('makes a CRLF or a missing final line break visible', () => {
    assert.match(unifiedDiff('f', 'a', 'a\nb\n'), /^-a {2}\(no newline at end\)$/m);
    assert.match(unifiedDiff('f', 'a\r\n', 'a\r\nb\r\n'), /^\+b⏎\(CRLF\)$/m);
  });
});

describe('trust: inspection vendors', () => {
  it('names the product from the subject or the issuer', () => {
    assert.strictEqual(vendorOf('CN=Zscaler Root CA, O=Zscaler Inc.', ''), 'Zscaler');
    assert.strictEqual(vendorOf('CN=ca.acme.goskope.com', 'emailAddress=certadmin@netskope.com'), 'Netskope');
    assert.strictEqual(vendorOf('CN=Fortinet_CA_SSL', ''), 'Fortinet FortiGate');
    assert.strictEqual(vendorOf('CN=TLS Doctor Test Root', 'CN=TLS Doctor Test Root'), undefined);
  });
});

/** A throw-away folder for one test group. */
function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `tls-doctor-${prefix}-`));
}

describe('trust: finding the root (consent comes later; refusals here)', function () {
  this.timeout(20_000);
  let pki: TestPki;
  let dir: string;
  const env = { HOME: '/nonexistent' };
  before(() => {
    pki = testPki();
    dir = tempDir('roots');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function file(name: string, text: string): string {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  }

  it('accepts a root (+ intermediate) from a file, with its fingerprint, and sees whether the OS store has it', async () => {
    const f = file('both.pem', pki.intermediate.certPem + pki.root.certPem);
    const [r] = await rootsFromFile(f, { env, osStorePaths: [] });
    assert.ok('root' in r, JSON.stringify(r));
    assert.strictEqual(r.root.sha256, new X509Certificate(pki.root.certPem).fingerprint256);
    assert.strictEqual(r.root.intermediates.length, 1);
    assert.strictEqual(r.root.inOsStore, false);
    const [inOs] = await rootsFromFile(f, { env, osStorePaths: [file('os.pem', pki.root.certPem)] });
    assert.ok('root' in inOs && inOs.root.inOsStore);
  });

  it('refuses a leaf, an expired root, a publicly trusted root, and a file without a root', async () => {
    const leaf = await rootsFromFile(file('leaf.pem', pki.leaf().certPem), { env, osStorePaths: [] });
    assert.match('refused' in leaf[0] ? leaf[0].refused.reason : '', /leaf/);
    const expired = await rootsFromFile(file('root.pem', pki.root.certPem), {
      env,
      osStorePaths: [],
      now: new Date(Date.now() + 20 * 365 * 86_400_000),
    });
    assert.match('refused' in expired[0] ? expired[0].refused.reason : '', /expired/);
    const valid = tls.rootCertificates.find(
      (p) => Date.parse(new X509Certificate(p).validTo) > Date.now() + 86_400_000,
    ) as string;
    const pub = await rootsFromFile(file('public.pem', valid), { env, osStorePaths: [] });
    assert.match('refused' in pub[0] ? pub[0].refused.reason : '', /publicly trusted/);
    const noRoot = await rootsFromFile(file('inter.pem', pki.intermediate.certPem), { env, osStorePaths: [] });
    assert.match('refused' in noRoot[0] ? noRoot[0].refused.reason : '', /no root/);
  });

  it('from a URL, through HTTPS_PROXY: the root of the chain the proxy presents (its CONNECT tunnel ends at the inspector)', async () => {
    const leaf = pki.leaf({ hosts: ['127.0.0.1'] });
    const inspector = https.createServer(
      { key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem + pki.root.certPem },
      (_q, s) => s.end('ok'),
    );
    await new Promise<void>((resolve) => inspector.listen(0, '127.0.0.1', resolve));
    const targets: string[] = [];
    const proxy = http.createServer();
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      targets.push(req.url ?? '');
      const upstream = net.connect((inspector.address() as AddressInfo).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const env = { HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
      const r = await rootFromUrl('https://pypi.example.test/', { env, osStorePaths: [] });
      assert.ok('root' in r, JSON.stringify(r));
      assert.strictEqual(r.root.sha256, new X509Certificate(pki.root.certPem).fingerprint256);
      assert.deepStrictEqual([...new Set(targets)], ['pypi.example.test:443']);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
      inspector.closeAllConnections();
      inspector.close();
    }
  });

  it('from a URL whose server leaves the root out: takes the issuer from the OS store, else says to use --ca', async () => {
    const leaf = pki.leaf({ hosts: ['127.0.0.1'] });
    const server = https.createServer({ key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem }, (_q, s) =>
      s.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const withOs = await rootFromUrl(url, { env: {}, osStorePaths: [file('os2.pem', pki.root.certPem)] });
      assert.ok('root' in withOs, JSON.stringify(withOs));
      assert.strictEqual(withOs.root.subject, 'CN=TLS Doctor Test Root, O=TLS Doctor Test');
      assert.ok(withOs.root.inOsStore);
      const without = await rootFromUrl(url, { env: {}, osStorePaths: [] });
      assert.match('refused' in without ? without.refused.reason : '', /--ca FILE/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

function tool(id: ToolId, version?: string, facts: Record<string, string> = {}): Tool {
  return { id, path: `/usr/bin/${id}`, ...(version ? { version } : {}), facts };
}

function ctx(inOsStore: boolean, home = '/h'): PlanContext {
  const paths = userPaths({ HOME: home }, 'linux');
  return {
    paths,
    env: { HOME: home },
    bundle: '/d/bundle.pem',
    ca: '/d/ca.pem',
    truststore: '/d/ts.p12',
    inOsStore,
    rootNames: [],
  };
}

describe('trust: user folders come from the environment only', () => {
  it('HOME, XDG_CONFIG_HOME and XDG_DATA_HOME on Linux; APPDATA and LOCALAPPDATA on Windows; Library on macOS', () => {
    assert.deepStrictEqual(userPaths({ HOME: '/h' }, 'linux'), {
      platform: 'linux',
      home: '/h',
      config: '/h/.config',
      data: '/h/.local/share/tls-doctor/trust',
      envDir: '/h/.config/tls-doctor',
    });
    const xdg = userPaths({ HOME: '/h', XDG_CONFIG_HOME: '/c', XDG_DATA_HOME: '/d' }, 'linux');
    assert.strictEqual(xdg.data, '/d/tls-doctor/trust');
    assert.strictEqual(xdg.envDir, '/c/tls-doctor');
    assert.strictEqual(
      userPaths({ HOME: '/h', XDG_DATA_HOME: 'relative' }, 'linux').data,
      '/h/.local/share/tls-doctor/trust',
    );
    const win = userPaths(
      {
        USERPROFILE: 'C:\\Users\\u',
        APPDATA: 'C:\\Users\\u\\AppData\\Roaming',
        LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
      },
      'win32',
    );
    assert.strictEqual(win.data, 'C:\\Users\\u\\AppData\\Local\\tls-doctor\\trust');
    assert.strictEqual(win.envDir, 'C:\\Users\\u\\AppData\\Roaming\\tls-doctor');
    assert.strictEqual(
      userPaths({ HOME: '/Users/u' }, 'darwin').data,
      '/Users/u/Library/Application Support/tls-doctor/trust',
    );
    assert.throws(() => userPaths({}, 'linux'), /HOME is not set/);
  });
});

describe('trust: version-aware mechanisms', () => {
  it('pip ≥ 24.2 on Python ≥ 3.10 needs nothing only when the root is in the OS store', () => {
    const modern = tool('pip', '24.2', { python: '3.12' });
    assert.ok(mechanismFor(modern, ctx(true)).unchanged);
    assert.strictEqual(mechanismFor(modern, ctx(false)).edits[0]?.file, '/h/.config/pip/pip.conf');
    assert.strictEqual(
      mechanismFor(tool('pip', '24.2', { python: '3.9' }), ctx(true)).edits[0]?.edit.line,
      'cert = /d/bundle.pem',
    );
    assert.strictEqual(mechanismFor(tool('pip', '23.0.1', { python: '3.11' }), ctx(true)).edits.length, 1);
  });

  it('Node: NODE_USE_SYSTEM_CA from 22.19 / 24.6 when the root is in the OS store, else NODE_EXTRA_CA_CERTS with the root alone', () => {
    assert.deepStrictEqual(mechanismFor(tool('node', '22.19.0'), ctx(true)).env, { NODE_USE_SYSTEM_CA: '1' });
    assert.deepStrictEqual(mechanismFor(tool('node', '24.6.0'), ctx(true)).env, { NODE_USE_SYSTEM_CA: '1' });
    assert.deepStrictEqual(mechanismFor(tool('node', '23.1.0'), ctx(true)).env, { NODE_EXTRA_CA_CERTS: '/d/ca.pem' });
    assert.deepStrictEqual(mechanismFor(tool('node', '22.18.0'), ctx(true)).env, { NODE_EXTRA_CA_CERTS: '/d/ca.pem' });
    assert.deepStrictEqual(mechanismFor(tool('node', '24.6.0'), ctx(false)).env, { NODE_EXTRA_CA_CERTS: '/d/ca.pem' });
  });

  it('uv, conda and Yarn pick their switch by version', () => {
    assert.deepStrictEqual(mechanismFor(tool('uv', '0.11.2'), ctx(true)).env, { UV_SYSTEM_CERTS: 'true' });
    assert.deepStrictEqual(mechanismFor(tool('uv', '0.10.9'), ctx(true)).env, { SSL_CERT_FILE: '/d/bundle.pem' });
    assert.strictEqual(mechanismFor(tool('conda', '23.9.0'), ctx(true)).edits[0].edit.line, 'ssl_verify: truststore');
    assert.strictEqual(
      mechanismFor(tool('conda', '23.9.0'), ctx(false)).edits[0].edit.line,
      'ssl_verify: /d/bundle.pem',
    );
    assert.strictEqual(mechanismFor(tool('yarn', '1.22.19'), ctx(false)).edits[0].edit.line, 'cafile "/d/bundle.pem"');
    assert.strictEqual(mechanismFor(tool('yarn', '3.6.0'), ctx(false)).edits[0].edit.line, 'caFilePath: /d/bundle.pem');
    assert.strictEqual(
      mechanismFor(tool('yarn', '4.5.0'), ctx(false)).edits[0].edit.line,
      'httpsCaFilePath: /d/bundle.pem',
    );
  });

  it('git, curl, wget, npm point at the bundle in the user files; AWS and gcloud by variables; Docker is text only', () => {
    assert.strictEqual(mechanismFor(tool('git', '2.39'), ctx(false)).edits[0].file, '/h/.gitconfig');
    assert.strictEqual(mechanismFor(tool('curl', '8.0'), ctx(false)).edits[0].edit.line, 'cacert = "/d/bundle.pem"');
    assert.strictEqual(mechanismFor(tool('wget', '1.21'), ctx(false)).edits[0].file, '/h/.wgetrc');
    assert.strictEqual(mechanismFor(tool('npm', '10.0'), ctx(false)).edits[0].edit.line, 'cafile=/d/bundle.pem');
    assert.deepStrictEqual(mechanismFor(tool('aws', '2.15'), ctx(false)).env, { AWS_CA_BUNDLE: '/d/bundle.pem' });
    assert.deepStrictEqual(mechanismFor(tool('gcloud', '470'), ctx(false)).env, {
      CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE: '/d/bundle.pem',
    });
    const docker = mechanismFor(tool('docker', '27'), ctx(false));
    assert.ok(
      docker.unchanged && docker.edits.length === 0 && docker.notes.some((n) => /update-ca-certificates/.test(n)),
    );
  });
});

describe('trust: journal (apply, undo)', function () {
  this.timeout(20_000);
  let pki: TestPki;
  before(() => {
    pki = testPki();
  });

  function root(): RootCandidate {
    const x = new X509Certificate(pki.root.certPem);
    return {
      pem: x.toString(),
      subject: 'CN=r',
      issuer: 'CN=r',
      sha256: x.fingerprint256,
      notAfter: '2036',
      source: 'test',
      intermediates: [],
      inOsStore: false,
    };
  }

  it('keeps bytes that are not UTF-8 through apply, and undo restores them exactly', () => {
    const home = tempDir('journal');
    try {
      const curlrc = path.join(home, '.curlrc');
      const original = Buffer.from([0x23, 0x20, 0xe9, 0xff, 0x0a, 0x73, 0x69, 0x6c, 0x65, 0x6e, 0x74, 0x0a]); // "# \xe9\xff\nsilent\n"
      writeFileSync(curlrc, original);
      const env = { HOME: home, PATH: '' };
      const plan = buildPlan([root()], [tool('curl', '7.88')], userPaths(env, 'linux'), env);
      const r = applyPlan(plan);
      assert.deepStrictEqual(r.errors, []);
      const after = readFileSync(curlrc);
      assert.ok(after.subarray(0, original.length).equals(original), after.toString('latin1'));
      assert.match(after.toString('latin1'), /cacert = ".*bundle\.pem"\n$/);
      undoJournal(userPaths(env, 'linux'));
      assert.ok(readFileSync(curlrc).equals(original));
      assert.ok(!existsSync(path.join(home, '.local')));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('undo keeps a copy of a file edited after apply before restoring it', () => {
    const home = tempDir('journal3');
    try {
      const wgetrc = path.join(home, '.wgetrc');
      writeFileSync(wgetrc, 'tries = 3\n');
      const env = { HOME: home, PATH: '' };
      applyPlan(buildPlan([root()], [tool('wget', '1.21')], userPaths(env, 'linux'), env));
      const edited = `${readFileSync(wgetrc, 'utf8')}timeout = 5\n`;
      writeFileSync(wgetrc, edited);
      const r = undoJournal(userPaths(env, 'linux'));
      assert.strictEqual(readFileSync(wgetrc, 'utf8'), 'tries = 3\n');
      assert.deepStrictEqual(r?.backups, [`${wgetrc}.tls-doctor-undo.bak`]);
      assert.strictEqual(readFileSync(`${wgetrc}.tls-doctor-undo.bak`, 'utf8'), edited);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('refuses to write a file outside the user folders (a system file)', () => {
    const home = tempDir('journal2');
    try {
      const env = { HOME: home, PATH: '', WGETRC: '/etc/wgetrc' };
      const plan = buildPlan([root()], [tool('wget', '1.21')], userPaths(env, 'linux'), env);
      assert.throws(() => applyPlan(plan), /refusing to write \/etc\/wgetrc/);
      assert.ok(!existsSync(path.join(home, '.local')), 'nothing written, not even the journal');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('trust: audit', function () {
  this.timeout(20_000);
  it('flags insecure switches, missing files, root-only bundles, a file in GIT_SSL_CAPATH and UV_NATIVE_TLS', () => {
    const home = tempDir('audit');
    try {
      const pki = testPki();
      const rootOnly = path.join(home, 'root-only.pem');
      writeFileSync(rootOnly, pki.root.certPem);
      writeFileSync(path.join(home, '.npmrc'), 'strict-ssl=false\ncafile=~/missing.pem\n');
      writeFileSync(path.join(home, '.gitconfig'), '[http]\n\tsslVerify = false\n');
      mkdirSync(path.join(home, '.config', 'pip'), { recursive: true });
      writeFileSync(path.join(home, '.config', 'pip', 'pip.conf'), '[global]\ntrusted-host = pypi.org\n');
      writeFileSync(path.join(home, '.curlrc'), '# curl options\ninsecure\n');
      const env = {
        HOME: home,
        REQUESTS_CA_BUNDLE: rootOnly,
        SSL_CERT_FILE: path.join(home, 'gone.pem'),
        GIT_SSL_CAPATH: rootOnly,
        UV_NATIVE_TLS: '1',
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
        NODE_EXTRA_CA_CERTS: rootOnly,
      };
      const c = { ...ctx(false, home), env };
      const found = auditTrust(env, c).map(
        (f) => `${f.severity} ${f.where.replace(home, '~')}: ${f.message.replace(home, '~')}`,
      );
      const expect = [
        /^warning REQUESTS_CA_BUNDLE: .*no public root/,
        /^error SSL_CERT_FILE: .*gone\.pem does not exist/,
        /^error GIT_SSL_CAPATH: .*is a file/,
        /^warning UV_NATIVE_TLS: deprecated/,
        /^error NODE_TLS_REJECT_UNAUTHORIZED/,
        /^error ~\/\.npmrc strict-ssl/,
        /^error ~\/\.npmrc cafile: .*missing\.pem does not exist/,
        /^error ~\/\.gitconfig http\.sslVerify/,
        /^warning ~\/\.config\/pip\/pip\.conf trusted-host: .*pypi\.org/,
        /^error ~\/\.curlrc insecure/,
      ];
      for (const re of expect) {
        assert.ok(
          found.some((f) => re.test(f)),
          `${re} not in:\n${found.join('\n')}`,
        );
      }
      // NODE_EXTRA_CA_CERTS adds to Node's roots: a root-only file is right there.
      assert.ok(!found.some((f) => f.includes('NODE_EXTRA_CA_CERTS')), found.join('\n'));
      assert.deepStrictEqual(auditTrust({ HOME: home }, ctx(false, path.join(home, 'empty'))), []);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('trust: certifi appended to by hand', () => {
  const labelled = (pem: string) => `\n# Issuer: CN=X\n# Subject: CN=X\n# Label: "X"\n# Serial: 1\n${pem}`;
  it("counts blocks without certifi's `# Label:` header, only in a certifi cacert.pem", () => {
    const pems = tls.rootCertificates.slice(0, 3);
    const clean = pems.map(labelled).join('');
    assert.strictEqual(certifiAppended('/v/lib/site-packages/certifi/cacert.pem', clean), undefined);
    const f = certifiAppended('/v/lib/site-packages/certifi/cacert.pem', `${clean}\n${pems[0]}`);
    assert.match(f?.message ?? '', /^1 certificate\(s\) were appended/);
    // Debian's certifi points at the system bundle, which has no labels: not certifi's file, not flagged.
    assert.strictEqual(certifiAppended('/etc/ssl/certs/ca-certificates.crt', pems.join('')), undefined);
  });
});

describe("trust: classifying a tool's output", () => {
  it('exit 0 is ok; a certificate error fails with the telling line; an HTTP refusal after TLS is tls-ok', () => {
    assert.deepStrictEqual(classify(0, ''), { status: 'ok' });
    const py =
      'Traceback (most recent call last):\n  self.sock = ssl_wrap_socket(\nrequests.exceptions.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed\n';
    assert.deepStrictEqual(classify(1, py), {
      status: 'fail',
      detail: 'requests.exceptions.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed',
    });
    assert.strictEqual(classify(128, "fatal: repository 'https://x/' not found\n").status, 'tls-ok');
    assert.deepStrictEqual(classify(7, 'bash: no job control in this shell\ncurl: (7) Failed to connect\n'), {
      status: 'fail',
      detail: 'curl: (7) Failed to connect',
    });
  });
});

describe('trust: CLI refusals', function () {
  this.timeout(20_000);
  let home: string;
  let pki: TestPki;
  before(() => {
    home = tempDir('cli');
    pki = testPki();
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  function cli(...argv: string[]) {
    return runCliWith(argv, { cwd: home, env: { HOME: home, PATH: '/usr/bin:/bin' } });
  }

  it('lists trust in the help, and refuses a missing or unknown subcommand, no root source, unknown tools (exit 2)', async () => {
    assert.match((await cli('--help')).stdout, /^ {2}trust /m);
    assert.strictEqual((await cli('trust')).code, 2);
    assert.match((await cli('trust', 'frob')).stderr, /unknown trust subcommand "frob"/);
    assert.match((await cli('trust', 'plan')).stderr, /--from URL .* or --ca FILE/);
    writeFileSync(path.join(home, 'root.pem'), pki.root.certPem);
    const none = await cli('trust', 'plan', '--ca', 'root.pem', '--tools', 'uv,deno', '--format', 'json');
    assert.strictEqual(none.code, 0, none.stderr);
    assert.deepStrictEqual(JSON.parse(none.stdout).missing, ['uv', 'deno']);
    const bad = await cli('trust', 'plan', '--ca', 'root.pem', '--tools', 'python,cobol');
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown tool cobol/);
  });

  it('apply --yes of a leaf refuses with exit 2 and writes nothing; undo with no journal says so', async () => {
    writeFileSync(path.join(home, 'leaf.pem'), pki.leaf().certPem);
    const r = await cli('trust', 'apply', '--ca', 'leaf.pem', '--yes');
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /refusing .*leaf\.pem: it holds a leaf/);
    assert.match(r.stderr, /sha256 {3}([0-9A-F]{2}:){31}/);
    assert.ok(!existsSync(path.join(home, '.local')) && !existsSync(path.join(home, '.config')));
    const u = await cli('trust', 'undo');
    assert.strictEqual(u.code, 0);
    assert.match(u.stdout, /Nothing to undo/);
  });
});
