import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fc from 'fast-check';
import {
  cString,
  gitConfigValue,
  jsonStringBody,
  npmrcValue,
  shellDoubleQuoted,
  shellSingleQuoted,
  shellWord,
  yamlScalar,
  yamlSingleQuoted,
} from '../../../src/core/text/quote';

describe('text/quote', () => {
  it('C-style strings escape backslashes, the quote and control characters', () => {
    assert.strictEqual(cString('C:\\a "b"\n'), '"C:\\\\a \\"b\\"\\n"');
    assert.strictEqual(cString("it's", "'"), "'it\\'s'");
    fc.assert(fc.property(fc.string(), (s) => assert.strictEqual(JSON.parse(cString(s)), s)));
  });
  it("shell words stay bare when safe, else single-quoted with the POSIX `'\\''` escape", () => {
    assert.strictEqual(shellWord('/a/b.pem'), '/a/b.pem');
    assert.strictEqual(shellWord(''), "''");
    assert.strictEqual(shellWord("/my dir/it's"), "'/my dir/it'\\''s'");
    assert.strictEqual(shellSingleQuoted('abc'), "'abc'");
    assert.strictEqual(shellDoubleQuoted('a"$b`\\'), '"a\\"\\$b\\`\\\\"');
  });
  it('a POSIX shell reads every quoted word back exactly', function () {
    if (process.platform === 'win32') this.skip();
    const words = ['/a/b.pem', "/my dir/it's", 'a"$HOME`x`\\', ' ', '*', ''];
    const script = `for w in ${words.map(shellWord).join(' ')}; do printf '%s\\n' "$w"; done; printf '%s\\n' ${words.map(shellDoubleQuoted).join(' ')}`;
    assert.strictEqual(
      execFileSync('sh', ['-c', script], { encoding: 'utf8' }),
      [...words, ...words].map((w) => `${w}\n`).join(''),
    );
  });
  it('YAML scalars stay plain when safe, else single-quoted with doubled quotes', () => {
    assert.strictEqual(yamlScalar('.certs/bundle.pem'), '.certs/bundle.pem');
    assert.strictEqual(yamlScalar('a: b'), "'a: b'");
    assert.strictEqual(yamlSingleQuoted("it's"), "'it''s'");
  });
  it('config files: git values bare or C-quoted, .npmrc values bare or JSON-quoted, JSON string bodies', () => {
    assert.strictEqual(gitConfigValue('/a/b.pem'), '/a/b.pem');
    assert.strictEqual(gitConfigValue('C:\\a b'), '"C:\\\\a b"');
    assert.strictEqual(npmrcValue('/a/b.pem'), '/a/b.pem');
    assert.strictEqual(npmrcValue('/a;b'), '"/a;b"');
    assert.strictEqual(jsonStringBody('a "b"\\'), 'a \\"b\\"\\\\');
  });
});
