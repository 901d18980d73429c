// Workspace hygiene for certificate files (src/core/inspect/hygiene.ts): expiry, private keys outside fixtures,
// strict-check failures and a key next to a certificate it does not belong to.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hygieneIssues, isTestFixture } from '../../../src/core/inspect/index';
import { Files, makeFiles } from './fixture';

describe('inspect: workspace hygiene', function () {
  this.timeout(30_000);
  let f: Files;
  before(() => {
    f = makeFiles();
  });
  after(() => fs.rmSync(f.dir, { recursive: true, force: true }));

  const files = (pairs: [string, string][]) =>
    new Map(pairs.map(([name, from]) => [path.join(f.dir, 'repo', name), fs.readFileSync(f[from])]));

  it('expiring within the window is info; past notAfter is a warning', () => {
    const m = files([['leaf.pem', 'leaf.pem']]);
    const soon = hygieneIssues(m, { warnDays: 100 });
    assert.deepStrictEqual(
      soon.map((i) => [i.code, i.severity]),
      [['expiring', 'info']],
    );
    assert.match(soon[0].message, /CN=app\.example\.test, O=Acme expires in (89|90) days/);
    assert.deepStrictEqual(hygieneIssues(m, { warnDays: 30 }), []);
    const later = hygieneIssues(m, { warnDays: 30, now: new Date(Date.now() + 200 * 86_400_000) });
    assert.deepStrictEqual(
      later.map((i) => [i.code, i.severity]),
      [['expired', 'warning']],
    );
  });

  it('private keys: a PEM key and a locked .p12 outside fixtures are warnings; under test/ they are not', () => {
    const m = files([
      ['server.key', 'leaf.key'],
      ['store.p12', 'new.p12'],
    ]);
    const issues = hygieneIssues(m, { warnDays: 0 });
    assert.deepStrictEqual(
      issues.map((i) => [path.basename(i.file), i.code, i.severity]),
      [
        ['server.key', 'private-key', 'warning'],
        ['store.p12', 'private-key', 'warning'],
      ],
    );
    const fixture = new Map([
      [path.join(f.dir, 'repo', 'test', 'fixtures', 'server.key'), fs.readFileSync(f['leaf.key'])],
    ]);
    assert.deepStrictEqual(hygieneIssues(fixture, { warnDays: 0 }), []);
    assert.ok(isTestFixture('a/testdata/k.pem') && !isTestFixture('a/latest/k.pem'));
  });

  it('strict failures are info, one per reason, on the block’s line', () => {
    const issues = hygieneIssues(files([['old.pem', 'weak.pem']]), { warnDays: 0 });
    assert.ok(issues.length >= 3);
    assert.ok(issues.every((i) => i.code === 'strict' && i.severity === 'info' && i.line === 0));
  });

  it('a key next to a certificate it does not belong to is a warning; the matching pair is not', () => {
    const ok = hygieneIssues(
      files([
        ['app.key', 'leaf.key'],
        ['app.crt', 'leaf.pem'],
      ]),
      { warnDays: 0 },
    );
    assert.ok(!ok.some((i) => i.code === 'key-mismatch'));
    const bad = hygieneIssues(
      files([
        ['app.key', 'root.key'],
        ['app.crt', 'leaf.pem'],
      ]),
      { warnDays: 0 },
    );
    const m = bad.find((i) => i.code === 'key-mismatch');
    assert.ok(m);
    assert.match(m.message, /does not belong to app\.crt/);
  });
});
