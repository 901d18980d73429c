// The pure parts behind the VS Code checklist: the package hosts a workspace uses, the consent text, the checklist
// rows, a tool's diff, where a remote window's plan applies, the results rows, an audit finding's fix, and the root
// read from a report the extension's own probe made.
import * as assert from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { explain } from '../../../src/core/explain/index';
import type { CauseCode, CheckReport } from '../../../src/core/tls/types';
import { packageHosts } from '../../../src/core/trust/hosts';
import type { Tool } from '../../../src/core/trust/detect';
import { buildPlan } from '../../../src/core/trust/plan';
import { userPaths } from '../../../src/core/trust/paths';
import { RootCandidate, rootFromReport } from '../../../src/core/trust/root';
import {
  auditFix,
  checklistRows,
  consentDetail,
  diffText,
  offersTrustFix,
  remoteNote,
  remoteWhere,
  resultRows,
  tilde,
} from '../../../src/extension/trust/model';
import { makeNonce, PageContext, renderReport } from '../../../src/extension/checkUrl/render';
import { renderExplanation } from '../../../src/extension/explain/render';
import { createTestPki, TestPki } from '../../fixtures/tls/pki';

let sharedPki: TestPki | undefined;
function testPki(): TestPki {
  sharedPki ??= createTestPki();
  return sharedPki;
}

describe('trust checklist: the package hosts a workspace uses', () => {
  it('offers the registries its files name (without credentials), then the public hosts of its kind of project', () => {
    const hosts = packageHosts(
      new Map([
        ['.npmrc', 'registry=https://npm.corp.example/repo/\n//npm.corp.example/:_authToken=secret\n'],
        ['pip.conf', '[global]\nindex-url = https://user:pw@pypi.corp.example/simple\n'],
        ['package.json', '{}'],
        ['requirements.txt', 'requests\n'],
      ]),
    );
    assert.deepStrictEqual(
      hosts.map((h) => h.url),
      [
        'https://npm.corp.example/repo/',
        'https://pypi.corp.example/simple',
        'https://registry.npmjs.org/',
        'https://pypi.org/simple/',
        'https://github.com/',
      ],
    );
    assert.strictEqual(hosts[0].from, '.npmrc');
    assert.ok(!hosts.some((h) => /pw|secret/.test(h.url)), 'no credentials in what is offered');
  });

  it('one URL per host, http:// registries skipped, GitHub always offered', () => {
    const hosts = packageHosts(
      new Map([
        [
          '.npmrc',
          'registry=http://plain.example/\n@a:registry=https://r.example/a/\n@b:registry=https://r.example/b/\n',
        ],
      ]),
    );
    assert.deepStrictEqual(
      hosts.map((h) => h.url),
      ['https://r.example/a/', 'https://registry.npmjs.org/', 'https://github.com/'],
    );
  });
});

function rootOf(pki: TestPki): RootCandidate {
  const x = new X509Certificate(pki.root.certPem);
  return {
    pem: x.toString(),
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    sha256: x.fingerprint256,
    notAfter: new Date(x.validTo).toISOString(),
    source: 'https://proxy.example/',
    intermediates: [pki.intermediate.certPem],
    inOsStore: false,
    vendor: 'Zscaler',
  };
}

const tool = (id: Tool['id'], version: string, facts: Record<string, string> = {}): Tool => ({
  id,
  path: `/usr/bin/${id}`,
  version,
  facts,
});

describe('trust checklist: what the modal and the checklist show', function () {
  this.timeout(20_000);
  let home: string;
  before(() => {
    home = mkdtempSync(path.join(tmpdir(), 'tls-doctor-checklist-'));
    writeFileSync(path.join(home, '.curlrc'), '--connect-timeout 20\n');
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('the consent detail names subject, SHA-256, product and source, and says nothing changed yet', () => {
    const r = rootOf(testPki());
    const text = consentDetail([r]);
    assert.match(text, /^Subject: CN=TLS Doctor Test Root/m);
    assert.ok(text.includes(`SHA-256: ${r.sha256}`));
    assert.match(text, /^Product: Zscaler$/m);
    assert.match(text, /^From: https:\/\/proxy\.example\/ \(\+ 1 intermediate\)$/m);
    assert.match(text, /Nothing has been changed yet\.$/);
  });

  it('one row per tool, ticked unless the tool needs nothing, paths under HOME written with ~', () => {
    const env = { HOME: home, PATH: '/nonexistent' };
    const plan = buildPlan(
      [rootOf(testPki())],
      [tool('curl', '7.88.1'), tool('docker', '24.0.0'), tool('node', '20.1.0')],
      userPaths(env, 'linux'),
      env,
    );
    const rows = checklistRows(plan);
    assert.deepStrictEqual(
      rows.map((r) => [r.tool, r.picked]),
      [
        ['curl', true],
        ['docker', false],
        ['node', true],
      ],
    );
    assert.strictEqual(rows[0].description, '~/.curlrc cacert');
    assert.strictEqual(rows[0].label, 'curl 7.88.1');
    assert.match(rows[1].detail, /note: Builds, in the final stage: COPY/);
    assert.match(rows[2].description, /^NODE_EXTRA_CA_CERTS/);
  });

  it("a tool's diff shows its own file's change with context, and an env tool's variables and startup line", () => {
    const env = { HOME: home, PATH: '/nonexistent' };
    const u = userPaths(env, 'linux');
    const curl = diffText(buildPlan([rootOf(testPki())], [tool('curl', '7.88.1')], u, env), 'curl');
    assert.match(curl, /^ --connect-timeout 20$/m);
    assert.match(curl, /^\+cacert = ".*\/bundle\.pem"$/m);
    assert.match(curl, /bundle\.pem .*PEM, not shown/);
    const node = diffText(buildPlan([rootOf(testPki())], [tool('node', '20.1.0')], u, env), 'node');
    assert.match(node, /# environment \(.*env\.sh\): NODE_EXTRA_CA_CERTS=.*ca\.pem/);
    assert.match(node, /^\+if \[ -f .*env\.sh' \]; then \. .*# tls-doctor trust$/m);
  });

  it('tilde only replaces the home folder followed by a separator', () => {
    assert.strictEqual(tilde('/home/a/.npmrc and /home/ab/x', '/home/a'), '~/.npmrc and /home/ab/x');
  });
});

describe('trust checklist: remote windows', () => {
  it('says nothing for a local window, and names where the tools run otherwise', () => {
    assert.strictEqual(remoteNote(undefined, '/home/u'), undefined);
    assert.strictEqual(remoteWhere(undefined), 'this computer');
    assert.match(
      remoteNote('ssh-remote', '/home/u') ?? '',
      /applies on the SSH host, where the tools run \(home \/home\/u\)/,
    );
    assert.strictEqual(remoteWhere('weird'), 'the remote weird');
  });

  it('WSL: a note on the Windows side; containers: a rebuild loses home changes', () => {
    assert.match(
      remoteNote('wsl', '/home/u') ?? '',
      /Windows side keeps its own settings: run `tls-doctor trust apply` in a Windows terminal/,
    );
    assert.match(remoteNote('dev-container', '/root') ?? '', /rebuilt container starts without these changes/);
  });
});

describe('trust checklist: results and audit fixes', () => {
  it('✓ for ok and tls-ok (with what the server said), ✗ with the tool error, – for skipped', () => {
    const rows = resultRows([
      { tool: 'curl', url: 'https://h/', status: 'ok' },
      { tool: 'git', url: 'https://h/', status: 'tls-ok', detail: 'fatal: repository not found' },
      { tool: 'npm', url: 'https://h/', status: 'fail', detail: 'SELF_SIGNED_CERT_IN_CHAIN' },
      { tool: 'aws', url: 'https://h/', status: 'skipped', detail: 'no check for this tool yet' },
    ]);
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.ok]),
      [
        ['✓ curl', true],
        ['✓ git', true],
        ['✗ npm', false],
        ['– aws', undefined],
      ],
    );
    assert.strictEqual(rows[1].detail, 'TLS verified; then the server said: fatal: repository not found');
    assert.strictEqual(rows[2].detail, 'SELF_SIGNED_CERT_IN_CHAIN');
  });

  it('a finding whose fix is trusting the root points at the checklist; a file setting at its file', () => {
    assert.deepStrictEqual(
      auditFix({
        severity: 'error',
        where: '/h/.curlrc insecure',
        message: 'turns certificate verification off: trust the root instead',
      }),
      { kind: 'trust' },
    );
    assert.deepStrictEqual(auditFix({ severity: 'error', where: '/h/.curlrc cacert', message: '/x does not exist' }), {
      kind: 'open',
      file: '/h/.curlrc',
    });
    assert.strictEqual(auditFix({ severity: 'warning', where: 'SSL_CERT_FILE', message: 'set but empty' }), undefined);
  });
});

describe('trust: the root from a report the caller probed', function () {
  this.timeout(20_000);
  it('takes the self-signed top of the chain, its CAs below as intermediates', async () => {
    const pki = testPki();
    const leaf = pki.leaf({ hosts: ['127.0.0.1'] });
    const r = await rootFromReport(
      {
        chain: [{ pem: leaf.certPem }, { pem: pki.intermediate.certPem }, { pem: pki.root.certPem }],
        trust: { node: { trusted: false } },
        causes: [],
      },
      'https://127.0.0.1/',
      { env: {}, osStorePaths: [] },
    );
    assert.ok('root' in r, JSON.stringify(r));
    assert.match(r.root.subject, /TLS Doctor Test Root/);
    assert.strictEqual(r.root.intermediates.length, 1);
    assert.strictEqual(r.root.source, 'https://127.0.0.1/');
  });

  it('refuses a chain Node already trusts, and an empty chain with the probe cause', async () => {
    const pki = testPki();
    const trusted = await rootFromReport(
      { chain: [{ pem: pki.root.certPem }], trust: { node: { trusted: true } }, causes: [] },
      'https://x/',
      { env: {}, osStorePaths: [] },
    );
    assert.ok('refused' in trusted && /publicly trusted/.test(trusted.refused.reason));
    const none = await rootFromReport({ chain: [], trust: {}, causes: [{ message: 'ECONNREFUSED' }] }, 'https://x/', {
      env: {},
      osStorePaths: [],
    });
    assert.ok('refused' in none && /ECONNREFUSED/.test(none.refused.reason));
  });
});

describe('trust checklist: offered from Check TLS and Explain', () => {
  const page: PageContext = {
    nonce: makeNonce(),
    cspSource: 'https://x.vscode-cdn.net',
    styleUri: 'https://x.vscode-cdn.net/check.css',
    scriptUri: 'https://x.vscode-cdn.net/check.js',
    now: new Date('2025-06-01T00:00:00Z'),
  };
  const report = (code: CauseCode): CheckReport => ({
    url: 'https://proxy.example/',
    host: 'proxy.example',
    port: 443,
    verdict: 'fail',
    causes: [{ code, message: 'm', fixes: [] }],
    chain: [],
    trust: {},
    addresses: [],
    elapsedMs: 1,
    environment: {},
  });
  const BUTTON = /<button[^>]*data-action="fixTrust"[^>]*>Fix Trust for All Tools…<\/button>/;

  it('the Check TLS panel has the button for tls-inspection and untrusted-root only', () => {
    assert.match(renderReport(report('tls-inspection'), page), BUTTON);
    assert.match(renderReport(report('untrusted-root'), page), BUTTON);
    assert.doesNotMatch(renderReport(report('self-signed'), page), /fixTrust/);
    assert.doesNotMatch(renderReport(report('hostname-mismatch'), page), /fixTrust/);
  });

  it('the Explain panel has it when the message is an untrusted root, not for a host-name mismatch', () => {
    const v = (t: string) => renderExplanation({ text: t, explanation: explain(t) }, page);
    assert.match(v('x509: certificate signed by unknown authority'), BUTTON);
    assert.doesNotMatch(
      v("Hostname/IP does not match certificate's altnames: Host: a.example. is not in the cert's altnames"),
      /fixTrust/,
    );
    assert.ok(offersTrustFix(['verification-failed', 'tls-inspection']));
    assert.ok(!offersTrustFix(['expired']));
  });
});
