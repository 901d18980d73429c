// The precedence between programs (the outermost one the user ran is the client) and the durable evidence it reads:
// commands, tool prefixes, stack-frame packages, exception classes. Short examples written here.
import * as assert from 'assert';
import { explain, identifyClient } from '../../../src/core/explain/index';
import type { ExplainClientId } from '../../../src/core/explain/index';
import { evidenceOf, outermost, WRAPS, wraps } from '../../../src/core/explain/precedence';

const id = (text: string) => identifyClient(text)?.id;

/** For every program that wraps others: one line of a paste that only it leaves (its command, frame or exception). */
const OUTER_SAMPLE: Partial<Record<ExplainClientId, string>> = {
  pip: '$ pip install flask',
  conda: '(base) $ conda install numpy',
  poetry: '$ poetry install',
  aws: '$ aws s3 ls',
  gcloud: '$ gcloud auth login',
  az: '$ az login',
  'python-requests': '  File "/srv/venv/lib/python3.11/site-packages/requests/adapters.py", line 517, in send',
  'python-urllib3': '  File "/srv/venv/lib/python3.11/site-packages/urllib3/connectionpool.py", line 703, in urlopen',
  httpx: 'httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed',
  aiohttp: '  File "/usr/lib/python3/dist-packages/aiohttp/connector.py", line 986, in _wrap_create_connection',
  uv: '$ uv pip install ruff',
  deno: '$ deno run --allow-net main.ts',
  cargo: '$ cargo build',
  npm: '> npm i',
  yarn: '$ yarn add left-pad',
  pnpm: '$ pnpm install',
  axios: '    at settle (/app/node_modules/axios/lib/core/settle.js:19:12)',
  electron: '    at Object.<anonymous> (C:\\Program Files\\Foo\\resources\\app.asar\\dist\\main.js:2:10)',
  composer: '$ composer install',
  guzzle: '#0 /var/www/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(158): x()',
  git: '$ git clone https://git.example.org/a.git',
  php: '$ php artisan.php migrate',
  maven: '$ mvn -U package',
  gradle: '$ ./gradlew build',
  terraform: '$ terraform init',
  helm: '$ helm repo add stable https://charts.example.org',
  kubectl: '$ kubectl get pods',
  docker: '$ docker pull registry.example.org/app:1',
  powershell: 'PS C:\\> Invoke-WebRequest https://example.org',
  dotnet:
    'System.Net.Http.HttpRequestException: x\n ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid',
  curl: '$ curl -v https://api.example.org/',
  wget: '$ wget https://files.example.org/a.zip',
  ruby: "/usr/local/bundle/gems/faraday-2.7.4/lib/faraday/adapter/net_http.rb:1:in `connect'",
  'python-ssl': '  File "/usr/lib/python3.10/urllib/request.py", line 1351, in do_open',
};

describe('explain: the precedence between programs', () => {
  for (const rung of WRAPS) {
    for (const inner of rung.inner) {
      it(`${rung.outer} over ${inner}: ${rung.why}`, () => {
        assert.ok(wraps(rung.outer, inner));
        assert.ok(!wraps(inner, rung.outer), 'the table has no cycle');
        const sample = OUTER_SAMPLE[rung.outer];
        assert.ok(sample, `a sample line for ${rung.outer}`);
        assert.strictEqual(outermost(inner, evidenceOf(sample)), rung.outer);
      });
    }
  }

  it('is transitive (pip runs requests, which runs urllib3, which runs ssl) and knows unrelated programs apart', () => {
    assert.ok(wraps('pip', 'python-ssl'));
    assert.ok(wraps('terraform', 'go'));
    assert.ok(!wraps('docker', 'python-requests'), 'a Python program inside a container printed its own error');
    assert.ok(!wraps('npm', 'python-ssl'));
  });

  it('keeps the wording rules’ client against evidence for an unrelated program', () => {
    assert.strictEqual(outermost('python-requests', evidenceOf('$ docker pull x/y')), 'python-requests');
    assert.strictEqual(outermost('curl', evidenceOf('$ npm i')), 'curl');
  });

  it('with no wording rule, what the user ran outranks a prefix, a frame and an exception', () => {
    const text = ['$ composer install', '#1 /app/vendor/guzzlehttp/guzzle/src/Client.php(1): x()'].join('\n');
    assert.deepStrictEqual(
      evidenceOf(text).map((e) => [e.client, e.kind]),
      [
        ['composer', 'command'],
        ['guzzle', 'frame'],
      ],
    );
    assert.strictEqual(outermost(undefined, evidenceOf(text)), 'composer');
    assert.strictEqual(outermost(undefined, evidenceOf('AxiosError: x')), 'axios');
    assert.strictEqual(outermost(undefined, []), undefined);
  });

  it('counts only the last command typed, and no "# comment" as one', () => {
    const text = [
      '$ pip install requests',
      'Successfully installed requests-2.32.3',
      '$ python app.py',
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='a.example.org', port=443): Max retries exceeded",
    ].join('\n');
    assert.deepStrictEqual(
      evidenceOf(text).filter((e) => e.kind === 'command'),
      [],
    );
    assert.strictEqual(id(text), 'python-requests');
    assert.deepStrictEqual(evidenceOf('# pip install requests\nimport requests'), []);
    assert.deepStrictEqual(
      evidenceOf('root@box:~# pip install flask\nERROR: x').map((e) => e.client),
      ['pip'],
    );
  });

  it('reads only the subcommands where the program itself talks TLS ("docker run" starts someone else’s program)', () => {
    assert.deepStrictEqual(evidenceOf('$ docker run --rm app:1'), []);
    assert.deepStrictEqual(evidenceOf('$ kubectl exec -it pod -- curl'), []);
    assert.deepStrictEqual(
      evidenceOf('user@box:~/src$ sudo docker login registry.example.org').map((e) => e.client),
      ['docker'],
    );
  });
});

describe('explain: clients from durable evidence the wording rules miss', () => {
  it("pip's own frames above Python's ssl error are pip's (pip/_internal, not only its _vendor)", () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/python3/dist-packages/pip/_internal/cli/base_command.py", line 160, in exc_logging_wrapper',
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
    ].join('\n');
    assert.strictEqual(id(text), 'pip');
    assert.strictEqual(explain(text).causes[0]?.fixes[0]?.client, 'pip');
  });

  it('the npm command typed above a bare Node reason is npm’s', () => {
    assert.strictEqual(id('> npm i\nError: self signed certificate in certificate chain'), 'npm');
    assert.strictEqual(id('PS C:\\work> npm install\nunable to get local issuer certificate'), 'npm');
  });

  it('git run from a prompt names git above an SChannel reason', () => {
    const text =
      '$ git clone https://git.example.org/a.git\nschannel: next InitializeSecurityContext failed: SEC_E_UNTRUSTED_ROOT (0x80090325)';
    assert.strictEqual(id(text), 'git');
  });

  it('a pod event is the node’s error, though kubectl describe printed it (that rule is final)', () => {
    const text = [
      '$ kubectl describe pod web-0',
      '  Warning  FailedCreatePodSandBox  3s  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "registry.example.org/pause:3.9": x509: certificate signed by unknown authority',
    ].join('\n');
    assert.strictEqual(id(text), 'go');
    assert.strictEqual(id('$ kubectl get pods\nx509: certificate signed by unknown authority'), 'kubectl');
  });

  it("an install script's own download stays Node's, though npm ran it (that rule is final)", () => {
    const text = [
      '> npm i',
      'npm error command sh -c node install.js',
      'npm error Error: self-signed certificate in certificate chain',
      'npm error     at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)',
    ].join('\n');
    assert.strictEqual(id(text), 'node');
  });

  it("a Python logger's name is the package that wrote the line (logging's default format and the AWS CLI's)", () => {
    assert.deepStrictEqual(
      evidenceOf('DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): a.example.org:443').map(
        (e) => e.client,
      ),
      ['python-urllib3'],
    );
    assert.deepStrictEqual(
      evidenceOf('2024-01-01 10:00:00,000 - MainThread - botocore.endpoint - DEBUG - Sending http request').map(
        (e) => e.client,
      ),
      ['aws'],
    );
    assert.strictEqual(
      id(
        'DEBUG:pip._internal.network.session:x\nssl.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed',
      ),
      'pip',
    );
    assert.deepStrictEqual(evidenceOf('INFO:myapp.sync:started'), []);
  });
});
