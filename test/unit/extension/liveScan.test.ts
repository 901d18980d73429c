// The typing pause's re-scan off the main thread (issue 17): the worker's copy of a document follows the editor's
// edits exactly (applyEdits against the text rebuilt from scratch, fast-check), the worker answers a scan with the
// findings and facts the editor would compute, "same" for the digest already shown, "stale" for a version it does not
// hold; and the LiveScanner sends the text only when the worker has no copy at that version.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { applyEdits, TextEdit } from '../../../src/extension/diagnostics/liveText';
import { scanWithFacts } from '../../../src/extension/findingFacts';
import { handle, LiveReply } from '../../../src/extension/diagnostics/liveScanWorker';
import { LiveScanner } from '../../../src/extension/diagnostics/liveScan';
import { factsOf, findingKey } from '../../../src/extension/findingFacts';
import { scanText } from '../../../src/core/scan/index';

const TEXT = [
  'import requests',
  '',
  'API = "https://api.internal.example"',
  '',
  'def fetch(path):',
  '    return requests.get(API + path, verify=False, timeout=5)',
  '',
].join('\n');

describe('extension: live re-scan (applyEdits)', () => {
  it('applies an event of several changes listed by descending position, offsets taken before the event', () => {
    // Two cursors: "#" typed at line 5 (offset 54) and at line 0 (offset 0), listed as VS Code lists them.
    const edits: TextEdit[] = [
      [TEXT.indexOf('def'), 0, '#'],
      [0, 6, 'from'],
    ];
    const want = `from${TEXT.slice(6, TEXT.indexOf('def'))}#${TEXT.slice(TEXT.indexOf('def'))}`;
    assert.strictEqual(applyEdits(TEXT, edits), want);
  });

  it('equals the text rebuilt from its pieces after any set of non-overlapping changes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 })), { maxLength: 6 }),
        (text, raw) => {
          // Non-overlapping ranges in the original text, then listed by descending offset (as an event lists them).
          const ranges: [number, number, string][] = [];
          let floor = 0;
          for (const [start, len, insert] of raw
            .map(([o, l, t]) => [o % (text.length + 1), l, t] as const)
            .sort((a, b) => a[0] - b[0])) {
            if (start < floor) continue;
            const length = Math.min(len, text.length - start);
            ranges.push([start, length, insert]);
            floor = start + length + 1;
          }
          let want = '';
          let at = 0;
          for (const [start, length, insert] of ranges) {
            want += text.slice(at, start) + insert;
            at = start + length;
          }
          want += text.slice(at);
          assert.strictEqual(applyEdits(text, [...ranges].reverse()), want);
        },
      ),
    );
  });
});

describe('extension: live re-scan (the worker)', () => {
  it('finds what the editor would, answers "same" for the digest shown and "stale" for another version', () => {
    const docs = new Map<string, { version: number; text: string }>();
    assert.strictEqual(handle(docs, { kind: 'open', key: 'u', version: 1, text: TEXT }), undefined);
    const found = handle(docs, { kind: 'scan', id: 1, key: 'u', version: 1, path: 'a.py', languageId: 'python' });
    assert.ok(found?.kind === 'found');
    const raw = scanText(TEXT, 'a.py', { languageId: 'python', testFileSeverity: 'default' });
    assert.deepStrictEqual(found.findings, raw);
    assert.deepStrictEqual(
      found.facts,
      raw.map((f) => [findingKey(f.ruleId, f.range), factsOf(f, 'a.py', TEXT)]),
      'the facts the FindingStore would compute',
    );
    assert.strictEqual(found.length, TEXT.length);
    const same = handle(docs, { kind: 'scan', id: 2, key: 'u', version: 1, path: 'a.py', digest: found.digest });
    assert.deepStrictEqual(same, { id: 2, kind: 'same', length: TEXT.length });
    assert.deepStrictEqual(handle(docs, { kind: 'scan', id: 3, key: 'u', version: 2, path: 'a.py' }), {
      id: 3,
      kind: 'stale',
    });
    // An edit that comments the call out: version 2 has no finding.
    const at = TEXT.indexOf('    return');
    handle(docs, { kind: 'edit', key: 'u', version: 2, edits: [[at, 0, '#']] });
    const after = handle(docs, { kind: 'scan', id: 4, key: 'u', version: 2, path: 'a.py', digest: found.digest });
    assert.ok(after?.kind === 'found');
    assert.deepStrictEqual(after.findings, []);
    handle(docs, { kind: 'close', key: 'u' });
    assert.strictEqual(handle(docs, { kind: 'scan', id: 5, key: 'u', version: 2, path: 'a.py' })?.kind, 'stale');
  });
});

describe('extension: live re-scan (the worker, edits sent with the scan request)', () => {
  it('applies the edits from the base version asked for, and answers "stale" from another one', () => {
    const docs = new Map<string, { version: number; text: string }>();
    handle(docs, { kind: 'open', key: 'u', version: 1, text: TEXT });
    const at = TEXT.indexOf('    return');
    // Two keystrokes of one pause: "#" then " ", each offset in the text the one before left.
    const edits: TextEdit[] = [
      [at, 0, '#'],
      [at + 1, 0, ' '],
    ];
    const r = handle(docs, { kind: 'scan', id: 1, key: 'u', version: 3, path: 'a.py', edits: { base: 1, edits } });
    assert.ok(r?.kind === 'found');
    assert.deepStrictEqual(r.findings, [], 'the call commented out');
    assert.strictEqual(r.length, TEXT.length + 2);
    assert.deepStrictEqual(docs.get('u'), { version: 3, text: applyEdits(TEXT, edits) });
    const stale = handle(docs, {
      kind: 'scan',
      id: 2,
      key: 'u',
      version: 5,
      path: 'a.py',
      edits: { base: 4, edits: [[0, 0, 'x']] },
    });
    assert.deepStrictEqual(stale, { id: 2, kind: 'stale' }, 'its copy is at 3, not 4');
    assert.strictEqual(docs.get('u')?.version, 3, 'the copy is left as it was');
  });
});

describe('extension: live re-scan (LiveScanner, a real worker thread)', function () {
  this.timeout(30_000);
  // The worker thread loads the TypeScript entry through a shim that registers tsx (as mocha's `--import tsx` does).
  let file = '';
  let dir = '';
  let scanner: LiveScanner;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-live-'));
    file = path.join(dir, 'liveScanWorker.cjs');
    const entry = path.join(__dirname, '../../../src/extension/diagnostics/liveScanWorker.ts');
    fs.writeFileSync(
      file,
      `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(entry)});\n`,
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => scanner?.dispose());

  /** A document whose getText() calls are counted. */
  const doc = (state: { text: string; version: number; reads: number }) => ({
    key: 'file:///w/a.py',
    get version() {
      return state.version;
    },
    getText() {
      state.reads++;
      return state.text;
    },
  });

  it('sends the text once, then only edits; the answer is that of the edited text', async () => {
    scanner = new LiveScanner(file);
    const state = { text: TEXT, version: 1, reads: 0 };
    const first = await scanner.scan(doc(state), 'a.py', 'python');
    assert.ok(first?.kind === 'found', `a result (${JSON.stringify(first)})`);
    assert.strictEqual(first.findings.length, 1);
    assert.strictEqual(state.reads, 1, 'the text was sent once');
    // Typing: a letter in an identifier (same findings), then a second insecure call.
    const edit = (e: TextEdit) => {
      state.text = applyEdits(state.text, [e]);
      state.version++;
      scanner.edited('file:///w/a.py', state.version, [e]);
    };
    edit([TEXT.indexOf('fetch'), 0, 'x']);
    const same = await scanner.scan(doc(state), 'a.py', 'python', first.digest);
    assert.deepStrictEqual(same, { id: (same as LiveReply).id, kind: 'same', length: state.text.length });
    edit([state.text.length, 0, '\nrequests.get(API, verify=False)\n']);
    const second = await scanner.scan(doc(state), 'a.py', 'python', first.digest);
    assert.ok(second?.kind === 'found');
    assert.deepStrictEqual(second.findings, scanWithFacts(state.text, 'a.py', 'python').findings);
    assert.strictEqual(second.findings.length, 2);
    assert.strictEqual(state.reads, 1, 'no text sent after the first scan');
  });

  it('carries several keystrokes to the next scan, and knows the length of its copy without the text', async () => {
    scanner = new LiveScanner(file);
    const state = { text: TEXT, version: 1, reads: 0 };
    const first = await scanner.scan(doc(state), 'a.py', 'python');
    assert.ok(first?.kind === 'found');
    assert.strictEqual(scanner.lengthAt('file:///w/a.py', 1), TEXT.length);
    const at = TEXT.indexOf('    return');
    for (const e of [
      [at, 0, '#'],
      [at + 1, 0, ' '],
      [0, 6, 'from'],
    ] as TextEdit[]) {
      state.text = applyEdits(state.text, [e]);
      state.version++;
      scanner.edited('file:///w/a.py', state.version, [e]);
    }
    assert.strictEqual(scanner.lengthAt('file:///w/a.py', state.version), state.text.length);
    assert.strictEqual(scanner.lengthAt('file:///w/a.py', state.version - 1), undefined, 'not at that version');
    const r = await scanner.scan(doc(state), 'a.py', 'python', first.digest);
    assert.ok(r?.kind === 'found');
    assert.deepStrictEqual(r.findings, scanWithFacts(state.text, 'a.py', 'python').findings);
    assert.strictEqual(r.length, state.text.length);
    assert.strictEqual(state.reads, 1, 'the keystrokes went with the scan request, not the text');
    scanner.closed('file:///w/a.py');
    assert.strictEqual(scanner.lengthAt('file:///w/a.py', state.version), undefined, 'closed: no copy');
  });

  it('sends the text again when an edit was not forwarded (the copy is stale), and after the worker ended', async () => {
    scanner = new LiveScanner(file);
    const state = { text: TEXT, version: 1, reads: 0 };
    assert.ok((await scanner.scan(doc(state), 'a.py', 'python'))?.kind === 'found');
    state.text = TEXT.replace('verify=False', 'verify=True');
    state.version = 7; // an edit the scanner never heard of
    const r = await scanner.scan(doc(state), 'a.py', 'python');
    assert.ok(r?.kind === 'found');
    assert.deepStrictEqual(r.findings, [], 'the answer is that of the current text');
    assert.strictEqual(state.reads, 2);
    scanner.stop();
    assert.strictEqual(scanner.running, false);
    assert.ok((await scanner.scan(doc(state), 'a.py', 'python'))?.kind === 'found', 'a new worker, sent the text');
    assert.strictEqual(state.reads, 3);
  });

  it('ends the worker once idleMs passed since the last request, not since the first', async () => {
    const idleMs = 400;
    scanner = new LiveScanner(file, idleMs);
    const state = { text: TEXT, version: 1, reads: 0 };
    assert.ok((await scanner.scan(doc(state), 'a.py', 'python'))?.kind === 'found');
    await new Promise((r) => setTimeout(r, 250));
    assert.ok((await scanner.scan(doc(state), 'a.py', 'python'))?.kind === 'found');
    const last = Date.now();
    assert.ok(scanner.running, 'running after the second request');
    while (scanner.running && Date.now() - last < 10_000) await new Promise((r) => setTimeout(r, 20));
    assert.ok(!scanner.running, 'ended when idle');
    assert.ok(Date.now() - last >= idleMs - 20, `ended ${Date.now() - last} ms after the last request`);
  });

  it('answers undefined without a worker file (the caller scans on its own thread)', async () => {
    scanner = new LiveScanner(path.join(__dirname, 'no-such-worker.js'));
    const state = { text: TEXT, version: 1, reads: 0 };
    assert.strictEqual(await scanner.scan(doc(state), 'a.py', 'python'), undefined);
    assert.strictEqual(scanner.running, false);
  });
});
