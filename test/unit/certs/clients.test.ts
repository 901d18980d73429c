// Real clients against a real HTTPS server on loopback: the development certificate is accepted with the settings
// TLS Doctor prints, and refused without them.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { writeDevCert, DevCertResult } from '../../../src/core/certs/devcert';

interface Run {
  code: number;
  out: string;
}

/** Runs a client asynchronously (the server lives in this process, so a sync spawn would deadlock). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...cleanEnv(), ...env }, timeout: 15_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}` });
    });
  });
}

/** The machine's environment without any CA setting that could make a refusal pass or an acceptance fail. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of [
    'REQUESTS_CA_BUNDLE',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'CURL_CA_BUNDLE',
    'NODE_EXTRA_CA_CERTS',
    'NODE_OPTIONS',
    'NODE_TLS_REJECT_UNAUTHORIZED',
  ]) {
    delete env[k];
  }
  return env;
}

const PY_GET = 'import requests,sys; print(requests.get(sys.argv[1], timeout=10).text)';
const PY_VERIFY = 'import requests,sys; print(requests.get(sys.argv[1], verify=sys.argv[2], timeout=10).text)';
const NODE_GET =
  "require('https').get(process.argv[1], (r) => { r.pipe(process.stdout); }).on('error', (e) => { console.error(e.code, e.message); process.exit(3); })";

describe('certs: real clients trust the development certificate', function () {
  this.timeout(60_000);
  let tmp: string;
  let dev: DevCertResult;
  let server: https.Server;
  let port: number;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-clients-'));
    dev = await writeDevCert({
      hosts: ['localhost', '127.0.0.1', '::1'],
      outDir: path.join(tmp, 'out'),
      caDir: path.join(tmp, 'ca'),
    });
    server = https.createServer({ cert: fs.readFileSync(dev.cert), key: fs.readFileSync(dev.key) }, (_req, res) =>
      res.end('dev-ok'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const host of ['localhost', '127.0.0.1']) {
    const url = () => `https://${host}:${port}/`;
    describe(`via ${host}`, () => {
      it('Python requests accepts it with REQUESTS_CA_BUNDLE=<bundle> and refuses it without', async () => {
        const ok = await run('/usr/bin/python3', ['-c', PY_GET, url()], { REQUESTS_CA_BUNDLE: dev.bundle });
        assert.strictEqual(ok.out.trim(), 'dev-ok', ok.out);
        const refused = await run('/usr/bin/python3', ['-c', PY_GET, url()]);
        assert.notStrictEqual(refused.code, 0);
        assert.match(
          refused.out,
          /CERTIFICATE_VERIFY_FAILED\] certificate verify failed: unable to get local issuer certificate/,
        );
      });

      it('Python requests accepts it with verify=<ca>', async () => {
        const ok = await run('/usr/bin/python3', ['-c', PY_VERIFY, url(), dev.ca]);
        assert.strictEqual(ok.out.trim(), 'dev-ok', ok.out);
      });

      it('curl accepts it with --cacert and refuses it without', async () => {
        const ok = await run('curl', ['-sS', '--cacert', dev.ca, url()]);
        assert.strictEqual(ok.out, 'dev-ok');
        const refused = await run('curl', ['-sS', url()]);
        assert.strictEqual(refused.code, 60);
        assert.match(refused.out, /SSL certificate problem: unable to get local issuer certificate/);
      });

      it('Node accepts it with NODE_EXTRA_CA_CERTS=<bundle> and refuses it without', async () => {
        const ok = await run(process.execPath, ['-e', NODE_GET, url()], { NODE_EXTRA_CA_CERTS: dev.bundle });
        assert.strictEqual(ok.out, 'dev-ok');
        const refused = await run(process.execPath, ['-e', NODE_GET, url()]);
        assert.strictEqual(refused.code, 3);
        assert.match(refused.out, /UNABLE_TO_VERIFY_LEAF_SIGNATURE unable to verify the first certificate/);
      });
    });
  }

  it('Python ssl with VERIFY_X509_STRICT (Python 3.13 default) accepts it via SSL_CERT_FILE', async () => {
    const code = [
      'import ssl,socket,sys',
      'c=ssl.create_default_context(); c.verify_flags |= ssl.VERIFY_X509_STRICT',
      's=c.wrap_socket(socket.create_connection(("127.0.0.1", int(sys.argv[1]))), server_hostname="localhost")',
      'print(s.version())',
    ].join('\n');
    const ok = await run('/usr/bin/python3', ['-c', code, String(port)], { SSL_CERT_FILE: dev.bundle });
    assert.match(ok.out, /^TLSv1\.[23]$/m, ok.out);
  });

  it('openssl verify -x509_strict accepts the leaf with the CA and refuses it with the default store', async () => {
    const ok = await run('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', dev.ca, dev.cert]);
    assert.strictEqual(ok.out.trim(), `${dev.cert}: OK`);
    const refused = await run('openssl', ['verify', '-x509_strict', dev.cert]);
    assert.notStrictEqual(refused.code, 0);
    assert.match(refused.out, /unable to get local issuer certificate/);
  });
});
