import * as assert from 'assert';
import { caBundleEnv, formatEnvValue, mergeEnvFile } from '../../../src/core/certs/env';

const B = '/w/.certs/bundle.pem';

/** [name, existing text, vars, expected text]: everything but the changed keys must come back byte-for-byte. */
const cases: [string, string, Record<string, string>, string][] = [
  ['empty file', '', { A: B }, `A=${B}\n`],
  ['appends after existing lines', 'X=1\n# keep me\n\nY=2\n', { A: B }, `X=1\n# keep me\n\nY=2\nA=${B}\n`],
  ['missing final newline', 'X=1', { A: B }, `X=1\nA=${B}\n`],
  ['updates in place, keeps order', 'A=old\nX=1\n', { A: B }, `A=${B}\nX=1\n`],
  ['keeps export prefix and spacing', '  export A = old\nX=1\n', { A: B }, `  export A = ${B}\nX=1\n`],
  ['keeps inline comment (unquoted)', 'A=old # why\n', { A: B }, `A=${B} # why\n`],
  ['keeps inline comment (quoted)', 'A="old # not a comment" # why\n', { A: B }, `A=${B} # why\n`],
  ['updates every duplicate', 'A=1\nX=2\nA=3\n', { A: B }, `A=${B}\nX=2\nA=${B}\n`],
  ['CRLF kept and used for new lines', 'X=1\r\n# c\r\n', { A: B }, `X=1\r\n# c\r\nA=${B}\r\n`],
  ['CRLF without final newline', 'X=1\r\nY=2', { A: B }, `X=1\r\nY=2\r\nA=${B}\r\n`],
  ['update keeps missing final newline', 'X=1\nA=old', { A: B }, `X=1\nA=${B}`],
  ['commented-out key is not a key', '# A=old\n', { A: B }, `# A=old\nA=${B}\n`],
  ['similar key names untouched', 'AB=1\nA_=2\n', { A: B }, `AB=1\nA_=2\nA=${B}\n`],
  ['multi-line quoted value replaced whole', 'A="line1\nB=inside\nline3"\nX=1\n', { A: B }, `A=${B}\nX=1\n`],
  ['multi-line value of another key is not parsed', 'K="x\nA=inside\n"\n', { A: B }, `K="x\nA=inside\n"\nA=${B}\n`],
  ['quotes a path with spaces', 'X=1\n', { A: '/my dir/b.pem' }, `X=1\nA='/my dir/b.pem'\n`],
  ['several keys, update + append in given order', 'B=0\n', { A: '1', B: '2', C: '3' }, 'B=2\nA=1\nC=3\n'],
  ['no change when nothing to set', 'X=1\r\n# c', {}, 'X=1\r\n# c'],
  ['blank lines and odd lines kept', '\n\nnot an assignment\n=x\n', { A: '1' }, '\n\nnot an assignment\n=x\nA=1\n'],
];

describe('certs/env mergeEnvFile', () => {
  for (const [name, existing, vars, expected] of cases) {
    it(name, () => assert.strictEqual(mergeEnvFile(existing, vars), expected));
  }

  it('is idempotent', () => {
    const once = mergeEnvFile('X=1\n# c\n', caBundleEnv(B));
    assert.strictEqual(mergeEnvFile(once, caBundleEnv(B)), once);
  });

  it('rejects an invalid variable name and a multi-line value', () => {
    assert.throws(() => mergeEnvFile('', { 'BAD NAME': 'x' }), /not a valid environment variable name: "BAD NAME"/);
    assert.throws(() => mergeEnvFile('', { A: 'a\nb' }), /single line/);
  });
});

describe('certs/env formatEnvValue', () => {
  it('leaves plain paths (also Windows ones) unquoted', () => {
    assert.strictEqual(formatEnvValue('/a/b-c_d.pem'), '/a/b-c_d.pem');
    assert.strictEqual(formatEnvValue('C:\\Users\\me\\b.pem'), 'C:\\Users\\me\\b.pem');
  });
  it('single-quotes values with spaces, # or $ so no parser expands them', () => {
    assert.strictEqual(formatEnvValue('/a b/#$HOME'), "'/a b/#$HOME'");
  });
  it('double-quotes with escapes when the value has a single quote', () => {
    assert.strictEqual(formatEnvValue(`/it's "x"`), `"/it's \\"x\\""`);
  });
});

describe('certs/env caBundleEnv', () => {
  it('points the three client variables at the bundle', () => {
    assert.deepStrictEqual(caBundleEnv(B), { REQUESTS_CA_BUNDLE: B, SSL_CERT_FILE: B, NODE_EXTRA_CA_CERTS: B });
  });
});
