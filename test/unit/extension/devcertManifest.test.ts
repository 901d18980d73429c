import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { manifestText, plannedHosts, readPrevious, writeManifest } from '../../../src/extension/devcert/manifest';

describe('devcert: hosts manifest', () => {
  it('adds new hosts to the old ones (first-seen order, case-insensitive), or replaces them when told', () => {
    assert.deepStrictEqual(plannedHosts(['localhost', '127.0.0.1'], ['api.test', 'LOCALHOST'], 'add'), [
      'localhost',
      '127.0.0.1',
      'api.test',
    ]);
    assert.deepStrictEqual(plannedHosts(['localhost', '127.0.0.1'], ['api.test'], 'replace'), ['api.test']);
    assert.deepStrictEqual(plannedHosts(undefined, ['a.test', 'a.test'], 'add'), ['a.test']);
  });

  it('reads the manifest it wrote, ignores a damaged one, and reports nothing for an empty folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-manifest-'));
    try {
      assert.strictEqual(readPrevious(dir), undefined);
      writeManifest(dir, { hosts: ['localhost', 'api.test'], caSha256: 'AB', notAfter: '2030-01-01T00:00:00.000Z' });
      assert.deepStrictEqual(readPrevious(dir), {
        hosts: ['localhost', 'api.test'],
        notAfter: '2030-01-01T00:00:00.000Z',
      });
      assert.match(
        manifestText({ hosts: ['x'], caSha256: 'AB', notAfter: 'n' }),
        /^\{\n {2}"version": 1,\n {2}"hosts": \[\n {4}"x"\n {2}\],[\s\S]*\}\n$/,
      );
      fs.writeFileSync(path.join(dir, 'hosts.json'), '{ "hosts": [1] }');
      assert.strictEqual(readPrevious(dir), undefined, 'no certificate to fall back to');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
