// The editor's workspace scan without VS Code: the batcher (first item at once, then at most one batch per
// interval), the persisted results (reused only for the same size, mtime and key) and the folder scan the worker
// runs (streams findings while walking, reports only files with findings and known ones, reads only changed files).
import * as assert from 'assert';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Batcher } from '../../../src/extension/diagnostics/batcher';
import {
  Chunk,
  ChunkClaims,
  FolderScanRequest,
  ScanBatch,
  scanFolder,
  scanFolderParallel,
  takeChunk,
} from '../../../src/extension/diagnostics/folderScan';
import { ScanCache } from '../../../src/extension/diagnostics/scanCache';
import { scanTargets } from '../../../src/core/scan/files';
import { isScannable, walkFiles } from '../../../src/core/scan/index';
import { CHILD_FLAG, IDLE_FLAG, scanProcessEnv } from '../../../src/extension/diagnostics/scanWorker';
import type { WorkerMessage } from '../../../src/extension/diagnostics/scanWorker';
import { Spare } from '../../../src/extension/diagnostics/spare';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-wscan-'));
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
  return root;
}

const INSECURE = 'import requests\nrequests.get("https://api.example.com", verify=False)\n';

describe('extension: workspace scan (batcher)', () => {
  it('emits the first item at once, then at most one batch per interval, and the rest on flush', () => {
    let t = 0;
    const out: number[][] = [];
    const b = new Batcher<number>(
      (items) => out.push(items),
      100,
      () => t,
    );
    b.push(1);
    assert.deepStrictEqual(out, [[1]], 'first item at once');
    t = 10;
    b.push(2);
    b.push(3);
    assert.strictEqual(out.length, 1, 'held within the interval');
    t = 110;
    b.push(4);
    assert.deepStrictEqual(out[1], [2, 3, 4]);
    t = 150;
    b.push(5);
    b.flush();
    assert.deepStrictEqual(out[2], [5]);
  });

  it('doubles the interval after each batch of items, up to the maximum; progress keeps the current one', () => {
    let t = 0;
    const out: { at: number; items: number[] }[] = [];
    const b = new Batcher<number>(
      (items) => out.push({ at: t, items }),
      100,
      () => t,
      400,
    );
    // One item every 10 ms for 2 s.
    for (let i = 0; t <= 2000; i++, t += 10) b.push(i);
    const gaps = out.slice(1).map((o, i) => o.at - out[i].at);
    assert.deepStrictEqual(gaps, [100, 200, 400, 400, 400, 400]);
    assert.deepStrictEqual(out[0].items, [0], 'the very first item at once');
    t += 50;
    b.tick();
    assert.strictEqual(out.length, 7, 'nothing before the interval');
    b.flush();
    assert.deepStrictEqual(
      out.flatMap((o) => o.items),
      Array.from({ length: 201 }, (_, i) => i),
      'every item once, in order',
    );
  });

  it('sends the first item that matters at once, even after others; only batches holding one grow the interval', () => {
    let t = 0;
    const out: { at: number; items: string[] }[] = [];
    const b = new Batcher<string>(
      (items) => out.push({ at: t, items }),
      100,
      () => t,
      400,
      (i) => i.startsWith('finding'),
    );
    b.push('skip 1'); // t = 0, last = -Infinity: the interval has passed, out it goes (with nothing that matters)
    t = 20;
    b.push('skip 2');
    assert.strictEqual(out.length, 1, 'a skip waits for the interval');
    t = 30;
    b.push('finding 1');
    assert.deepStrictEqual(out[1], { at: 30, items: ['skip 2', 'finding 1'] }, 'the first finding at once');
    t = 130;
    b.push('skip 3'); // a batch of skips alone: the interval stays 100
    t = 230;
    b.push('finding 2');
    assert.deepStrictEqual(
      out.slice(2).map((o) => o.at),
      [130, 230],
    );
    t = 330;
    b.push('finding 3');
    assert.strictEqual(out.length, 4, 'after a batch with a finding the interval is 200');
    t = 430;
    b.push('x');
    assert.deepStrictEqual(out[4], { at: 430, items: ['finding 3', 'x'] });
  });

  it('tick() sends an empty batch (progress) only after the interval', () => {
    let t = 0;
    const out: number[][] = [];
    const b = new Batcher<number>(
      (items) => out.push(items),
      100,
      () => t,
    );
    b.tick(); // t - (-Infinity) >= 100: the first tick reports progress at once
    t = 50;
    b.tick();
    assert.strictEqual(out.length, 1);
    t = 160;
    b.tick();
    assert.deepStrictEqual(out, [[], []]);
  });
});

describe('extension: workspace scan (persisted results)', () => {
  it('reuses an entry only for the same size and mtime, and nothing written with another key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cache-'));
    const file = path.join(dir, 'sub', 'c.json');
    const c = ScanCache.load(file, 'k1');
    assert.strictEqual(c.size, 0);
    c.keep('a.py', 10, 1000, { kind: 'clean' });
    assert.ok(c.save(file));
    const again = ScanCache.load(file, 'k1');
    assert.deepStrictEqual(again.lookup('a.py', 10, 1000), { kind: 'clean' });
    assert.strictEqual(again.lookup('a.py', 11, 1000), undefined, 'size changed');
    assert.strictEqual(again.lookup('a.py', 10, 1001), undefined, 'mtime changed');
    assert.strictEqual(ScanCache.load(file, 'k2').size, 0, 'another key: invalid');
    fs.writeFileSync(file, '{ not json');
    assert.strictEqual(ScanCache.load(file, 'k1').size, 0, 'a damaged file is an empty cache');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing when a scan kept exactly what it read, and rewrites on a change or a file gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cache-'));
    const file = path.join(dir, 'c.json');
    const first = ScanCache.load(file, 'k');
    first.keep('a.py', 1, 10, { kind: 'clean' });
    first.keep('b.py', 2, 20, { kind: 'skip', reason: 'binary', detail: 'contains NUL bytes' });
    assert.ok(first.save(file));
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000); // whole seconds: exact as an mtime
    const backdate = () => fs.utimesSync(file, old, old);
    const written = () => fs.statSync(file).mtimeMs !== old.getTime();
    // Unchanged: every entry kept with the outcome lookup() gave.
    backdate();
    const same = ScanCache.load(file, 'k');
    for (const [rel, size, mtime] of [['a.py', 1, 10] as const, ['b.py', 2, 20] as const]) {
      const hit = same.lookup(rel, size, mtime);
      assert.ok(hit, rel);
      same.keep(rel, size, mtime, hit);
    }
    assert.ok(same.save(file), 'the file holds these results');
    assert.ok(!written(), 'nothing rewritten');
    // One file changed: rewritten, and the new outcome is what the next scan finds.
    const changed = ScanCache.load(file, 'k');
    changed.keep('a.py', 1, 10, changed.lookup('a.py', 1, 10)!);
    changed.keep('b.py', 3, 30, { kind: 'clean' });
    assert.ok(changed.save(file));
    assert.ok(written(), 'rewritten after a change');
    assert.deepStrictEqual(ScanCache.load(file, 'k').lookup('b.py', 3, 30), { kind: 'clean' });
    // One file gone (not kept): rewritten without it.
    backdate();
    const gone = ScanCache.load(file, 'k');
    gone.keep('a.py', 1, 10, gone.lookup('a.py', 1, 10)!);
    assert.ok(gone.save(file));
    assert.ok(written(), 'rewritten after a file went');
    assert.strictEqual(ScanCache.load(file, 'k').size, 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('extension: workspace scan (folder scan in the worker)', () => {
  let root = '';
  let cacheDir = '';
  const req = (over: Partial<FolderScanRequest> = {}): FolderScanRequest => ({
    root,
    excludes: ['**/node_modules/**', '**/out/**', '**/.venv/**', 'skipme/**'],
    maxFileSize: 1024 * 1024,
    known: [],
    cacheFile: path.join(cacheDir, 'scan.json'),
    cacheKey: 'v1',
    ...over,
  });
  const run = (r: FolderScanRequest) => {
    const batches: ScanBatch[] = [];
    const totals = scanFolder(r, (b) => batches.push(b));
    return { totals, batches, files: batches.flatMap((b) => b.files) };
  };

  beforeEach(() => {
    const files: Record<string, string> = {
      'app/client.py': INSECURE,
      'app/clean.py': 'print("hello")\n',
      'node_modules/lib/index.js': 'const a = { rejectUnauthorized: false };\n',
      'skipme/x.py': INSECURE,
      'out/generated.py': INSECURE, // a built-in folder: left out by the walker, whatever the patterns say
      'lib/.venv/site.py': INSECURE,
      'tests/test_client.py': INSECURE,
    };
    for (let i = 0; i < 30; i++) files[`many/m${i}.py`] = `x = ${i}\n`;
    root = tree(files);
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cache-'));
  });
  afterEach(() => {
    for (const d of [root, cacheDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('reports only files with findings, with their facts, and leaves out excluded folders', () => {
    const { totals, files } = run(req());
    assert.deepStrictEqual(files.map((f) => f.rel).sort(), ['app/client.py', 'tests/test_client.py']);
    const client = files.find((f) => f.rel === 'app/client.py');
    assert.deepStrictEqual(
      client?.findings.map((f) => f.ruleId),
      ['python.requests-verify-false'],
    );
    assert.strictEqual(client?.facts.length, 1);
    assert.deepStrictEqual(
      { host: client?.facts[0][1].endpoint?.host, removable: client?.facts[0][1].removable },
      { host: 'api.example.com', removable: true },
    );
    assert.strictEqual(totals.listed, 33);
    assert.strictEqual(totals.scanned, 33);
    assert.strictEqual(totals.read, 33);
  });

  it('streams: the first finding is posted before the walk has listed every file', () => {
    const { batches, totals } = run(req());
    const first = batches.find((b) => b.files.length > 0);
    assert.ok(first, 'a batch with findings');
    assert.ok(first.listed < totals.listed, `first findings after ${first.listed} of ${totals.listed} files`);
  });

  it('reports a known file that has no findings any more, so the editor can clear it', () => {
    fs.writeFileSync(path.join(root, 'app/client.py'), 'print("fixed")\n');
    const { files } = run(req({ known: ['app/client.py'] }));
    const client = files.find((f) => f.rel === 'app/client.py');
    assert.deepStrictEqual([client?.findings, client?.facts], [[], []]);
  });

  it('persists results: a second scan reads only what changed, and the key or max size invalidates them', () => {
    const first = run(req());
    assert.ok(first.totals.saved);
    const second = run(req());
    assert.strictEqual(second.totals.read, 0, 'nothing changed: nothing read');
    assert.deepStrictEqual(second.files, first.files, 'the same findings, facts and digests');
    const clean = path.join(root, 'app/clean.py');
    fs.writeFileSync(clean, 'requests.get(u, verify=False)  # changed\n');
    fs.utimesSync(clean, new Date(), new Date(Date.now() + 5000));
    const third = run(req());
    assert.strictEqual(third.totals.read, 1, 'only the changed file');
    assert.ok(third.files.some((f) => f.rel === 'app/clean.py'));
    const digest = (r: typeof first, rel: string) => r.files.find((f) => f.rel === rel)?.digest;
    assert.strictEqual(digest(third, 'app/client.py'), digest(first, 'app/client.py'), 'unchanged file: same digest');
    fs.writeFileSync(path.join(root, 'app/client.py'), `${INSECURE}requests.post(u, verify=False)\n`);
    assert.notStrictEqual(
      digest(run(req()), 'app/client.py'),
      digest(first, 'app/client.py'),
      'new findings: new digest',
    );
    assert.strictEqual(run(req({ cacheKey: 'v2' })).totals.read, 33, 'another extension version');
    assert.strictEqual(run(req({ maxFileSize: 2048 })).totals.read, 33, 'another max file size');
  });

  it('reports the end of the scan after the last batch and before the results are written', () => {
    const file = req().cacheFile!;
    const events: string[] = [];
    const totals = scanFolder(
      req(),
      (b) => events.push(`batch ${b.files.length}`),
      Date.now,
      (t) => events.push(`scanned ${t.read} read, file ${fs.existsSync(file) ? 'written' : 'not written'}`),
    );
    assert.ok(totals.saved && fs.existsSync(file), 'written after');
    assert.match(events[events.length - 1], /^scanned 33 read, file not written$/);
    assert.ok(
      events.slice(0, -1).every((e) => e.startsWith('batch ')),
      events.join('; '),
    );
  });

  it('a re-scan with nothing changed leaves the persisted file as it was; a new file rewrites it', () => {
    run(req());
    const file = req().cacheFile!;
    const old = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000); // whole seconds: exact as an mtime
    fs.utimesSync(file, old, old);
    const again = run(req());
    assert.strictEqual(again.totals.read, 0);
    assert.ok(again.totals.saved);
    assert.strictEqual(fs.statSync(file).mtimeMs, old.getTime(), 'not rewritten');
    fs.writeFileSync(path.join(root, 'app/new.py'), INSECURE);
    const third = run(req());
    assert.strictEqual(third.totals.read, 1, 'only the new file');
    assert.notStrictEqual(fs.statSync(file).mtimeMs, old.getTime(), 'rewritten with the new file');
    assert.strictEqual(run(req()).totals.read, 0, 'the new file is in the persisted results');
  });

  it('skips files over the size limit with the reason', () => {
    const { batches } = run(req({ maxFileSize: 40 }));
    const skipped = batches.flatMap((b) => b.skipped).map((s) => [s.rel, s.reason]);
    assert.ok(
      skipped.some(([rel, reason]) => rel === 'app/client.py' && reason === 'too-large'),
      String(skipped),
    );
  });
});

describe('extension: workspace scan, chunk claims shared by two threads', () => {
  it('each chunk goes to one thread; the backlog is what the helper has not looked at', () => {
    const mine = new ChunkClaims();
    const helpers = new ChunkClaims(mine.buffer); // the other thread's view of the same memory
    assert.strictEqual(mine.backlog(3), 3);
    assert.strictEqual(helpers.take(0), true);
    assert.strictEqual(mine.backlog(3), 2);
    assert.strictEqual(mine.claim(2), true);
    assert.strictEqual(mine.claim(0), false, 'taken by the helper');
    assert.strictEqual(helpers.take(1), true);
    assert.strictEqual(helpers.take(2), false, 'claimed by this thread first');
    assert.strictEqual(mine.backlog(3), 0);
  });
});

describe('extension: workspace scan on two threads (scanFolderParallel)', () => {
  let root = '';
  let cacheDir = '';
  const req = (cacheName: string): FolderScanRequest => ({
    root,
    excludes: [],
    maxFileSize: 1024 * 1024,
    known: ['pkg0/m0.py'], // clean now: reported so the editor can clear it
    cacheFile: path.join(cacheDir, cacheName),
    cacheKey: 'v1',
  });
  // What the editor ends up showing: files with findings (rule ids and lines), skips, and the totals.
  const shown = (batches: ScanBatch[]) => ({
    files: batches
      .flatMap((b) => b.files)
      .map((f) => `${f.rel} ${f.findings.map((x) => `${x.ruleId}@${x.range.start.line}`).join(',')} ${f.digest}`)
      .sort(),
    skipped: batches
      .flatMap((b) => b.skipped)
      .map((s) => `${s.rel} ${s.reason}`)
      .sort(),
  });
  /** A helper "thread" in this process: the same chunk scan, answered later (as a real thread's reply would be). */
  const inProcess = (calls: { chunks: number; read: number }) => (claims: ChunkClaims) => ({
    run: async (chunk: Chunk) => {
      calls.chunks++;
      await new Promise((r) => setTimeout(r, 1));
      const results = takeChunk(claims, chunk, 1024 * 1024);
      if (results) calls.read += results.outcomes.length;
      return results;
    },
    close: () => undefined,
  });

  beforeEach(() => {
    const files: Record<string, string> = {};
    // Over the threshold that starts the helper, with findings, a big file and clean files spread across chunks.
    for (let i = 0; i < 900; i++) files[`pkg${i % 9}/m${i}.py`] = i % 50 === 7 ? INSECURE : `x = ${i}\n`;
    files['big/huge.py'] = INSECURE + '#'.repeat(2 * 1024 * 1024);
    root = tree(files);
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cache2-'));
  });
  afterEach(() => {
    for (const d of [root, cacheDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('finds, skips and persists exactly what the one-thread scan does, handing chunks to the helper', async () => {
    const one: ScanBatch[] = [];
    const a = scanFolder(req('one.json'), (b) => one.push(b));
    const two: ScanBatch[] = [];
    const calls = { chunks: 0, read: 0 };
    const b = await scanFolderParallel(req('two.json'), (x) => two.push(x), inProcess(calls));
    assert.ok(calls.chunks >= 2, `chunks handed to the helper: ${calls.chunks}`);
    assert.ok(calls.read > 0, 'the helper read some files');
    assert.deepStrictEqual(shown(two), shown(one));
    assert.strictEqual(shown(one).files.length, 18 + 1, 'the 18 insecure files and the known file now clean');
    assert.deepStrictEqual(
      { listed: b.listed, scanned: b.scanned, read: b.read, skipped: b.skipped },
      { listed: a.listed, scanned: a.scanned, read: a.read, skipped: a.skipped },
    );
    // The persisted results hold the same entries: a second parallel scan reads nothing.
    const again = await scanFolderParallel(req('two.json'), () => undefined, inProcess({ chunks: 0, read: 0 }));
    assert.strictEqual(again.read, 0);
    assert.strictEqual(again.scanned, a.scanned);
  });

  it('starts the helper at once on a first scan, and on a re-scan only from 400 files to read', async () => {
    let started = 0;
    const counting = (claims: ChunkClaims) => {
      started++;
      return inProcess({ chunks: 0, read: 0 })(claims);
    };
    await scanFolderParallel(req('two.json'), () => undefined, counting);
    assert.strictEqual(started, 1, 'nothing persisted: a helper');
    fs.writeFileSync(path.join(root, 'pkg1/m1.py'), INSECURE);
    const again = await scanFolderParallel(req('two.json'), () => undefined, counting);
    assert.strictEqual(again.read, 1);
    assert.strictEqual(started, 1, 'one file to read: no helper');
  });

  it('a helper still starting: the first 64 files are read here, then at most 2 chunks wait for it; all once ready', async () => {
    const one: ScanBatch[] = [];
    scanFolder(req('one.json'), (b) => one.push(b));
    // Never ready (a thread that never loaded): 2 chunks wait for it, this thread takes them back at the end.
    const never = { chunks: 0, read: 0 };
    const starting: ScanBatch[] = [];
    let firstHandedAt = 0;
    let asked = 0;
    await scanFolderParallel(
      req('never.json'),
      (b) => starting.push(b),
      (claims) => ({
        close: () => undefined,
        ready: () => (asked++, false),
        // A thread that never started looks at no chunk: "claimed by the other thread" once this one took it back.
        run: async (chunk: Chunk) => {
          firstHandedAt ||= asked;
          never.chunks++;
          while (Atomics.load(claims.slots, 1 + chunk.id) === 0) await new Promise((r) => setTimeout(r, 1));
          return undefined;
        },
      }),
    );
    assert.strictEqual(never.chunks, 2, 'two chunks wait for a helper that is not ready');
    assert.ok(firstHandedAt > 64, `the first 64 files are read here (first chunk handed at file ${firstHandedAt})`);
    assert.deepStrictEqual(shown(starting), shown(one));
    // Ready after 300 files: then the backlog grows to its usual size.
    asked = 0;
    let handedBeforeReady = 0;
    const later = { chunks: 0, read: 0 };
    const ready: ScanBatch[] = [];
    await scanFolderParallel(
      req('later.json'),
      (b) => ready.push(b),
      (claims) => {
        const h = inProcess(later)(claims);
        return {
          ...h,
          ready: () => ++asked > 300,
          run: async (chunk: Chunk) => {
            if (asked <= 300) handedBeforeReady++;
            // It starts on its queue once ready (or once the walk ended and this thread claims back what is left).
            while (asked <= 300 && Atomics.load(claims.slots, 1 + chunk.id) === 0) {
              await new Promise((r) => setTimeout(r, 1));
            }
            return h.run(chunk);
          },
        };
      },
    );
    assert.strictEqual(handedBeforeReady, 2);
    assert.ok(later.chunks > 2, `chunks once ready: ${later.chunks}`);
    assert.deepStrictEqual(shown(ready), shown(one));
  });

  it('a slow helper: this thread reads the chunks it has not started when the walk ends, each file once', async () => {
    const one: ScanBatch[] = [];
    const a = scanFolder(req('one.json'), (b) => one.push(b));
    const two: ScanBatch[] = [];
    const calls = { chunks: 0, read: 0, lost: 0 };
    const slow = (claims: ChunkClaims) => ({
      run: async (chunk: Chunk) => {
        calls.chunks++;
        await new Promise((r) => setTimeout(r, 20));
        const results = takeChunk(claims, chunk, 1024 * 1024);
        if (results) calls.read += results.outcomes.length;
        else calls.lost++;
        return results;
      },
      close: () => undefined,
    });
    const b = await scanFolderParallel(req('two.json'), (x) => two.push(x), slow);
    assert.ok(calls.lost > 0, `chunks this thread claimed back: ${calls.lost} of ${calls.chunks}`);
    assert.ok(calls.read < b.read, `files the helper read: ${calls.read} of ${b.read}`);
    assert.deepStrictEqual(shown(two), shown(one));
    assert.strictEqual(b.read, a.read);
  });

  it('a helper that dies after some chunks: its unanswered files are read here, each once', async () => {
    const one: ScanBatch[] = [];
    scanFolder(req('one.json'), (b) => one.push(b));
    const two: ScanBatch[] = [];
    let answered = 0;
    const dying = (claims: ChunkClaims) => ({
      run: async (chunk: Chunk) => {
        await new Promise((r) => setTimeout(r, 1));
        // It takes the chunk, then dies before answering, from the third one on.
        const results = takeChunk(claims, chunk, 1024 * 1024);
        if (++answered > 2) throw new Error('thread died');
        return results;
      },
      close: () => undefined,
    });
    const totals = await scanFolderParallel(req('two.json'), (x) => two.push(x), dying);
    assert.ok(answered > 2, `chunks the helper saw: ${answered}`);
    assert.deepStrictEqual(shown(two), shown(one));
    assert.strictEqual(totals.read, totals.listed);
  });

  it('a helper that fails leaves its files to this thread: same results', async () => {
    const one: ScanBatch[] = [];
    scanFolder(req('one.json'), (b) => one.push(b));
    const two: ScanBatch[] = [];
    let closed = false;
    const failing = () => ({
      run: () => Promise.reject(new Error('thread died')),
      close: () => void (closed = true),
    });
    const totals = await scanFolderParallel(req('two.json'), (x) => two.push(x), failing);
    assert.deepStrictEqual(shown(two), shown(one));
    assert.strictEqual(totals.read, totals.listed);
    assert.ok(closed, 'the helper is closed at the end');
  });
});

describe("extension: workspace scan finds what the CLI's engine finds", () => {
  it('same files, rules and ranges as walkFiles + scanTargets, with the editor default excludes matched by name', () => {
    const root = tree({
      'a/client.py': INSECURE,
      'a/.DS_Store': INSECURE, // files.exclude defaults: left out by both (the CLI never lists a file of that name)
      'b/agent.ts': "import https from 'https';\nexport const a = new https.Agent({ rejectUnauthorized: false });\n",
      'b/cfg.go': 'package main\n\nvar cfg = &tls.Config{InsecureSkipVerify: true}\n',
      'c/install.sh': '#!/bin/sh\ncurl -k https://internal.example/install.sh | sh\n',
      'c/.hg/hidden.py': INSECURE, // a built-in folder for both
      'tests/test_client.py': INSECURE,
      'clean/ok.py': 'print(1)\n',
    });
    try {
      const excludes = ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db'];
      const batches: ScanBatch[] = [];
      scanFolder({ root, excludes, maxFileSize: 1024 * 1024, known: [], cacheKey: 'v' }, (bt) => batches.push(bt));
      const editor = batches
        .flatMap((bt) => bt.files)
        .flatMap((f) => f.findings.map((x) => `${f.rel} ${x.ruleId} ${JSON.stringify(x.range)}`))
        .sort();
      const targets = [...walkFiles([root], { noIgnore: true, accept: (p) => isScannable(p) })].flatMap((e) =>
        e.kind === 'file' ? [{ path: e.path, scanPath: path.relative(root, e.path).split(path.sep).join('/') }] : [],
      );
      const cli = scanTargets(targets)
        .flatMap((o) => ('findings' in o ? o.findings.map((x) => ({ o, x })) : []))
        .map(
          ({ o, x }) =>
            `${path.relative(root, o.path).split(path.sep).join('/')} ${x.ruleId} ${JSON.stringify(x.range)}`,
        )
        .sort();
      assert.ok(cli.length >= 5, `the tree has findings: ${cli.join('; ')}`);
      assert.deepStrictEqual(editor, cli);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('extension: workspace scan process environment', () => {
  it("is the host's, flagged as the scan child, without NODE_EXTRA_CA_CERTS (parsed at start-up, never used)", () => {
    const host = { PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/corp.pem', TLS_DOCTOR_SCAN_THREADS: '1' };
    const env = scanProcessEnv(host);
    assert.strictEqual(env.PATH, '/usr/bin');
    assert.strictEqual(env.TLS_DOCTOR_SCAN_THREADS, '1');
    assert.strictEqual(env[CHILD_FLAG], '1');
    assert.strictEqual(env.ELECTRON_RUN_AS_NODE, '1');
    assert.ok(!('NODE_EXTRA_CA_CERTS' in env));
    assert.strictEqual(host.NODE_EXTRA_CA_CERTS, '/etc/ssl/corp.pem', "the host's own environment is left as it was");
  });
});

describe('extension: workspace scan process started ahead (Spare)', () => {
  class FakeProcess {
    connected = true;
    killed = false;
    kill(): boolean {
      this.killed = true;
      this.connected = false;
      return true;
    }
  }

  it('hands out the process it started ahead once, then forks; holds one at a time', () => {
    const started: FakeProcess[] = [];
    const spare = new Spare(() => {
      const p = new FakeProcess();
      started.push(p);
      return p;
    }, 1000);
    spare.warm();
    spare.warm();
    assert.strictEqual(started.length, 1, 'a usable held process is not started twice');
    const first = spare.take();
    assert.deepStrictEqual([first.proc === started[0], first.prestarted], [true, true]);
    const second = spare.take();
    assert.deepStrictEqual([second.proc === started[1], second.prestarted], [true, false], 'none held: a new fork');
    assert.ok(!started[0].killed && !started[1].killed, 'handed-out processes are the caller’s');
  });

  it('does not hand out one that ended or is near its idle exit: it is ended and a new one forked', () => {
    let t = 0;
    const started: FakeProcess[] = [];
    const spare = new Spare(
      () => {
        const p = new FakeProcess();
        started.push(p);
        return p;
      },
      1000,
      () => t,
    );
    spare.warm();
    t = 1000;
    const old = spare.take();
    assert.strictEqual(old.prestarted, false);
    assert.ok(started[0].killed, 'the stale one is ended');
    spare.warm();
    started[2].connected = false; // its channel closed (it exited)
    assert.strictEqual(spare.take().proc, started[3]);
    spare.warm();
    spare.stop();
    assert.ok(started[4].killed, 'stop() ends the held one');
    assert.strictEqual(spare.take().prestarted, false);
  });

  it('a fork that throws while warming leaves nothing held; take() forks (and throws) for itself', () => {
    let fail = true;
    const spare = new Spare(() => {
      if (fail) throw new Error('spawn EAGAIN');
      return new FakeProcess();
    }, 1000);
    assert.doesNotThrow(() => spare.warm());
    assert.throws(() => spare.take(), /EAGAIN/);
    fail = false;
    assert.strictEqual(spare.take().prestarted, false);
  });
});

describe('extension: the scan process itself (scanWorker.ts as a child)', () => {
  const WORKER = path.join(__dirname, '..', '..', '..', 'src', 'extension', 'diagnostics', 'scanWorker.ts');
  const child = (idleMs: number) =>
    fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...scanProcessEnv(process.env), TLS_DOCTOR_SCAN_THREADS: '1', [IDLE_FLAG]: String(idleMs) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });

  it('started ahead and never asked, it exits on its own after its idle time', async () => {
    const p = child(200);
    const messages: unknown[] = [];
    p.on('message', (m) => messages.push(m));
    const code = await new Promise<number | null>((resolve) => p.once('exit', (c) => resolve(c)));
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(messages, [], 'nothing posted');
  });

  it('asked while waiting, it scans, reports how long it waited apart from its start-up, and exits', async () => {
    const root = tree({ 'app.py': INSECURE });
    try {
      const p = child(20_000);
      await new Promise((r) => setTimeout(r, 1500));
      const req: FolderScanRequest = { root, excludes: [], maxFileSize: 1 << 20, known: [], cacheKey: 'k' };
      const messages: WorkerMessage[] = [];
      p.on('message', (m: WorkerMessage) => messages.push(m));
      p.send(req);
      await new Promise((resolve) => p.once('exit', resolve));
      const done = messages.find((m) => m.kind === 'done');
      assert.ok(done && done.kind === 'done', `a done message: ${JSON.stringify(messages)}`);
      assert.strictEqual(done.totals.scanned, 1);
      assert.ok(messages.some((m) => m.kind === 'batch' && m.batch.files.some((f) => f.rel === 'app.py')));
      // Start-up, then waiting: together the 1.5 s before the request (start-up alone is well under it when idle).
      const { startUpMs = 0, waitedMs } = done;
      assert.ok(startUpMs > 0 && waitedMs !== undefined, `start-up ${startUpMs} ms, waited ${waitedMs} ms`);
      assert.ok(startUpMs + waitedMs >= 1400, `start-up ${startUpMs} + waited ${waitedMs} ms`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
