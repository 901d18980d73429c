// The status bar item's rules (src/extension/status/model.ts): quiet when clean, the warning colour only for
// error-severity findings, a spinner while a workspace scan runs, counts over every file.
import * as assert from 'assert';
import { countFindings, statusLook } from '../../../src/extension/status/model';

const ERROR = 0;
const WARNING = 1;
const INFO = 2;

describe('extension: status bar model', () => {
  it('counts findings over every file and tells errors apart', () => {
    assert.deepStrictEqual(
      countFindings([[{ severity: WARNING }, { severity: ERROR }], [], [{ severity: INFO }, { severity: ERROR }]]),
      { total: 4, errors: 2 },
    );
    assert.deepStrictEqual(countFindings([]), { total: 0, errors: 0 });
  });

  it('is quiet (no warning colour) for warnings and information, and when clean', () => {
    assert.deepStrictEqual(statusLook({ total: 3, errors: 0 }, false), {
      icon: 'shield',
      warning: false,
      kind: 'findings',
    });
    assert.deepStrictEqual(statusLook({ total: 0, errors: 0 }, false), {
      icon: 'workspace-trusted',
      warning: false,
      kind: 'clean',
    });
  });

  it('uses the warning colour only when some finding is an error', () => {
    assert.strictEqual(statusLook({ total: 3, errors: 1 }, false).warning, true);
    assert.strictEqual(statusLook({ total: 3, errors: 1 }, true).warning, true);
  });

  it('spins while a scan runs, whatever the counts', () => {
    for (const counts of [
      { total: 0, errors: 0 },
      { total: 5, errors: 0 },
    ]) {
      const look = statusLook(counts, true);
      assert.strictEqual(look.icon, 'sync~spin');
      assert.strictEqual(look.kind, 'scanning');
    }
  });
});
