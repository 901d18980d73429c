// Shared by the endpoints integration tests (trusted and untrusted): a local TLS server with a private root made by
// the openssl CLI, which counts the connections it accepts, and fixture files rewritten to point at it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as tls from 'tls';
import * as vscode from 'vscode';
import { workspacePath } from './helpers';

/** A running server: its URL, how many TCP connections reached it, and close(). */
export interface CountingServer {
  readonly url: string;
  readonly port: number;
  accepted(): number;
  close(): Promise<void>;
}

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

/** A private root CA and a 127.0.0.1 leaf valid for `days` days, as PEM files in `dir`. */
export function privatePki(dir: string, days: number): { key: string; chain: string; rootPem: string } {
  const f = (n: string) => path.join(dir, n);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '3650',
    '-subj',
    '/CN=TLS Doctor IT Private Root',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    f('root.key'),
    '-out',
    f('root.pem'),
  ]);
  openssl([
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    f('leaf.key'),
    '-out',
    f('leaf.csr'),
  ]);
  fs.writeFileSync(
    f('leaf.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n',
  );
  openssl([
    'x509',
    '-req',
    '-in',
    f('leaf.csr'),
    '-CA',
    f('root.pem'),
    '-CAkey',
    f('root.key'),
    '-CAcreateserial',
    '-days',
    String(days),
    '-extfile',
    f('leaf.ext'),
    '-out',
    f('leaf.pem'),
  ]);
  const rootPem = fs.readFileSync(f('root.pem'), 'utf8');
  return {
    key: fs.readFileSync(f('leaf.key'), 'utf8'),
    chain: fs.readFileSync(f('leaf.pem'), 'utf8') + rootPem,
    rootPem,
  };
}

/** A TLS server on 127.0.0.1 (port 0) sending leaf + root; every accepted TCP connection is counted. */
export async function countingServer(key: string, chain: string): Promise<CountingServer> {
  let accepted = 0;
  const sockets = new Set<import('net').Socket>();
  const server = tls.createServer({ key, cert: chain }, (s) => s.end());
  server.on('connection', (s) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

/** Copies fixture `rel` (under endpoints/) to `out` with placeholders replaced, and opens it in an editor. */
export async function openRewritten(
  rel: string,
  out: string,
  replace: Record<string, string>,
): Promise<vscode.TextDocument> {
  let text = fs.readFileSync(workspacePath(path.join('endpoints', rel)), 'utf8');
  for (const [k, v] of Object.entries(replace)) text = text.split(k).join(v);
  const target = workspacePath(path.join('endpoints', out));
  fs.writeFileSync(target, text);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** A fresh temp folder for certificates. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-endpoints-it-'));
}
