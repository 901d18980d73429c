import * as assert from 'assert';
import { Matrix, startMatrix } from '../../fixtures/tls';
import { runCliWith } from '../cliHarness';

function cli(argv: string[], stdin?: string, env: NodeJS.ProcessEnv = {}) {
  return runCliWith(argv, { stdin, env });
}

const PIP = `WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)'))': /simple/flask/
Could not fetch URL https://pypi.org/simple/flask/: There was a problem confirming the ssl certificate`;

describe('tls-doctor explain (CLI)', function () {
  this.timeout(20000);

  it("explains an argument: client, most likely cause, that client's fix first; exit 0", async () => {
    const r = await cli(['explain', PIP]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Client: {3}pip \(python\)/m);
    assert.match(r.stdout, /^Endpoint: https:\/\/pypi\.org\/simple\/flask\//m);
    assert.match(r.stdout, /^Most likely: untrusted-root/m);
    assert.match(r.stdout, /Fixes:\n {4}pip: .*\n {8}pip config set global\.cert/);
  });

  it('reads standard input with "-" and when piped, and prints the documented JSON', async () => {
    for (const argv of [
      ['explain', '-', '--format', 'json'],
      ['explain', '--format', 'json'],
    ]) {
      const r = await cli(argv, PIP);
      assert.strictEqual(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.deepStrictEqual(Object.keys(j).sort(), ['causes', 'client', 'host', 'port', 'url']);
      assert.deepStrictEqual(
        [j.client.id, j.client.family, j.causes[0].code, j.causes[0].likelihood, j.host, j.port],
        ['pip', 'python', 'untrusted-root', 'likely', 'pypi.org', 443],
      );
    }
  });

  it('exit 1 when no TLS error is recognised, 2 on usage errors; --help documents the exit codes', async () => {
    const none = await cli(['explain', 'all good here']);
    assert.strictEqual(none.code, 1);
    assert.match(none.stdout, /No TLS error recognised/);
    assert.strictEqual((await cli(['explain'])).code, 2, 'no text and a terminal on stdin');
    const bad = await cli(['explain', 'x', '--format', 'xml']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of text, json/);
    const help = await cli(['explain', '--help']);
    assert.match(help.stdout, /Exit codes: 0 explained, 1 no TLS error recognised in the text, 2 usage error/);
    assert.match((await cli(['--help'])).stdout, /^ {2}explain /m);
  });

  describe('--check', () => {
    let m: Matrix;
    before(async () => {
      m = await startMatrix();
    });
    after(() => m?.close());

    it('probes the host the message names and re-states the explanation from what it saw', async () => {
      const msg = `curl: (60) SSL certificate problem: unable to get local issuer certificate\ncurl -sS ${m.urls['self-signed']}`;
      const r = await cli(['explain', msg, '--check', '--format', 'json'], undefined, { PATH: process.env.PATH });
      assert.strictEqual(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.strictEqual(j.client.id, 'curl');
      assert.deepStrictEqual([j.causes[0].code, j.causes[0].likelihood], ['self-signed', 'confirmed']);
      assert.strictEqual(j.causes[0].fixes[0].client, 'curl');
    });

    it('without a host in the message, says so and explains from the message alone', async () => {
      const r = await cli([
        'explain',
        'curl: (60) SSL certificate problem: unable to get local issuer certificate',
        '--check',
      ]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stderr, /names no host to check/);
      assert.match(r.stdout, /Most likely: untrusted-root/);
    });
  });
});
