// devcert stays light: neither issuing a leaf nor creating a CA loads node-forge (its require alone costs about
// what mkcert's whole run does); der.ts's encoders, tested here, do the ASN.1 instead.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ipBytes, oid, time, uint } from '../../../src/core/der/write';
import { ensureCa } from '../../../src/core/certs/ca';

describe('certs/light: no node-forge in devcert', function () {
  this.timeout(30_000);
  let tmp: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-light-'));
    await ensureCa(path.join(tmp, 'ca'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Runs writeDevCert from light.ts in a fresh process and lists the node-forge modules it loaded. */
  function forgeModulesLoaded(caDir: string, preload = ''): string[] {
    const script = `${preload}
      const light = require(${JSON.stringify(path.resolve('src/core/certs/light.ts'))});
      light.writeDevCert({ hosts: ['localhost'], outDir: ${JSON.stringify(path.join(tmp, 'out'))}, caDir: ${JSON.stringify(caDir)} })
        .then(() => console.log(JSON.stringify(Object.keys(require.cache).filter((k) => k.includes('node-forge')))));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: path.resolve('.'),
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').pop() as string);
  }

  it('an existing CA: a leaf is issued without loading node-forge', () => {
    assert.deepStrictEqual(forgeModulesLoaded(path.join(tmp, 'ca')), []);
  });

  it('a new CA: built without node-forge too', () => {
    assert.deepStrictEqual(forgeModulesLoaded(path.join(tmp, 'new-ca')), []);
    assert.ok(fs.existsSync(path.join(tmp, 'new-ca', 'rootCA.pem')));
  });

  it('the probe sees forge when something does load it (so the checks above can fail)', () => {
    assert.ok(forgeModulesLoaded(path.join(tmp, 'ca'), "require('node-forge');").length > 0);
  });
});

describe('certs/der encoders', () => {
  it('IP addresses as SAN bytes, IPv6 forms included', () => {
    assert.strictEqual(ipBytes('127.0.0.1').toString('hex'), '7f000001');
    assert.strictEqual(ipBytes('::1').toString('hex'), '00000000000000000000000000000001');
    assert.strictEqual(ipBytes('0:0:0:0:0:0:0:1').toString('hex'), '00000000000000000000000000000001');
    assert.strictEqual(ipBytes('fe80::1:2').toString('hex'), 'fe800000000000000000000000010002');
    assert.strictEqual(ipBytes('2001:db8::').toString('hex'), '20010db8000000000000000000000000');
    assert.strictEqual(ipBytes('::ffff:10.1.2.3').toString('hex'), '00000000000000000000ffff0a010203');
  });

  it('OIDs, minimal positive INTEGERs and RFC 5280 times', () => {
    assert.strictEqual(oid('1.2.840.113549.1.1.11').toString('hex'), '06092a864886f70d01010b');
    assert.strictEqual(uint(Buffer.from([0x80])).toString('hex'), '02020080');
    assert.strictEqual(uint(Buffer.from([0, 0, 0x7f])).toString('hex'), '02017f');
    assert.strictEqual(time(new Date('2049-12-31T23:59:59Z')).toString(), '\x17\x0d491231235959Z');
    assert.strictEqual(time(new Date('2050-01-01T00:00:00Z')).toString(), '\x18\x0f20500101000000Z');
  });
});
