// The per-client truth table (src/core/tls/clients.ts) against the real clients of this machine: Node's https, Python
// ssl and requests (both interpreters: urllib3 1 and 2), curl, `openssl s_client` and Java (JSSE), each run from a
// clean environment against local servers with generated certificates. A row marked "measured" must agree with what
// the client did here; Go and the browsers cannot run here and their rows say "documented".
import * as assert from 'assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { certInfo } from '../../../src/core/tls/chain';
import { checkUrl } from '../../../src/core/tls/index';
import type { CertInfo, CheckReport } from '../../../src/core/tls/index';
import { CLIENT_RULES, ClientRule, hostAccepted, validitySplit } from '../../../src/core/tls/clients';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import { renderReport } from '../../../src/extension/checkUrl/render';
import { createTestPki, Issued, TestPki } from '../../fixtures/tls';

const codes = (r: CheckReport) => r.causes.map((c) => c.code);

const CLEAN_ENV = { PATH: '/usr/bin:/bin', HOME: os.tmpdir() };
const DAY = 86_400_000;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = CLEAN_ENV): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(cmd, args, { timeout: 30000, env }, (e, out, err) =>
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : 1) : 0, out: `${out}${err}` }),
    );
    child.stdin?.end();
  });
}

interface Case {
  readonly name: string;
  readonly host: string;
  readonly leaf: (p: TestPki) => Issued;
}

/** What each case's server sends, and the host the clients ask for. */
const CASES: readonly Case[] = [
  { name: 'control', host: 'localhost', leaf: (p) => p.leaf({ notAfter: new Date(Date.now() + 90 * DAY) }) },
  { name: 'sha1', host: 'localhost', leaf: (p) => p.leaf({ digest: 'sha1' }) },
  { name: 'rsa1024', host: 'localhost', leaf: (p) => p.leaf({ bits: 1024 }) },
  { name: 'cn-only', host: 'localhost', leaf: (p) => p.leaf({ hosts: [], commonName: 'localhost' }) },
  { name: 'ip-in-cn', host: '127.0.0.1', leaf: (p) => p.leaf({ hosts: [], commonName: '127.0.0.1' }) },
  { name: 'trailing-dot', host: 'localhost.', leaf: (p) => p.leaf() },
  { name: 'wildcard-one', host: 'a.example.test', leaf: (p) => p.leaf({ hosts: ['*.example.test'] }) },
  { name: 'wildcard-deep', host: 'a.b.example.test', leaf: (p) => p.leaf({ hosts: ['*.example.test'] }) },
  {
    name: 'validity-400',
    host: 'localhost',
    leaf: (p) => p.leaf({ notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 399 * DAY) }),
  },
];

describe('per-client truth table: the real clients of this machine', function () {
  this.timeout(120_000);
  let dir: string;
  let caFile: string;
  let rootPem: string;
  const servers: tls.Server[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const ports: Record<string, number> = {};
  const leaves: Record<string, CertInfo> = {};
  /** client → case → accepted */
  const measured: Record<string, Record<string, boolean>> = {};
  const raw: Record<string, Record<string, string>> = {};
  const record = (client: string, name: string, text: string) => {
    (measured[client] ??= {})[name] = text === 'OK';
    (raw[client] ??= {})[name] = text;
  };

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tlsd-clients-'));
    const pki = createTestPki();
    rootPem = pki.root.certPem;
    caFile = path.join(dir, 'root.pem');
    writeFileSync(caFile, rootPem);
    for (const c of CASES) {
      const leaf = c.leaf(pki);
      leaves[c.name] = certInfo(leaf.certPem);
      const server = tls.createServer(
        // SECLEVEL=0 on the server so it can present the weak certificates: the client's own level decides.
        { key: leaf.keyPem, cert: [leaf.certPem, pki.intermediate.certPem].join('\n'), ciphers: 'DEFAULT@SECLEVEL=0' },
        (s) => s.end('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n'),
      );
      server.on('tlsClientError', () => undefined);
      // Java and openssl keep their side open after the response: close() must not wait for them.
      server.on('connection', (sock) => {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      ports[c.name] = (server.address() as { port: number }).port;
    }
    await Promise.all([measureNode(), measurePython(), measureCurl(), measureOpenssl(), measureJava()]);
  });
  after(async () => {
    sockets.forEach((s) => s.destroy());
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    rmSync(dir, { recursive: true, force: true });
  });

  async function measureNode() {
    const lookup: LookupFunction = (_h, o, cb) =>
      o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4);
    for (const c of CASES) {
      const text = await new Promise<string>((resolve) => {
        https
          .get({ host: c.host, port: ports[c.name], ca: rootPem, lookup, agent: false }, (res) => {
            res.resume();
            resolve('OK');
          })
          .on('error', (e: Error & { code?: string }) => resolve(`${e.code}: ${e.message}`));
      });
      record('node', c.name, text);
    }
  }

  async function measurePython() {
    // Debian's interpreter (urllib3 1.26 here) and the first python3 on PATH (urllib3 2 here), from a clean environment.
    for (const [label, python] of [
      ['/usr/bin/python3', '/usr/bin/python3'],
      ['python3 on PATH', 'python3'],
    ]) {
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
      const r = await run(
        python,
        [
          path.join(__dirname, '../../fixtures/tls/hostclients.py'),
          ...CASES.flatMap((c) => [c.name, c.host, String(ports[c.name]), caFile]),
        ],
        env,
      );
      for (const l of r.out.split('\n').filter((x) => x.startsWith('{'))) {
        const v = JSON.parse(l) as { name: string; urllib3: number; ssl: string; requests: string };
        record(`python-ssl (${label})`, v.name, v.ssl);
        record(`python-requests (urllib3 ${v.urllib3})`, v.name, v.requests);
      }
    }
  }

  async function measureCurl() {
    for (const c of CASES) {
      const p = ports[c.name];
      const r = await run('curl', [
        '-sS',
        '-o',
        '/dev/null',
        '--noproxy',
        '*',
        '--resolve',
        `${c.host.replace(/\.$/, '')}:${p}:127.0.0.1`,
        '--resolve',
        `${c.host}:${p}:127.0.0.1`,
        '--cacert',
        caFile,
        `https://${c.host}:${p}/`,
      ]);
      record('curl', c.name, r.code === 0 ? 'OK' : r.out.trim());
    }
  }

  async function measureOpenssl() {
    for (const c of CASES) {
      const ip = /^[\d.]+$/.test(c.host);
      const r = await run('openssl', [
        's_client',
        '-connect',
        `127.0.0.1:${ports[c.name]}`,
        ...(ip ? ['-verify_ip', c.host] : ['-servername', c.host.replace(/\.$/, ''), '-verify_hostname', c.host]),
        '-CAfile',
        caFile,
        '-verify_return_error',
        '-brief',
      ]);
      // The exit code also reflects how the server hung up; the verification line is the verdict.
      const error = /verify error:[^\n]*/.exec(r.out)?.[0];
      record('openssl', c.name, !error && /Verification: OK/.test(r.out) ? 'OK' : (error ?? r.out.trim()));
    }
  }

  async function measureJava() {
    const javac = await run('javac', ['-d', dir, `${__dirname}/JavaClient.java`]);
    if (javac.code !== 0) return;
    const r = await run('java', [
      '-cp',
      dir,
      'JavaClient',
      caFile,
      ...CASES.flatMap((c) => [c.name, c.host, String(ports[c.name])]),
    ]);
    for (const l of r.out.split('\n').filter((x) => x.startsWith('{'))) {
      const v = JSON.parse(l) as { name: string; java: string };
      record('java', v.name, v.java);
    }
  }

  /** What the table says `rule`'s client does with case `name` (a private root: the test's own). */
  function predicted(rule: ClientRule, c: Case): boolean | undefined {
    switch (c.name) {
      case 'sha1':
        return accepted(rule.sha1);
      case 'rsa1024':
        return accepted(rule.rsa1024);
      case 'validity-400':
        return validitySplit(400, false).accept.includes(rule.client);
      case 'control':
        return true;
      default:
        return hostAccepted(rule, c.host, leaves[c.name]);
    }
  }
  const accepted = (a: ClientRule['sha1']) => (a === 'private-only' ? true : a);

  it('every "measured" row agrees with what the client did here, case by case', () => {
    // Both Python interpreters (Debian's and pyenv's) run the same OpenSSL rules: one row.
    assert.deepStrictEqual(measured['python-ssl (/usr/bin/python3)'], measured['python-ssl (python3 on PATH)']);
    measured['python-ssl'] = measured['python-ssl (/usr/bin/python3)'];
    const rows = CLIENT_RULES.filter((r) => r.source.startsWith('measured'));
    assert.deepStrictEqual(rows.map((r) => r.client).sort(), [
      'curl',
      'java',
      'node',
      'openssl',
      'python-requests (urllib3 1)',
      'python-requests (urllib3 2)',
      'python-ssl',
    ]);
    const disagreements: string[] = [];
    for (const rule of rows) {
      for (const c of CASES) {
        const did = measured[rule.client]?.[c.name];
        assert.notStrictEqual(did, undefined, `${rule.client} was not run for ${c.name}`);
        const says = predicted(rule, c);
        if (says !== did) {
          disagreements.push(
            `${rule.client} ${c.name}: table ${says}, client ${did} (${raw[rule.client]?.[c.name] ?? raw['python-ssl (/usr/bin/python3)']?.[c.name]})`,
          );
        }
      }
    }
    assert.deepStrictEqual(disagreements, []);
    // The cases separate the clients (a table that says "everyone accepts" everywhere would pass nothing above).
    assert.deepStrictEqual(
      Object.fromEntries(
        CASES.map((c) => [c.name, rows.filter((r) => measured[r.client][c.name]).map((r) => r.client)]),
      ),
      {
        control: rows.map((r) => r.client),
        sha1: ['java'],
        rsa1024: ['node', 'java'],
        'cn-only': ['node', 'python-ssl', 'python-requests (urllib3 1)', 'curl', 'openssl', 'java'],
        'ip-in-cn': ['python-requests (urllib3 1)', 'curl'],
        'trailing-dot': ['node', 'python-requests (urllib3 2)', 'python-requests (urllib3 1)', 'curl', 'java'],
        'wildcard-one': rows.map((r) => r.client),
        'wildcard-deep': [],
        'validity-400': rows.map((r) => r.client),
      },
    );
  });

  it('rows that cannot run here say where they come from', () => {
    for (const r of CLIENT_RULES.filter((x) => !x.source.startsWith('measured'))) {
      assert.match(r.source, /^documented: /, r.client);
    }
    assert.deepStrictEqual(
      CLIENT_RULES.filter((x) => x.source.startsWith('documented')).map((x) => x.client),
      ['go', 'chrome', 'firefox', 'safari'],
    );
  });

  describe('the check report says per finding who accepts and who rejects', () => {
    const check = (name: string) =>
      checkUrl(`https://${CASES.find((c) => c.name === name)?.host}:${ports[name]}/`, {
        env: {},
        certifiPath: null,
        osStorePaths: [],
        timeoutMs: 3000,
        extraCaFiles: [caFile],
        lookup: async () => ['127.0.0.1'],
      });
    const cause = (r: CheckReport, code: string) => r.causes.find((c) => c.code === code);

    it('SHA-1 leaf: weak-signature, accepted by Java only (private root), as measured', async () => {
      const c = cause(await check('sha1'), 'weak-signature');
      assert.ok(c?.clients, JSON.stringify(c));
      const measuredAccept = Object.keys(measured).filter((k) => !k.includes('(/') && measured[k].sha1);
      assert.deepStrictEqual(measuredAccept, ['java']);
      assert.ok(c.clients.accept.includes('java') && c.clients.accept.includes('firefox'));
      for (const k of ['node', 'python-ssl', 'curl', 'openssl', 'go', 'chrome', 'safari']) {
        assert.ok(c.clients.reject.includes(k), k);
      }
      assert.match(c.message, /Accepted by: java, firefox; rejected by: node, python-ssl/);
    });

    it('RSA-1024 leaf: weak-key, accepted by Node and Java, rejected by the system-OpenSSL clients', async () => {
      const c = cause(await check('rsa1024'), 'weak-key');
      assert.deepStrictEqual(
        c?.clients?.accept.filter((k) => measured[k]),
        Object.keys(measured).filter((k) => !k.includes('(/') && measured[k].rsa1024),
      );
      assert.ok(c?.clients?.reject.includes('curl') && c.clients.reject.includes('safari'));
    });

    it('IP address only in the CN: hostname-mismatch for Node, with curl and urllib3 1 named as accepting it', async () => {
      const r = await check('ip-in-cn');
      const c = cause(r, 'hostname-mismatch');
      assert.deepStrictEqual(c?.clients?.accept, ['python-requests (urllib3 1)', 'curl']);
      assert.ok(c?.clients?.reject.includes('node') && c.clients.reject.includes('python-requests (urllib3 2)'));
      assert.match(c?.message ?? '', /Accepted by: python-requests \(urllib3 1\), curl; rejected by: node/);
    });

    it('text, JSON and the panel all show the split', async () => {
      let stdout = '';
      const io: Io = { out: (t) => void (stdout += t), err: () => undefined, isTTY: false, cwd: dir, env: {} };
      const url = `https://127.0.0.1:${ports['ip-in-cn']}/`;
      assert.strictEqual(await main(['check', url, '--ca', caFile, '--timeout', '3000'], io), 1);
      assert.match(stdout, /accepted by: python-requests \(urllib3 1\), curl {2}rejected by: node, python-ssl/);
      stdout = '';
      await main(['check', url, '--ca', caFile, '--timeout', '3000', '--format', 'json'], io);
      const j = JSON.parse(stdout) as CheckReport;
      assert.deepStrictEqual(cause(j, 'hostname-mismatch')?.clients?.accept, ['python-requests (urllib3 1)', 'curl']);
      const html = renderReport(j, { nonce: 'n', cspSource: 'c', styleUri: 's', scriptUri: 'j', now: new Date() });
      assert.match(
        html,
        /<p class="clients"><span><strong>Accepted by:<\/strong> <span class="chip">python-requests \(urllib3 1\)<\/span> <span class="chip">curl<\/span><\/span> <span><strong>Rejected by:<\/strong> <span class="chip">node<\/span>/,
      );
    });

    it('wildcard two labels deep: hostname-mismatch that every client rejects (no accept list in the text)', async () => {
      const c = cause(await check('wildcard-deep'), 'hostname-mismatch');
      assert.deepStrictEqual(c?.clients?.accept, []);
      assert.doesNotMatch(c?.message ?? '', /Accepted by/);
      assert.deepStrictEqual(codes(await check('wildcard-one')), []);
    });

    it('400-day leaf under a private root: ok, with a note stating the 398-day rule and that nobody rejects it', async () => {
      const r = await check('validity-400');
      assert.deepStrictEqual([r.verdict, codes(r)], ['ok', []]);
      const note = r.notes?.find((n) => /valid 400 days/.test(n));
      assert.match(
        note ?? '',
        /under a private root\. Chrome and Safari reject publicly trusted leaves valid longer than 398 days/,
      );
      assert.match(note ?? '', /rejected by: none\.$/);
      // The same leaf under a public root: Chrome and Safari would reject it.
      assert.deepStrictEqual(validitySplit(400, true).reject, ['chrome', 'safari']);
      assert.deepStrictEqual(validitySplit(826, false).reject, ['safari']);
      assert.strictEqual((await check('control')).notes, undefined, 'a 90-day leaf gets no note');
    });
  });
});
