// The import-graph rules of .dependency-cruiser.cjs can fail: run the project's own config over a tiny fixture that
// breaks each rule once (and keeps one allowed import), in one depcruise run to stay fast.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/** Fixture files: path → source. */
const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true } }),
  // layer violation (text is the lowest layer) and, with rules/b.ts, a cycle
  'src/core/text/a.ts': "import { b } from '../rules/b';\nexport const a = () => b;\n",
  'src/core/rules/b.ts': "import { a } from '../text/a';\nexport const b = () => a;\n",
  // same-layer import: tls and certs are siblings
  'src/core/tls/c.ts': "import { d } from '../certs/d';\nexport const c = d;\n",
  'src/core/certs/d.ts': 'export const d = 1;\n',
  // the wrong-way import this architecture removed: fixes and endpoints are siblings too
  'src/core/fixes/g.ts': "import { h } from '../endpoints/h';\nexport const g = h;\n",
  'src/core/endpoints/h.ts': 'export const h = 1;\n',
  // the core importing the VS Code API and an adapter
  'src/core/scan/e.ts':
    "import * as vscode from 'vscode';\nimport { x } from '../../extension/x';\nexport const e = [vscode, x];\n",
  'src/extension/x.ts': 'export const x = 1;\n',
  // the CLI importing an adapter
  'src/cli/f.ts': "import { x } from '../extension/x';\nexport const f = x;\n",
  // allowed: a higher layer importing lower ones (type-only too)
  'src/core/fixes/ok.ts':
    "import { d } from '../certs/d';\nimport type { E } from '../scan/types';\nexport const ok: E = d;\n",
  'src/core/scan/types.ts': 'export type E = number;\n',
  // a core folder nobody placed in the layer order
  'src/core/unplaced/u.ts': "import { d } from '../certs/d';\nexport const u = d;\n",
};

describe('dependency-cruiser rules (.dependency-cruiser.cjs)', function () {
  this.timeout(20_000);
  let out = '';
  let status: number | null = null;

  before(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tls-doctor-depcruise-'));
    try {
      for (const [file, text] of Object.entries(FILES)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const bin = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
      const r = spawnSync(
        process.execPath,
        [bin, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err', 'src'],
        { cwd: dir, encoding: 'utf8' },
      );
      out = r.stdout + r.stderr;
      status = r.status;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits non-zero on violations', () => assert.notStrictEqual(status, 0, out));

  const expected: [string, RegExp][] = [
    ['a cycle', /no-circular: src\/core\/(text\/a|rules\/b)\.ts/],
    ['an import of a higher layer', /layer-text: src\/core\/text\/a\.ts → src\/core\/rules\/b\.ts/],
    ['an import of a sibling in the same layer', /layer-tls: src\/core\/tls\/c\.ts → src\/core\/certs\/d\.ts/],
    ['fixes importing endpoints', /layer-fixes: src\/core\/fixes\/g\.ts → src\/core\/endpoints\/h\.ts/],
    ['vscode in the core', /core-not-vscode: src\/core\/scan\/e\.ts → vscode/],
    ['an adapter in the core', /core-not-adapters: src\/core\/scan\/e\.ts → src\/extension\/x\.ts/],
    ['an adapter in the CLI', /cli-not-vscode: src\/cli\/f\.ts → src\/extension\/x\.ts/],
    ['a core folder outside the layer order', /core-folder-has-a-layer: src\/core\/unplaced\/u\.ts/],
  ];
  for (const [what, re] of expected) it(`reports ${what}`, () => assert.match(out, re, out));

  it('allows imports of lower layers', () => assert.doesNotMatch(out, /src\/core\/fixes\/ok\.ts/, out));
});
