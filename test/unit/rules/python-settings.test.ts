// Module settings named for verification (`API_VERIFY_SSL = False`) that the file never uses: one check
// (python.ts exportedSwitches) for what two overlapping checks covered, each case either one covered kept here.
import * as assert from 'assert';
import { scanText } from '../../../src/core/scan/index';
import { PY } from '../../../src/core/rules/catalog/python';

/** [line, column, value, message] of each finding of `text` (a config.py). */
function found(text: string): [number, number, string, string][] {
  return scanText(text, 'settings/config.py').map((f) => [
    f.range.start.line,
    f.range.start.character,
    f.value,
    f.message,
  ]);
}

const TITLE = PY.sdkVerify.title;
const setting = (name: string) => `${TITLE} (${name}, a module setting read elsewhere)`;

describe('python: module settings that switch verification off (one check for both former ones)', () => {
  it('finds what both former checks found: a prefixed name ending in a switch word, set to False', () => {
    assert.deepStrictEqual(found('API_VERIFY_SSL = False\n'), [
      [0, 0, 'API_VERIFY_SSL = False', setting('API_VERIFY_SSL')],
    ]);
    assert.deepStrictEqual(found('X = 1\nMY_TLS_VERIFY = False  # off\n'), [
      [1, 0, 'MY_TLS_VERIFY = False', setting('MY_TLS_VERIFY')],
    ]);
  });

  it("finds what only the rules work's check found: an annotated `: bool` setting in a file with no other", () => {
    assert.deepStrictEqual(found('API_VERIFY_SSL: bool = False\n'), [
      [0, 0, 'API_VERIFY_SSL: bool = False', setting('API_VERIFY_SSL')],
    ]);
    assert.deepStrictEqual(found('OPENSEARCH_VERIFY_CERTS: bool = False\r\nDEBUG = True\r\n'), [
      [0, 0, 'OPENSEARCH_VERIFY_CERTS: bool = False', setting('OPENSEARCH_VERIFY_CERTS')],
    ]);
  });

  it("finds what only the data-flow work's check found: bare names, 0, a switch word inside the name, an attribute elsewhere", () => {
    assert.deepStrictEqual(found('VERIFY_SSL = False\n'), [[0, 0, 'VERIFY_SSL = False', setting('VERIFY_SSL')]]);
    assert.deepStrictEqual(found('SSLVERIFY = False\n'), [[0, 0, 'SSLVERIFY = False', setting('SSLVERIFY')]]);
    // 0 as the value (read in a file the family reads at all: one that says False somewhere).
    assert.deepStrictEqual(found('DEBUG = False\nAPI_VERIFY_SSL = 0\n'), [
      [1, 0, 'API_VERIFY_SSL = 0', setting('API_VERIFY_SSL')],
    ]);
    assert.deepStrictEqual(found('VERIFY_SSL_CERTS = False\n'), [
      [0, 0, 'VERIFY_SSL_CERTS = False', setting('VERIFY_SSL_CERTS')],
    ]);
    // `settings.API_VERIFY_SSL` names another module's setting, not this one.
    assert.deepStrictEqual(found('API_VERIFY_SSL = False\nlog(settings.API_VERIFY_SSL)\n'), [
      [0, 0, 'API_VERIFY_SSL = False', setting('API_VERIFY_SSL')],
    ]);
  });

  it('stays quiet where neither found anything: used in the file, indented, rebound, True, not a switch name', () => {
    assert.deepStrictEqual(found('API_VERIFY_SSL = False\nif API_VERIFY_SSL:\n    warn()\n'), []);
    assert.deepStrictEqual(found('class C:\n    API_VERIFY_SSL = False\n'), []);
    assert.deepStrictEqual(found('API_VERIFY_SSL = False\nAPI_VERIFY_SSL = True\n'), []);
    assert.deepStrictEqual(found('API_VERIFY_SSL = True\nDEBUG = False\nVERIFY = False\n'), []);
    assert.deepStrictEqual(found('api_verify_ssl = False\n'), []);
    assert.deepStrictEqual(found('# API_VERIFY_SSL = False\n'), []);
  });
});
