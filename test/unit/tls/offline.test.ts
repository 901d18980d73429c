// Offline per-store verdicts (pathbuild.ts + verify.ts) checked against the real thing: for each case, the verdict
// judged offline from the reference handshake must equal what OpenSSL says in a handshake with that store's own
// context; where offline cannot be exact it must decline (undefined), and checkUrl then re-handshakes.
import * as assert from 'assert';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { checkUrl } from '../../../src/core/tls/index';
import type { CheckOptions, TrustVerdict } from '../../../src/core/tls/index';
import { probe, ProbeResult } from '../../../src/core/tls/connect';
import { Deadline } from '../../../src/core/tls/deadline';
import { linkChain } from '../../../src/core/tls/chain';
import { buildPath, indexFor } from '../../../src/core/tls/pathbuild';
import type { Store } from '../../../src/core/tls/stores';
import { contextFor, offlineVerdict, referenceOf, verdictOf } from '../../../src/core/tls/verify';
import { Matrix, startMatrix } from '../../fixtures/tls';

const ISOLATED: CheckOptions = { env: {}, certifiPath: null, osStorePaths: [], timeoutMs: 1500 };

describe('offline trust-store verdicts', function () {
  this.timeout(30000);
  let m: Matrix;
  let stores: Record<string, string[]>;
  before(async () => {
    m = await startMatrix();
    const root = m.pki.root.certPem;
    const int = m.pki.intermediate.certPem;
    stores = {
      node: [...tls.rootCertificates],
      root: [root],
      int: [int],
      intRoot: [int, root],
      nodeRoot: [...tls.rootCertificates, root],
    };
  });
  after(() => m?.close());

  const handshake = (url: string, pems: readonly string[]): Promise<ProbeResult> => {
    const port = Number(new URL(url).port);
    return probe({
      host: '127.0.0.1',
      port,
      address: '127.0.0.1',
      deadline: new Deadline(3000),
      secureContext: contextFor(pems),
    });
  };

  /** Offline verdict of store `other` given a reference handshake with store `ref`, and OpenSSL's real verdict. */
  async function judge(scenario: keyof Matrix['urls'], ref: string, other: string) {
    const url = m.urls[scenario];
    const refStore = { name: ref, pems: stores[ref] };
    const reference = referenceOf(refStore, await handshake(url, refStore.pems));
    const store: Store = { name: other, pems: stores[other] };
    const real = verdictOf(store, await handshake(url, stores[other]));
    return { offline: offlineVerdict(store, reference), real, reference };
  }

  const brief = (v: TrustVerdict | undefined) => v && { trusted: v.trusted, error: v.error };

  it('root in store: another store holding the same root is trusted, offline', async () => {
    const { offline, real } = await judge('ok', 'nodeRoot', 'root');
    assert.deepStrictEqual(brief(real), { trusted: true, error: undefined });
    assert.deepStrictEqual(offline, real);
  });

  it('root missing: the store without it gets OpenSSL\'s "unable to get local issuer certificate", offline', async () => {
    const { offline, real } = await judge('ok', 'nodeRoot', 'node');
    assert.match(real.error ?? '', /^UNABLE_TO_GET_ISSUER_CERT_LOCALLY: unable to get local issuer certificate$/);
    assert.deepStrictEqual(offline, real);
  });

  it('root sent but not in the store: SELF_SIGNED_CERT_IN_CHAIN, offline', async () => {
    const { offline, real } = await judge('root-sent', 'nodeRoot', 'node');
    assert.match(real.error ?? '', /^SELF_SIGNED_CERT_IN_CHAIN/);
    assert.deepStrictEqual(offline, real);
  });

  it('intermediate missing: a store with only the root agrees with the reference (leaf alone cannot be verified)', async () => {
    const { offline, real } = await judge('incomplete-chain', 'nodeRoot', 'root');
    assert.match(real.error ?? '', /^UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.deepStrictEqual(offline, real);
  });

  it('intermediate missing from the server but present in the store: offline declines, OpenSSL trusts it', async () => {
    const { offline, real } = await judge('incomplete-chain', 'nodeRoot', 'intRoot');
    assert.strictEqual(offline, undefined);
    assert.strictEqual(real.trusted, true);
  });

  it('anchor is the intermediate itself: not a trust anchor without its root (no partial chains), offline', async () => {
    const { offline, real } = await judge('ok', 'nodeRoot', 'int');
    assert.match(real.error ?? '', /^UNABLE_TO_GET_ISSUER_CERT: unable to get issuer certificate$/);
    assert.deepStrictEqual(offline, real);
    const both = await judge('ok', 'nodeRoot', 'intRoot');
    assert.deepStrictEqual(both.offline, both.real);
    assert.strictEqual(both.real.trusted, true);
  });

  it('cross-store: the reference rejects, another store completes the chain → offline declines, checkUrl re-handshakes', async () => {
    const { offline, real } = await judge('ok', 'node', 'root');
    assert.strictEqual(offline, undefined);
    assert.strictEqual(real.trusted, true);
    const r = await checkUrl(m.urls.ok, { ...ISOLATED, osStorePaths: [m.rootFile], certifiPath: m.intermediateFile });
    assert.deepStrictEqual(r.connections?.map((c) => c.purpose).sort(), ['certifi', 'os', 'sent-chain']);
  });

  it('a later failure (expired) carries over to a store with the same chain, but not to one that cannot build it', async () => {
    const same = await judge('expired', 'nodeRoot', 'root');
    assert.match(same.real.error ?? '', /^CERT_HAS_EXPIRED/);
    assert.deepStrictEqual(same.offline, same.real);
    const other = await judge('expired', 'nodeRoot', 'node');
    assert.strictEqual(other.offline, undefined, 'OpenSSL reports the last error: which one depends on the chain');
    assert.match(other.real.error ?? '', /^CERT_HAS_EXPIRED/);
  });

  it('every scenario × store: whenever offline answers, it equals OpenSSL', async () => {
    const scenarios: (keyof Matrix['urls'])[] = [
      'ok',
      'root-sent',
      'incomplete-chain',
      'self-signed',
      'expired',
      'not-yet-valid',
      'weak-signature',
      'weak-key',
      'wrong-purpose',
      'wrong-host',
      'cross-expired',
      'path-length',
      'name-constraint',
      'not-a-ca',
      'stale-intermediate',
    ];
    let answered = 0;
    const wrong: string[] = [];
    const declinedHealthy: string[] = [];
    for (const s of scenarios) {
      for (const ref of ['node', 'nodeRoot']) {
        for (const other of Object.keys(stores)) {
          const { offline, real } = await judge(s, ref, other);
          if (offline === undefined) {
            if (ref === 'nodeRoot' && (s === 'ok' || s === 'root-sent')) declinedHealthy.push(`${s} ${other}`);
            continue;
          }
          answered++;
          if (JSON.stringify(offline) !== JSON.stringify(real)) {
            wrong.push(`${s} ref=${ref} ${other}: ${JSON.stringify(offline)} ≠ ${JSON.stringify(real)}`);
          }
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
    // A healthy endpoint under a reference that verifies it is the common case: every store must be answered offline.
    assert.deepStrictEqual(declinedHealthy, []);
    assert.ok(answered >= 50, `offline answered only ${answered} of 100 cases (56 when written)`);
  });

  it('a healthy endpoint under --ca needs one TLS connection for all four stores', async () => {
    const r = await checkUrl(m.urls.ok, { ...ISOLATED, extraCaFiles: [m.rootFile] });
    assert.deepStrictEqual(
      r.connections?.map((c) => c.purpose),
      ['sent-chain'],
    );
    assert.deepStrictEqual(Object.fromEntries(Object.values(r.trust).map((v) => [v.store, v.trusted])), {
      node: false,
      os: null,
      certifi: null,
      '--ca': true,
    });
  });

  it('asks the Python interpreter for certifi once per process, even for concurrent checks', async () => {
    const log = path.join(m.dir, 'python-runs.log');
    const python = path.join(m.dir, 'fake-python');
    await fs.writeFile(python, `#!/bin/sh\necho run >> '${log}'\necho '${m.rootFile}'\n`, { mode: 0o755 });
    const opts = { ...ISOLATED, certifiPath: undefined, pythonPath: python };
    const reports = await Promise.all([1, 2, 3, 4].map(() => checkUrl(m.urls.ok, opts)));
    reports.push(await checkUrl(m.urls.ok, opts));
    assert.ok(reports.every((r) => r.trust.certifi.trusted === true && r.trust.certifi.source === m.rootFile));
    assert.strictEqual((await fs.readFile(log, 'utf8')).trim().split('\n').length, 1);
  });

  it('fetches the AIA issuer only for a rejected chain', async () => {
    let fetches = 0;
    const aia = http.createServer((_, res) => {
      fetches++;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => aia.listen(0, '127.0.0.1', resolve));
    const leaf = m.pki.leaf({ aiaUrl: `http://127.0.0.1:${(aia.address() as { port: number }).port}/int.cer` });
    const server = tls.createServer({ key: leaf.keyPem, cert: leaf.certPem }, (s) => s.end());
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(server.address() as { port: number }).port}/`;
      const verified = await checkUrl(url, { ...ISOLATED, extraCaFiles: [m.intermediateFile, m.rootFile] });
      assert.strictEqual(verified.trust['--ca'].trusted, true);
      assert.strictEqual(fetches, 0);
      const rejected = await checkUrl(url, { ...ISOLATED, extraCaFiles: [m.rootFile] });
      assert.strictEqual(rejected.trust['--ca'].trusted, false);
      assert.strictEqual(fetches, 1);
    } finally {
      await Promise.all([server, aia].map((s) => new Promise((resolve) => s.close(resolve))));
    }
  });

  it('reads the chain as sent even when the server orders it badly and adds an unrelated certificate', async () => {
    const leaf = m.pki.leaf();
    const stray = m.pki.leaf({ selfSigned: true, commonName: 'stray' });
    const server = tls.createServer(
      {
        key: leaf.keyPem,
        cert: [leaf.certPem, m.pki.root.certPem, stray.certPem, m.pki.intermediate.certPem].join('\n'),
      },
      (s) => s.end(),
    );
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(server.address() as { port: number }).port}/`;
      const r = await handshake(url, stores.root);
      assert.strictEqual(r.sent.length, 4, 'every certificate the server sent, stray included');
      assert.deepStrictEqual(
        linkChain(r.sent).map((x) => x.subject.split('\n')[0]),
        ['CN=localhost', 'CN=TLS Doctor Test Intermediate', 'CN=TLS Doctor Test Root'],
      );
      assert.strictEqual(r.verifyError, undefined);
      const path = buildPath(r.sent, indexFor(stores.node));
      assert.deepStrictEqual(
        { trusted: path.trusted, code: path.error?.code, length: path.path.length },
        { trusted: false, code: 'SELF_SIGNED_CERT_IN_CHAIN', length: 3 },
      );
      assert.deepStrictEqual(
        verdictOf({ name: 'node', pems: stores.node }, await handshake(url, stores.node)).error,
        `${path.error?.code}: ${path.error?.message}`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
