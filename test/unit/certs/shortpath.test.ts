// The executable's short path for `devcert HOST…` (src/cli/entry.ts → runDevcert) prints and exits exactly as the full
// CLI's main() does, and loads no other command's core: that is what makes it start faster.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli';
import { Io } from '../../../src/cli/command';
import { runDevcert, takesDevcertShortPath } from '../../../src/cli/devcert';

function bufferIo(cwd: string, env: NodeJS.ProcessEnv) {
  const io = { stdout: '', stderr: '' };
  const sink: Io = {
    out: (t) => {
      io.stdout += t;
    },
    err: (t) => {
      io.stderr += t;
    },
    isTTY: false,
    cwd,
    env,
  };
  return { io, sink };
}

describe('cli devcert short path', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-short-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('is taken for devcert with arguments, never for --help or another command', () => {
    assert.strictEqual(takesDevcertShortPath(['devcert', 'localhost']), true);
    assert.strictEqual(takesDevcertShortPath(['devcert', '--status']), true);
    assert.strictEqual(takesDevcertShortPath(['devcert', 'localhost', '--help']), false);
    assert.strictEqual(takesDevcertShortPath(['devcert', '-h']), false);
    assert.strictEqual(takesDevcertShortPath(['scan', 'devcert']), false);
    assert.strictEqual(takesDevcertShortPath([]), false);
  });

  it('prints and exits as main() does: usage errors, refused input, a certificate', async () => {
    const env = { PATH: process.env.PATH, HOME: tmp };
    // Each side writes to its own out folder (a second run into the same one would say it replaced the first).
    const cases = (out: string) => [
      [],
      ['--bogus'],
      ['localhost', '--days', 'x'],
      ['not a host!'],
      ['localhost', '--out', out, '--ca-dir', path.join(tmp, 'ca'), '--format', 'json'],
    ];
    const [outA, outB] = [path.join(tmp, 'a'), path.join(tmp, 'b')];
    for (let i = 0; i < cases('').length; i++) {
      const short = bufferIo(tmp, env);
      const full = bufferIo(tmp, env);
      const a = await runDevcert(cases(outA)[i], short.sink);
      const b = await main(['devcert', ...cases(outB)[i]], full.sink);
      const normal = (s: string, out: string) =>
        s
          .split(out)
          .join('OUT')
          .replace(/"(notAfter|caCreated)": [^\n]*/g, '"$1": …');
      assert.deepStrictEqual(
        [a, normal(short.io.stdout, outA), short.io.stderr],
        [b, normal(full.io.stdout, outB), full.io.stderr],
        cases('OUT')[i].join(' '),
      );
    }
  });

  it('loads no other command core (TLS probe, rules, scanner) nor the trust stores for a leaf', () => {
    const script = `
      const { runDevcert } = require(${JSON.stringify(path.resolve('src/cli/devcert.ts'))});
      const io = { out() {}, err(t) { process.stderr.write(t); }, isTTY: false, cwd: ${JSON.stringify(tmp)}, env: { HOME: ${JSON.stringify(tmp)} } };
      runDevcert(['localhost', '--out', ${JSON.stringify(path.join(tmp, 'o2'))}, '--ca-dir', ${JSON.stringify(path.join(tmp, 'ca'))}], io)
        .then((code) => console.log(JSON.stringify({ code, mods: Object.keys(require.cache).filter((k) => k.includes('/src/')) })));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: path.resolve('.'),
      encoding: 'utf8',
    });
    const { code, mods } = JSON.parse(out.trim().split('\n').pop() as string) as { code: number; mods: string[] };
    assert.strictEqual(code, 0);
    assert.ok(
      mods.some((m) => m.includes('/src/core/certs/devcert.ts')),
      'the probe sees the modules devcert loads',
    );
    const unwanted = mods.filter((m) =>
      /\/src\/core\/(tls|rules|scan|explain|trust|fixes|report)\/|\/certs\/stores\//.test(m),
    );
    assert.deepStrictEqual(unwanted, []);
  });
});
