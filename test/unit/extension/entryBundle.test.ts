// Activation loads only the entry (src/extension.ts → dist/extension.js): command ids and provider proxies. This
// bundles the entry the way esbuild.js does and checks what it holds: no feature, no core module, and the features
// bundle (dist/main.js) reached only through the computed require that loads it on first use.
import * as assert from 'assert';
import * as path from 'path';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('extension entry bundle', () => {
  let inputs: string[];
  let bytes: number;
  let code: string;

  before(async () => {
    const r = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/extension.ts'],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: true,
      write: false,
      external: ['vscode'],
      metafile: true,
      logLevel: 'silent',
    });
    inputs = Object.keys(r.metafile.inputs).sort();
    bytes = r.outputFiles[0].contents.length;
    code = r.outputFiles[0].text;
  });

  it('holds the entry, the command table and the provider slots, nothing else', () => {
    assert.deepStrictEqual(inputs, ['src/extension.ts', 'src/extension/commandIds.ts', 'src/extension/slots.ts']);
  });

  it('is small (activation parses it whole)', () => {
    assert.ok(bytes < 16 * 1024, `${bytes} bytes`);
  });

  it('loads the features bundle by a computed path, never inlined', () => {
    assert.match(code, /"main\.js"/);
    assert.doesNotMatch(code, /scanText|DiagnosticsManager|createServices/);
  });
});
