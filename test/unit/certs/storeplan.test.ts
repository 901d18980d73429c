// The store picker's ticks and the result notification's tally (stores/plan.ts), and the extension's CA-folder checks
// for a multi-root workspace and the log (integrity.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertCaOutsideFolders, isCaRefusal, withoutCaKeyPath } from '../../../src/core/certs/integrity';
import { statusTally, storeChoices, tallyOutcomes } from '../../../src/core/certs/stores/plan';
import type { StoreOutcome, StoreStatus } from '../../../src/core/certs/stores/types';

const STATUSES: StoreStatus[] = [
  {
    store: 'system',
    present: true,
    trusted: false,
    targets: [{ target: '/etc/ssl/certs/ca-certificates.crt', trusted: false }],
  },
  {
    store: 'nss',
    present: true,
    trusted: true,
    targets: [
      { target: 'sql:/h/.pki/nssdb', trusted: true },
      { target: 'sql:/h/.mozilla/firefox/a.default', trusted: false },
    ],
  },
  { store: 'java', present: false, trusted: false, targets: [], note: 'keytool not found' },
];

describe('certs/stores/plan: picker and result tally', () => {
  it('install ticks every store present; uninstall ticks the ones that trust the CA; rows keep targets and notes', () => {
    const install = storeChoices(STATUSES, 'install');
    assert.deepStrictEqual(
      install.map((c) => [c.store, c.picked]),
      [
        ['system', true],
        ['nss', true],
        ['java', false],
      ],
    );
    assert.deepStrictEqual(install[1].targets, ['sql:/h/.pki/nssdb', 'sql:/h/.mozilla/firefox/a.default']);
    assert.strictEqual(install[2].note, 'keytool not found');
    assert.deepStrictEqual(
      storeChoices(STATUSES, 'uninstall').map((c) => [c.store, c.picked]),
      [
        ['system', false],
        ['nss', true],
        ['java', false],
      ],
    );
  });

  it('tallies outcomes per store: a change in one database counts as changed, a failure anywhere wins', () => {
    const o = (store: StoreOutcome['store'], action: StoreOutcome['action'], target = ''): StoreOutcome => ({
      store,
      action,
      target,
      message: `${store} ${action}`,
    });
    const t = tallyOutcomes([
      o('nss', 'already-installed', 'a'),
      o('nss', 'installed', 'b'),
      o('java', 'already-installed'),
      o('system', 'needs-consent'),
    ]);
    assert.deepStrictEqual(
      [t.changed, t.unchanged, t.failed.length, t.needsConsent?.store],
      [['nss'], ['java'], 0, 'system'],
    );
    const f = tallyOutcomes([o('nss', 'installed', 'a'), o('nss', 'failed', 'b'), o('java', 'unavailable')]);
    assert.deepStrictEqual([f.changed, f.unchanged, f.failed.map((x) => x.store)], [[], [], ['nss', 'java']]);
    assert.strictEqual(f.needsConsent, undefined);
  });

  it('status tally: trusted, present but not trusted, absent', () => {
    assert.deepStrictEqual(statusTally(STATUSES), { trusted: ['nss'], untrusted: ['system'], absent: ['java'] });
  });
});

describe('certs/integrity: CA folder checks for the extension', () => {
  it('refuses a CA folder inside, equal to or containing any folder of a multi-root workspace', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-folders-'));
    try {
      const [a, b] = ['a', 'b'].map((n) => path.join(tmp, n));
      for (const d of [a, b]) fs.mkdirSync(d);
      const refusedFor = (caDir: string) => {
        try {
          assertCaOutsideFolders(caDir, [a, b]);
          return undefined;
        } catch (e) {
          assert.ok(isCaRefusal(e));
          return e.code;
        }
      };
      assert.strictEqual(refusedFor(path.join(b, 'ca')), 'CA_IN_WORKSPACE', 'inside the second folder');
      assert.strictEqual(refusedFor(tmp), 'CA_IN_WORKSPACE', 'containing both');
      assert.strictEqual(refusedFor(path.join(tmp, 'elsewhere')), undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('leaves the CA key path out of a log line but keeps the folder', () => {
    const caDir = path.join(os.tmpdir(), 'ca');
    const text = `the CA key ${path.join(caDir, 'rootCA-key.pem')} does not belong to the CA certificate in ${caDir}`;
    assert.strictEqual(withoutCaKeyPath(text, caDir), `the CA key does not belong to the CA certificate in ${caDir}`);
    assert.strictEqual(withoutCaKeyPath(`chmod ${path.join(caDir, 'rootCA-key.pem')}`, caDir), 'chmod the CA key file');
  });
});
