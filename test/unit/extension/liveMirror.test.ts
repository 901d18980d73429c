// The worker's copy of a document against the document itself (issue 17: a typing pause posts its edits, not the
// text). A LiveScanner with an in-process worker (the real request handler, answering on a later turn as a thread
// would) is driven by random sequences of edit events — several changes per event, big pastes, deletions, undos,
// events the scanner never hears of, dirty-state events — with scans in between, some still in flight while the next
// keystrokes arrive (fast-check). After every scan the worker's copy must be the text of the version it holds, and
// the answer that of the text scanned; an event missed shows as a version skip and makes the next scan send the text.
import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, TextEdit } from '../../../src/extension/diagnostics/liveText';
import { handle, LiveReply, LiveRequest } from '../../../src/extension/diagnostics/liveScanWorker';
import { LiveScanner, LiveWorker } from '../../../src/extension/diagnostics/liveScan';

const KEY = 'file:///w/a.py';

/** A worker thread in this thread: the real handler, each message handled on a later turn, in order. */
class FakeWorker implements LiveWorker {
  readonly docs = new Map<string, { version: number; text: string }>();
  /** Texts posted whole ('open'), and the characters they held. */
  opens = 0;
  openedChars = 0;
  private readonly listeners: ((r: LiveReply) => void)[] = [];
  postMessage(m: LiveRequest): void {
    if (m.kind === 'open') {
      this.opens++;
      this.openedChars += m.text.length;
    }
    setImmediate(() => {
      const reply = handle(this.docs, m);
      if (reply) for (const l of this.listeners) l(reply);
    });
  }
  on(event: string, listener: (r: LiveReply) => void): this {
    if (event === 'message') this.listeners.push(listener);
    return this;
  }
  ref(): void {}
  unref(): void {}
  terminate(): void {}
}

/** One step of a session. */
type Step =
  | { kind: 'edit'; changes: [number, number, string][] }
  | { kind: 'undo' }
  | { kind: 'missed'; change: [number, number, string] }
  | { kind: 'dirty' }
  | { kind: 'scan'; wait: boolean };

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\t', 'é', '😀', 'verify=False') },
  // A paste: several lines at once.
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 30 }), { maxLength: 40 }).map((ls) => ls.join('\n')) },
);
const change = fc.tuple(fc.nat(), fc.nat({ max: 40 }), piece);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => ({ kind: 'edit' as const, changes })),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: change.map((c) => ({ kind: 'missed' as const, change: c })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dirty' as const }) },
  { weight: 3, arbitrary: fc.boolean().map((wait) => ({ kind: 'scan' as const, wait })) },
);

/**
 * `raw` as the changes of one event on `text`: clamped into it, non-overlapping, listed by descending offset with
 * offsets into `text` (as VS Code lists an event's contentChanges).
 */
function eventOf(text: string, raw: readonly [number, number, string][]): TextEdit[] {
  const out: TextEdit[] = [];
  let floor = 0;
  for (const [o, l, t] of [...raw]
    .map(([o, l, t]) => [o % (text.length + 1), l, t] as const)
    .sort((a, b) => a[0] - b[0])) {
    if (o < floor) continue;
    const length = Math.min(l, text.length - o);
    out.push([o, length, t]);
    floor = o + length + 1;
  }
  return out.reverse();
}

describe('extension: live re-scan (the worker copy against the text, random edit sequences)', () => {
  it('keeps the copy equal to the text of its version, and resyncs after an event it missed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.array(step, { maxLength: 40 }), async (initial, steps) => {
        const fake = new FakeWorker();
        const scanner = new LiveScanner('(in-process)', 60_000, () => fake);
        const state = { text: `import requests\n${initial}`, version: 1 };
        /** Every version's text, to check the copy at whatever version it holds. */
        const history = new Map([[1, state.text]]);
        const undo: TextEdit[] = [];
        const doc = {
          key: KEY,
          get version() {
            return state.version;
          },
          getText: () => state.text,
        };
        const inFlight: Promise<void>[] = [];
        const apply = (edits: TextEdit[], heard: boolean) => {
          state.text = applyEdits(state.text, edits);
          state.version++;
          history.set(state.version, state.text);
          if (heard) scanner.edited(KEY, state.version, edits);
        };
        const scan = async () => {
          const version = state.version;
          const text = state.text;
          const r = await scanner.scan(doc, 'a.py', 'python');
          // An answer is that of the version asked for, whatever was typed since.
          assert.ok(r && r.kind === 'found', `an answer (${JSON.stringify(r)})`);
          assert.strictEqual(r.length, text.length, `the length of version ${version}`);
          const copy = fake.docs.get(KEY);
          assert.ok(copy, 'the worker holds a copy');
          assert.strictEqual(copy.text, history.get(copy.version), `the copy at version ${copy.version}`);
        };
        try {
          for (const s of steps) {
            if (s.kind === 'edit') {
              const edits = eventOf(state.text, s.changes);
              // The inverse of a one-change event, for an undo later (the text it replaced, put back).
              if (edits.length === 1) {
                const [o, l, t] = edits[0];
                undo.push([o, t.length, state.text.slice(o, o + l)]);
              }
              apply(edits, true);
            } else if (s.kind === 'undo') {
              const inverse = undo.pop();
              if (inverse && inverse[0] + inverse[1] <= state.text.length) apply([inverse], true);
            } else if (s.kind === 'missed') {
              undo.length = 0;
              apply(eventOf(state.text, [s.change]), false);
            } else if (s.kind === 'dirty') {
              scanner.edited(KEY, state.version, []);
            } else if (s.wait) {
              await scan();
            } else {
              inFlight.push(scan());
            }
          }
          await Promise.all(inFlight);
          await scan();
          assert.strictEqual(fake.docs.get(KEY)?.text, state.text, 'the copy is the text at the end');
        } finally {
          scanner.dispose();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sends the text once for keystrokes it heard, and again only after one it missed', async () => {
    const fake = new FakeWorker();
    const scanner = new LiveScanner('(in-process)', 60_000, () => fake);
    const state = { text: 'import requests\nrequests.get(URL, verify=False)\n', version: 1 };
    const doc = {
      key: KEY,
      get version() {
        return state.version;
      },
      getText: () => state.text,
    };
    const type = (e: TextEdit, heard = true) => {
      state.text = applyEdits(state.text, [e]);
      state.version++;
      if (heard) scanner.edited(KEY, state.version, [e]);
    };
    try {
      assert.ok((await scanner.scan(doc, 'a.py', 'python'))?.kind === 'found');
      for (let i = 0; i < 5; i++) {
        type([0, 0, 'x']);
        assert.ok((await scanner.scan(doc, 'a.py', 'python'))?.kind === 'found');
      }
      assert.strictEqual(fake.opens, 1, 'five pauses, the text sent once');
      type([0, 1, ''], false); // an event the scanner did not hear of
      type([0, 0, 'y']); // the next one skips a version
      assert.strictEqual(scanner.lengthAt(KEY, state.version), undefined, 'no copy after the skip');
      const r = await scanner.scan(doc, 'a.py', 'python');
      assert.ok(r?.kind === 'found');
      assert.strictEqual(r.length, state.text.length);
      assert.strictEqual(fake.opens, 2, 'the text sent again');
      assert.strictEqual(fake.docs.get(KEY)?.text, state.text);
    } finally {
      scanner.dispose();
    }
  });
});
