// Issue 6's promise, end to end in a real VS Code: code that turns verification off talks to a local HTTPS server whose
// leaf comes from a private root (test/fixtures/tls). Probing the endpoint names the cause on the diagnostic, the
// preferred quick-fix is the right one (trust the CA that endpoint presents, or remove the switch when the client's
// default trust already accepts it), and after applying it a real client (/usr/bin/python3 with Debian's requests,
// node) completes the request WITH verification on — while the same code with plain verification on fails before.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import * as vscode from 'vscode';
import { createTestPki, TestPki } from '../fixtures/tls';
import { activateExtension, RESOLVE_ALL, runClient, tlsDiagnostics, waitFor, workspacePath } from './helpers';

type ProbeResult = { url: string; verdict: string; causes: string[]; findings: { remedy: string; causes: string[] }[] };
type FixOutcome = { applied: boolean; bundle?: string; reason?: string; message?: string; proof?: { ok: boolean } };

const OUT_DIR = 'e2e/certs';
const BUNDLE = `${OUT_DIR}/127.0.0.1-bundle.pem`;
/** An HTTPS server on 127.0.0.1 (port 0) answering 200 "ok", sending leaf + intermediate + private root; counts TCP connections. */
interface Server {
  readonly port: number;
  connections(): number;
  close(): Promise<void>;
}

async function startServer(pki: TestPki): Promise<Server> {
  const leaf = pki.leaf();
  const server = https.createServer(
    { key: leaf.keyPem, cert: [leaf.certPem, pki.intermediate.certPem, pki.root.certPem].join('\n') },
    (_req, res) => res.end('ok'),
  );
  let connections = 0;
  const sockets = new Set<import('stream').Duplex>();
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined); // probes hang up after the handshake on purpose
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () =>
      new Promise<void>((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

/**
 * Runs a client program from the workspace root with a clean environment plus `extra`; bounded by a timeout.
 * Asynchronous on purpose: the server lives in this extension host, so a blocking spawn would starve it.
 */
function run(
  cmd: string,
  file: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; out: string }> {
  return runClient(cmd, file, workspacePath(), extra);
}

async function openWith(
  rel: string,
  text: string,
  ruleId: string,
): Promise<{ doc: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  fs.mkdirSync(path.dirname(workspacePath(rel)), { recursive: true });
  fs.writeFileSync(workspacePath(rel), text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(rel)));
  await vscode.window.showTextDocument(doc, { preview: false });
  const diagnostic = await waitFor(() => findingOf(doc, ruleId), 15_000, `${ruleId} in ${rel}`);
  return { doc, diagnostic };
}

function findingOf(doc: vscode.TextDocument, ruleId: string): vscode.Diagnostic | undefined {
  return tlsDiagnostics(doc.uri, ruleId)[0];
}

async function probe(doc: vscode.TextDocument, d: vscode.Diagnostic): Promise<ProbeResult> {
  return vscode.commands.executeCommand<ProbeResult>('tlsDoctor.probeEndpoint', {
    uri: doc.uri.toString(),
    line: d.range.start.line,
  });
}

async function preferredAction(
  doc: vscode.TextDocument,
  ruleId: string,
  messagePart: string,
): Promise<{ preferred: vscode.CodeAction; titles: string[] }> {
  const d = await waitFor(
    () => {
      const x = findingOf(doc, ruleId);
      return x?.message.includes(messagePart) && x;
    },
    10_000,
    `the diagnostic to say ${messagePart}`,
  );
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d.range,
      undefined,
      RESOLVE_ALL,
    )) ?? [];
  const preferred = actions.filter((a) => a.isPreferred);
  const titles = actions.map((a) => a.title);
  assert.strictEqual(preferred.length, 1, `one preferred action among: ${titles.join(' | ')}`);
  return { preferred: preferred[0], titles };
}

/** Applies a command-backed quick-fix exactly as the lightbulb would (its own command and arguments: no prompt). */
async function applyCommand(action: vscode.CodeAction): Promise<FixOutcome> {
  assert.ok(action.command, `"${action.title}" runs a command`);
  return vscode.commands.executeCommand<FixOutcome>(action.command.command, ...(action.command.arguments ?? []));
}

describe('end to end: probe the endpoint, apply the right fix, a real client verifies', function () {
  this.timeout(120_000);
  let pki: TestPki;
  let tmp: string;
  const savedAllow = process.env.TLS_DOCTOR_PROBE_HOSTS;

  before(async () => {
    await activateExtension();
    process.env.TLS_DOCTOR_PROBE_HOSTS = '127.0.0.1'; // nothing but loopback may be probed, whatever the workspace mentions
    pki = createTestPki();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-e2e-'));
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('devcert.outDir', OUT_DIR, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('devcert.outDir', undefined, vscode.ConfigurationTarget.Workspace);
    if (savedAllow === undefined) delete process.env.TLS_DOCTOR_PROBE_HOSTS;
    else process.env.TLS_DOCTOR_PROBE_HOSTS = savedAllow;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(workspacePath('e2e'), { recursive: true, force: true }); // later tests inventory the workspace's endpoints
  });

  // Each case writes <outDir>/127.0.0.1-bundle.pem for its own client; start each from none (no overwrite prompt).
  beforeEach(() => fs.rmSync(workspacePath(BUNDLE), { force: true }));

  it('Python requests, verify=False → untrusted-root → trust the CA the endpoint presents → python3 verifies and gets 200', async () => {
    const server = await startServer(pki);
    try {
      const code = (verify: string) =>
        `import requests\n\nr = requests.get("https://127.0.0.1:${server.port}/invoices", verify=${verify})\nprint("status", r.status_code)\n`;
      const strict = path.join(tmp, 'strict.py');
      fs.writeFileSync(strict, code('True'));
      const before = await run('/usr/bin/python3', strict);
      assert.notStrictEqual(before.status, 0, before.out);
      assert.match(
        before.out,
        /CERTIFICATE_VERIFY_FAILED/,
        'verification on, no fix: requests refuses the private root',
      );

      const { doc, diagnostic } = await openWith('e2e/trust_client.py', code('False'), 'python.requests-verify-false');
      const r = await probe(doc, diagnostic);
      assert.strictEqual(r.url, `https://127.0.0.1:${server.port}/invoices`);
      assert.ok(r.causes.includes('untrusted-root'), r.causes.join(','));
      assert.strictEqual(r.findings[0].remedy, 'trust-ca');
      const probed = server.connections();
      assert.ok(probed > 0, 'the probe reached the server');

      const { preferred } = await preferredAction(doc, 'python.requests-verify-false', '[untrusted-root]');
      assert.match(
        preferred.title,
        new RegExp(`^Trust the CA that 127\\.0\\.0\\.1:${server.port} presents instead \\(.*TLS Doctor Test Root`),
      );
      const outcome = await applyCommand(preferred);
      assert.deepStrictEqual(
        { applied: outcome.applied, bundle: outcome.bundle },
        { applied: true, bundle: BUNDLE },
        JSON.stringify(outcome),
      );
      // The bundle came from the probe the user just ran (one shared cache); the only new connections are the one
      // re-check with the bundle the code now trusts (a second probe would add another full probe's connections).
      const recheck = server.connections() - probed;
      assert.ok(
        recheck > 0 && recheck <= probed,
        `the fix reused the probe and re-checked once: ${probed} probe connections, ${recheck} after`,
      );
      assert.strictEqual(outcome.proof?.ok, true, JSON.stringify(outcome));
      assert.match(
        outcome.message ?? '',
        new RegExp(`python requests now verifies 127\\.0\\.0\\.1:${server.port} with ${BUNDLE.replace(/\./g, '\\.')}`),
      );
      // Anchored to the file (issue 19): the client works from any working directory.
      assert.strictEqual(
        doc.getText(),
        code(`str(Path(__file__).resolve().parent / "certs/127.0.0.1-bundle.pem")`).replace(
          'import requests\n',
          'import requests\nfrom pathlib import Path\n',
        ),
      );
      const bundle = fs.readFileSync(workspacePath(BUNDLE), 'utf8');
      const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
      assert.ok(body(bundle).includes(body(pki.root.certPem)), 'the bundle holds the private root');
      assert.doesNotMatch(bundle, /PRIVATE KEY/);
      assert.match(
        fs.readFileSync(workspacePath('.gitignore'), 'utf8'),
        /^\/e2e\/certs\/$/m,
        'the out dir is git-ignored, on disk',
      );
      await waitFor(() => !findingOf(doc, 'python.requests-verify-false'), 10_000, 'the finding to go');
      assert.ok(await doc.save(), 'saved');

      const after = await run('/usr/bin/python3', 'e2e/trust_client.py');
      assert.strictEqual(after.status, 0, after.out);
      assert.match(after.out, /^status 200$/m);
    } finally {
      await server.close();
    }
  });

  it('Python requests, verify=False, REQUESTS_CA_BUNDLE trusts the root → "Remove verify=False" → python3 with that env gets 200', async () => {
    const server = await startServer(pki);
    const caBundle = path.join(tmp, 'corp-bundle.pem');
    fs.writeFileSync(caBundle, [...tls.rootCertificates, pki.root.certPem].join('\n'));
    const saved = process.env.REQUESTS_CA_BUNDLE;
    // The extension host's environment is what the probe judges requests' default trust by (as when VS Code is
    // started from a shell that exports REQUESTS_CA_BUNDLE); the client below runs with the same variable.
    process.env.REQUESTS_CA_BUNDLE = caBundle;
    try {
      const url = `https://127.0.0.1:${server.port}/health`;
      const { doc, diagnostic } = await openWith(
        'e2e/remove_client.py',
        `import requests\n\nr = requests.get("${url}", verify=False)\nprint("status", r.status_code)\n`,
        'python.requests-verify-false',
      );
      const r = await probe(doc, diagnostic);
      assert.strictEqual(r.findings[0].remedy, 'remove-flag', JSON.stringify(r));

      const { preferred, titles } = await preferredAction(
        doc,
        'python.requests-verify-false',
        'verifies with default trust (REQUESTS_CA_BUNDLE)',
      );
      assert.strictEqual(
        preferred.title,
        'Remove verify=False (the endpoint verifies with default trust)',
        titles.join(' | '),
      );
      assert.ok(preferred.edit, 'removal is a plain edit');
      assert.ok(await vscode.workspace.applyEdit(preferred.edit));
      assert.strictEqual(
        doc.getText(),
        `import requests\n\nr = requests.get("${url}")\nprint("status", r.status_code)\n`,
      );
      await waitFor(() => !findingOf(doc, 'python.requests-verify-false'), 10_000, 'the finding to go');
      assert.ok(await doc.save(), 'saved');

      const withEnv = await run('/usr/bin/python3', 'e2e/remove_client.py', { REQUESTS_CA_BUNDLE: caBundle });
      assert.strictEqual(withEnv.status, 0, withEnv.out);
      assert.match(withEnv.out, /^status 200$/m);
      const without = await run('/usr/bin/python3', 'e2e/remove_client.py');
      assert.match(
        without.out,
        /CERTIFICATE_VERIFY_FAILED/,
        'it is that environment, not a lax client, that makes it verify',
      );
    } finally {
      if (saved === undefined) delete process.env.REQUESTS_CA_BUNDLE;
      else process.env.REQUESTS_CA_BUNDLE = saved;
      await server.close();
    }
  });

  it('Node https.get({ host, port, rejectUnauthorized: false }) → trust the CA the endpoint presents → node verifies and gets 200', async () => {
    const server = await startServer(pki);
    try {
      const code = (opt: string) =>
        `const https = require('https');\n\nhttps.get({ host: '127.0.0.1', port: ${server.port}, path: '/', ${opt} }, (res) => {\n  console.log('status', res.statusCode);\n  res.resume();\n}).on('error', (e) => { console.error(e.message); process.exit(1); });\n`;
      const strict = path.join(tmp, 'strict.js');
      fs.writeFileSync(strict, code('rejectUnauthorized: true'));
      const before = await run('node', strict);
      assert.strictEqual(before.status, 1, before.out);
      assert.match(
        before.out,
        /self[- ]signed certificate in certificate chain/,
        'verification on, no fix: Node refuses the private root',
      );

      const { doc, diagnostic } = await openWith(
        'e2e/client.js',
        code('rejectUnauthorized: false'),
        'javascript.reject-unauthorized-false',
      );
      const r = await probe(doc, diagnostic);
      assert.strictEqual(r.findings[0].remedy, 'trust-ca', JSON.stringify(r));
      const { preferred } = await preferredAction(doc, 'javascript.reject-unauthorized-false', '[untrusted-root]');
      assert.match(preferred.title, new RegExp(`^Trust the CA that 127\\.0\\.0\\.1:${server.port} presents instead`));
      const outcome = await applyCommand(preferred);
      assert.deepStrictEqual(
        { applied: outcome.applied, bundle: outcome.bundle },
        { applied: true, bundle: BUNDLE },
        JSON.stringify(outcome),
      );
      assert.strictEqual(
        doc.getText(),
        code(`ca: fs.readFileSync(nodePath.join(__dirname, 'certs/127.0.0.1-bundle.pem'))`).replace(
          "require('https');\n",
          "require('https');\nconst fs = require('fs');\nconst nodePath = require('path');\n",
        ),
      );
      assert.ok(await doc.save(), 'saved');

      const after = await run('node', 'e2e/client.js');
      assert.strictEqual(after.status, 0, after.out);
      assert.match(after.out, /^status 200$/m);
    } finally {
      await server.close();
    }
  });
});
