// A local "TLS-inspecting proxy" for the trust tests: an HTTPS server on 127.0.0.1 whose chain is rooted at a test
// inspection root, serving a page, an npm `/-/ping`, a PEP 503 simple index and a git dumb-HTTP repository (a bare
// repository after `git update-server-info`, its files served as they are), all at the root of the site.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createTestPki, TestPki } from '../../fixtures/tls/pki';

export interface InspectionServer {
  readonly url: string;
  readonly pki: TestPki;
  /** Paths requested, in order (to see that a tool really reached the server). */
  readonly requests: string[];
  close(): Promise<void>;
}

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.test',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.test',
  PATH: '/usr/bin:/bin',
};

/** A bare repository with one commit, ready for dumb HTTP. */
export function makeBareRepo(dir: string): string {
  const work = path.join(dir, 'work');
  const bare = path.join(dir, 'repo.git');
  mkdirSync(work, { recursive: true });
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: GIT_ENV, stdio: 'pipe' });
  git(work, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(work, 'README'), 'behind the proxy\n');
  git(work, 'add', 'README');
  git(work, 'commit', '-q', '-m', 'first');
  git(dir, 'clone', '-q', '--bare', work, bare);
  git(bare, 'update-server-info');
  return bare;
}

const SIMPLE_PIP =
  '<!DOCTYPE html><html><body><a href="/files/pip-23.0-py3-none-any.whl">pip-23.0-py3-none-any.whl</a></body></html>\n';

/** Starts the server; the leaf is for 127.0.0.1 and the chain sent is leaf, intermediate, root. */
export async function startInspectionServer(
  bareRepo: string,
  pki: TestPki = createTestPki(),
): Promise<InspectionServer> {
  const leaf = pki.leaf({ hosts: ['127.0.0.1', 'localhost'] });
  const requests: string[] = [];
  const server = https.createServer(
    { key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem + pki.root.certPem },
    (req, res) => {
      const u = new URL(req.url ?? '/', 'https://x');
      requests.push(u.pathname);
      const send = (status: number, type: string, body: string | Buffer) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      if (u.pathname === '/') return send(200, 'text/plain', 'hello from behind the inspection proxy\n');
      if (u.pathname === '/-/ping') return send(200, 'application/json', '{}');
      if (u.pathname === '/simple/') {
        return send(200, 'text/html', '<!DOCTYPE html><html><body><a href="/simple/pip/">pip</a></body></html>\n');
      }
      if (u.pathname === '/simple/pip/') return send(200, 'text/html', SIMPLE_PIP);
      // Dumb HTTP: the bare repository's files, as they are (info/refs, HEAD, objects/…).
      const file = path.join(bareRepo, path.normalize(u.pathname).replace(/^(\.\.[/\\])+/, ''));
      if (file.startsWith(bareRepo) && existsSync(file) && statSync(file).isFile()) {
        return send(200, 'application/octet-stream', readFileSync(file));
      }
      return send(404, 'text/plain', 'not found\n');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    pki,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
