import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readForScan, walkFiles } from '../../../src/core/scan/index';
import { classify, readBytesForScan } from '../../../src/core/scan/walk';

function tree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-walk-'));
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  }
  return root;
}

const listed = (root: string, opts = {}) =>
  [...walkFiles([root], opts)].flatMap((e) =>
    e.kind === 'file' ? [path.relative(root, e.path).split(path.sep).join('/')] : [],
  );

describe('scan: walkFiles and readForScan', () => {
  let root = '';
  before(() => {
    root = tree({
      'app.py': 'x',
      'node_modules/m/index.js': 'x',
      '.git/config': 'x',
      'venv2/pyvenv.cfg': 'x',
      'venv2/lib/a.py': 'x',
      'build/out.js': 'x',
      'src/__pycache__/a.py': 'x',
      'src/b.ts': 'x',
      'gen/c.js': 'x',
      '.gitignore': 'gen/\n*.log\n',
      'sub/.gitignore': 'local.py\n',
      'sub/local.py': 'x',
      'sub/keep.py': 'x',
      'debug.log': 'x',
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('skips the built-in excludes, virtualenvs and .gitignore matches at every level', () => {
    assert.deepStrictEqual(listed(root), ['.gitignore', 'app.py', 'src/b.ts', 'sub/.gitignore', 'sub/keep.py']);
  });

  it('honours .gitignore only without noIgnore, and keeps the built-in excludes either way', () => {
    assert.deepStrictEqual(listed(root, { noIgnore: true }), [
      '.gitignore',
      'app.py',
      'debug.log',
      'gen/c.js',
      'src/b.ts',
      'sub/.gitignore',
      'sub/keep.py',
      'sub/local.py',
    ]);
  });

  it('applies extra excludes and the accept filter', () => {
    assert.deepStrictEqual(listed(root, { excludes: ['src/'], accept: (p: string) => p.endsWith('.py') }), [
      'app.py',
      'sub/keep.py',
    ]);
  });

  it('matches excludes the same whatever the form of the root (trailing separator, relative path)', () => {
    const opts = { excludes: ['src/', 'sub/keep.py'], accept: (p: string) => /\.(py|ts)$/.test(p) };
    const want = ['app.py'];
    assert.deepStrictEqual(listed(root, opts), want);
    assert.deepStrictEqual(listed(root + path.sep, opts), want);
    const rel = path.relative(process.cwd(), root);
    assert.deepStrictEqual(
      [...walkFiles([rel], opts)].flatMap((e) => (e.kind === 'file' ? [path.relative(rel, e.path)] : [])),
      want,
    );
  });

  it('matches plain-name excludes (**/name, **/name/**) by name exactly as the ignore package does', () => {
    const r = tree({
      'a.py': 'x',
      '.DS_Store': 'x',
      'deep/er/.ds_store': 'x',
      'deep/er/keep.py': 'x',
      'deep/Thumbs.DB': 'x',
      'cache/inner.py': 'x',
      'deep/cache/inner.py': 'x',
      'files/cache': 'x', // a file named like the `**/cache/**` folder: not excluded by it
      '.hg/x.py': 'x',
      'src/.hg': 'x', // a file named like a `**/.hg` pattern: excluded
      'glob/skip.min.py': 'x',
    });
    try {
      const patterns = ['**/.DS_Store', '**/Thumbs.db', '**/cache/**', '**/.hg', 'glob/*.min.py'];
      // A negation sends every pattern through the ignore package: the reference.
      const reference = listed(r, { excludes: [...patterns, '!no-such-file'] });
      assert.deepStrictEqual(listed(r, { excludes: patterns }), reference);
      assert.deepStrictEqual(reference, ['a.py', 'deep/er/keep.py', 'files/cache']);
    } finally {
      fs.rmSync(r, { recursive: true, force: true });
    }
  });

  it('reports an unreadable root as an error event instead of throwing', () => {
    const events = [...walkFiles([path.join(root, 'nope')])];
    assert.deepStrictEqual(
      events.map((e) => e.kind),
      ['error'],
    );
  });

  it('skips binary, minified and too-large files with a reason', () => {
    const r = tree({
      'bin.py': Buffer.from([0x61, 0, 0x62]),
      'min.js': `var a=1;${'x'.repeat(20000)}`,
      'big.py': 'y'.repeat(5000),
      'ok.py': 'ok',
    });
    assert.deepStrictEqual(readForScan(path.join(r, 'bin.py')), { skip: 'binary', detail: 'contains NUL bytes' });
    assert.strictEqual((readForScan(path.join(r, 'min.js')) as { skip: string }).skip, 'minified');
    assert.strictEqual((readForScan(path.join(r, 'big.py'), 1024) as { skip: string }).skip, 'too-large');
    assert.deepStrictEqual(readForScan(path.join(r, 'ok.py')), { text: 'ok' });
    fs.rmSync(r, { recursive: true, force: true });
  });

  it('calls a file minified exactly when its average line is over 500 bytes, wherever its long lines are', () => {
    // The line count stops early once the average cannot exceed 500; the verdict and the reported average must be
    // those of a full count (the reference below), whether the long lines come first or last.
    const full = (text: string) => {
      const avg = text.length / text.split('\n').length;
      return text.length > 8192 && avg > 500 ? `minified: average line length ${Math.round(avg)} characters` : 'ok';
    };
    const skip = (text: string) => {
      const r = classify(Buffer.from(text));
      return 'skip' in r ? `${r.skip}: ${r.detail}` : 'ok';
    };
    const lines = (n: number, len: number) => `${'x'.repeat(len - 1)}\n`.repeat(n);
    assert.strictEqual(skip(lines(20, 501)), 'ok', '10,020 bytes over 21 lines');
    assert.strictEqual(skip(`${'x'.repeat(10020)}\n`), 'minified: average line length 5011 characters');
    assert.strictEqual(
      skip(`${'z'.repeat(1_100_000)}\n${lines(2000, 10)}`),
      'minified: average line length 559 characters',
    );
    const shapes: string[] = [];
    for (const n of [1, 16, 17, 18, 100, 590, 600, 610, 2000]) {
      for (const len of [10, 500, 501, 1000]) {
        shapes.push(lines(n, len), lines(n, len) + 'z'.repeat(300_000), `${'z'.repeat(300_000)}\n${lines(n, len)}`);
      }
    }
    for (const text of shapes) assert.strictEqual(skip(text), full(text), `${text.length} bytes`);
  });
});

describe('scan: readBytesForScan with a reused buffer', () => {
  let root = '';
  before(() => {
    root = tree({
      'big.py': `${'b'.repeat(99)}\n`.repeat(3000),
      'small.py': 'small\n',
      'empty.py': '',
      'nul.py': 'a\u0000b',
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives the same bytes and skips as a fresh read, whatever was read before', () => {
    for (const name of ['big.py', 'small.py', 'empty.py', 'nul.py', 'big.py', 'missing.py']) {
      const fresh = readBytesForScan(path.join(root, name));
      const reused = readBytesForScan(path.join(root, name), undefined, true);
      assert.deepStrictEqual(
        'bytes' in reused ? reused.bytes.toString('latin1') : reused,
        'bytes' in fresh ? fresh.bytes.toString('latin1') : fresh,
        name,
      );
    }
  });

  it('reads into one buffer: a later read overwrites the bytes of an earlier one', () => {
    const first = readBytesForScan(path.join(root, 'big.py'), undefined, true);
    const second = readBytesForScan(path.join(root, 'small.py'), undefined, true);
    assert.ok('bytes' in first && 'bytes' in second);
    assert.strictEqual(first.bytes.buffer, second.bytes.buffer);
    // The documented contract: decode (or copy) the bytes before the next read.
    assert.strictEqual(first.bytes.toString('latin1', 0, 8), 'small\nbb');
  });
});
