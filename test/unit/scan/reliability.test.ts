// Hostile files (issue 11): one file never aborts a scan, UTF-16 is read, special files are refused unread.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { families } from '../../../src/core/rules/index';
import type { RuleFamily } from '../../../src/core/rules/types';
import { readForScan, scanText, walkFiles } from '../../../src/core/scan/index';
import { scanTargets } from '../../../src/core/scan/files';
import { describeIoError } from '../../../src/core/scan/walk';

const canMkfifo = process.platform !== 'win32';

describe('scan: hostile files', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-rel-scan-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // 130,000 findings in one file (the call-stack overflow of push(...spread)): see cli-reliability.test.ts.

  it('a file whose scan throws becomes a "failed" skip; the other files are still scanned', () => {
    const boom: RuleFamily = {
      id: 'test-boom',
      rules: [],
      prefilter: /BOOM/,
      appliesTo: (p) => p.endsWith('.boom'),
      scan: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    fs.writeFileSync(path.join(dir, 'a.boom'), 'BOOM\n');
    fs.writeFileSync(path.join(dir, 'b.py'), 'requests.get(u, verify=False)\n');
    families.push(boom);
    try {
      const [bad, good] = scanTargets([
        { path: path.join(dir, 'a.boom'), scanPath: 'a.boom' },
        { path: path.join(dir, 'b.py'), scanPath: 'b.py' },
      ]);
      assert.ok('skip' in bad && bad.skip === 'failed');
      assert.match(bad.detail, /Maximum call stack size exceeded/);
      assert.ok('findings' in good && good.findings.length === 1);
    } finally {
      families.splice(families.indexOf(boom), 1);
    }
  });

  for (const [name, bytes] of [
    ['UTF-16 LE', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['UTF-16 BE', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
  ] as const) {
    it(`${name} files (with a BOM) are decoded and scanned, at the editor's columns`, () => {
      const text = '# naïve ☕\r\nr = requests.get(u, verify=False)\r\n';
      const file = path.join(dir, 'client.py');
      fs.writeFileSync(file, bytes(text));
      assert.deepStrictEqual(readForScan(file), { text });
      const [outcome] = scanTargets([{ path: file, scanPath: 'client.py' }]);
      assert.ok('findings' in outcome);
      assert.deepStrictEqual(outcome.findings, scanText(text, 'client.py'));
      assert.strictEqual(outcome.findings.length, 1);
      assert.strictEqual(outcome.findings[0].range.start.character, 'r = requests.get(u, '.length);
    });
  }

  it('UTF-16 without a BOM stays binary (NUL bytes), as before', () => {
    const file = path.join(dir, 'x.py');
    fs.writeFileSync(file, Buffer.from('verify=False\n', 'utf16le'));
    assert.deepStrictEqual(readForScan(file), { skip: 'binary', detail: 'contains NUL bytes' });
  });

  it('a FIFO given as a root is refused unread (the walk does not block)', function () {
    if (!canMkfifo) this.skip();
    const fifo = path.join(dir, 'pipe.sh');
    execFileSync('mkfifo', [fifo]);
    const events = [...walkFiles([fifo])];
    assert.deepStrictEqual(
      events.map((e) => e.kind),
      ['error'],
    );
    assert.match((events[0] as { message: string }).message, /named pipe \(FIFO\)/);
  });

  it('reading a FIFO for a scan neither blocks nor reads: it is skipped as not a regular file', function () {
    if (!canMkfifo) this.skip();
    const fifo = path.join(dir, 'pipe.sh');
    execFileSync('mkfifo', [fifo]);
    const r = readForScan(fifo);
    assert.ok('skip' in r && r.skip === 'unreadable');
    assert.match(r.detail, /not a regular file/);
  });

  it('I/O errors are named for what they are (ELOOP, EACCES are not "no such file")', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: raw`), { code });
    assert.match(describeIoError(err('ELOOP')), /symbolic links/);
    assert.strictEqual(describeIoError(err('EACCES')), 'permission denied');
    assert.strictEqual(describeIoError(err('ENOENT')), 'no such file or folder');
    assert.match(describeIoError(err('EMFILE')), /too many open files/);
    assert.strictEqual(describeIoError(err('EWHATEVER')), 'EWHATEVER: raw');
    const loop = path.join(dir, 'loop.py');
    fs.symlinkSync(loop, loop);
    assert.match([...walkFiles([loop])].map((e) => (e as { message?: string }).message).join(), /symbolic links/);
  });
});
