// Shared by the trust-store tests: a temp HOME, a dev leaf served on 127.0.0.1, and the CLI run in-process with a
// clean environment (these machines preset CA variables globally).
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { writeDevCert } from '../../../src/core/certs/devcert';
import { runCliWith } from '../cliHarness';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A clean environment (these machines preset CA variables globally): PATH and the temp HOME only. */
export function cleanEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8' };
}

export function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return runCliWith(argv, { cwd, env });
}

export interface Fixture {
  tmp: string;
  home: string;
  caDir: string;
  env: NodeJS.ProcessEnv;
  server: https.Server;
  url: string;
}

export async function fixture(tag: string): Promise<Fixture> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tlsd-stores-${tag}-`));
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const caDir = path.join(tmp, 'ca');
  const leaf = await writeDevCert({ hosts: ['localhost', '127.0.0.1'], outDir: path.join(tmp, 'out'), caDir });
  const server = https.createServer(
    { cert: fs.readFileSync(leaf.cert), key: fs.readFileSync(leaf.key) },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<title>devcert ok</title><p id="ok">served with a TLS Doctor development certificate</p>');
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    tmp,
    home,
    caDir,
    env: cleanEnv(home),
    server,
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  };
}

export function dispose(f: Fixture | undefined): void {
  if (!f) return;
  f.server.close();
  fs.rmSync(f.tmp, { recursive: true, force: true });
}

/** Status JSON as a map store → trusted. */
export async function trustedStores(f: Fixture, stores: string): Promise<Record<string, boolean>> {
  const r = await cli(
    ['devcert', '--status', '--stores', stores, '--format', 'json', '--ca-dir', f.caDir],
    f.tmp,
    f.env,
  );
  assert.strictEqual(r.code, 0, r.stderr);
  return Object.fromEntries(
    (JSON.parse(r.stdout).stores as { store: string; trusted: boolean }[]).map((s) => [s.store, s.trusted]),
  );
}
