import * as assert from 'assert';
import { remove, trust } from './helpers';

const NODE = 'env.node-tls-reject-unauthorized';

describe('fixes: environment variables', () => {
  it('.env: NODE_TLS_REJECT_UNAUTHORIZED=0 → NODE_EXTRA_CA_CERTS=<bundle>, other lines untouched', () => {
    assert.strictEqual(
      trust('# app\nPORT=3000\nNODE_TLS_REJECT_UNAUTHORIZED=0\nDEBUG=1\n', '.env', NODE),
      '# app\nPORT=3000\nNODE_EXTRA_CA_CERTS=.certs/bundle.pem\nDEBUG=1\n',
    );
    assert.strictEqual(
      trust('export NODE_TLS_REJECT_UNAUTHORIZED="0"\n', '.env.local', NODE, 'C:\\a b\\c.pem'),
      'export NODE_EXTRA_CA_CERTS="C:\\\\a b\\\\c.pem"\n',
    );
  });

  it('.env: the other knobs map to their CA-bundle variables', () => {
    assert.strictEqual(
      trust('PYTHONHTTPSVERIFY=0\n', '.env', 'env.pythonhttpsverify-off'),
      'SSL_CERT_FILE=.certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('CURL_CA_BUNDLE=""\n', '.env', 'env.empty-ca-bundle'),
      'REQUESTS_CA_BUNDLE=.certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('REQUESTS_CA_BUNDLE=\n', '.env', 'env.empty-ca-bundle', '/a b.pem'),
      "REQUESTS_CA_BUNDLE='/a b.pem'\n",
    );
    assert.strictEqual(
      trust('GIT_SSL_NO_VERIFY=true\n', '.env', 'env.git-ssl-no-verify'),
      'GIT_SSL_CAINFO=.certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('npm_config_strict_ssl=false\n', '.env', 'env.npm-strict-ssl'),
      'npm_config_cafile=.certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('PIP_TRUSTED_HOST=pypi.org\n', '.env', 'env.pip-trusted-host'),
      'PIP_CERT=.certs/bundle.pem\n',
    );
  });

  it('shell scripts: export lines and command prefixes, shell-quoted', () => {
    assert.strictEqual(
      trust('export NODE_TLS_REJECT_UNAUTHORIZED=0\nnode app.js\n', 'run.sh', NODE, "/it's.pem"),
      "export NODE_EXTRA_CA_CERTS='/it'\\''s.pem'\nnode app.js\n",
    );
    assert.strictEqual(
      trust('NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js\n', 'run.sh', NODE),
      'NODE_EXTRA_CA_CERTS=.certs/bundle.pem node app.js\n',
    );
    assert.strictEqual(
      trust('export CURL_CA_BUNDLE=""\n', 'run.sh', 'env.empty-ca-bundle', 'C:\\c.pem'),
      'export REQUESTS_CA_BUNDLE="C:\\\\c.pem"\n',
    );
  });

  it('Dockerfile ENV (both forms), CI env maps, launch.json and package.json scripts', () => {
    assert.strictEqual(
      trust('FROM n\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', 'Dockerfile', NODE),
      'FROM n\nENV NODE_EXTRA_CA_CERTS=.certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('FROM n\nENV PYTHONHTTPSVERIFY 0\n', 'Dockerfile', 'env.pythonhttpsverify-off'),
      'FROM n\nENV SSL_CERT_FILE .certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('jobs:\n  a:\n    env:\n      NODE_TLS_REJECT_UNAUTHORIZED: "0"\n', 'ci.yml', NODE, 'C:\\b.pem'),
      'jobs:\n  a:\n    env:\n      NODE_EXTRA_CA_CERTS: "C:\\\\b.pem"\n',
    );
    assert.strictEqual(
      trust('{"configurations": [{"env": {"NODE_TLS_REJECT_UNAUTHORIZED": "0"}}]}\n', '.vscode/launch.json', NODE),
      '{"configurations": [{"env": {"NODE_EXTRA_CA_CERTS": ".certs/bundle.pem"}}]}\n',
    );
    assert.strictEqual(
      trust(
        '{"scripts": {"start": "NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js"}}\n',
        'package.json',
        NODE,
        '/a b/c.pem',
      ),
      '{"scripts": {"start": "NODE_EXTRA_CA_CERTS=\'/a b/c.pem\' node app.js"}}\n',
    );
  });

  describe('remove the flag', () => {
    it('deletes lone assignments, command prefixes and JSON pairs', () => {
      assert.strictEqual(remove('A=1\nNODE_TLS_REJECT_UNAUTHORIZED=0\nB=2\n', '.env', NODE), 'A=1\nB=2\n');
      assert.strictEqual(remove('export NODE_TLS_REJECT_UNAUTHORIZED=0 # why\nnode a\n', 'r.sh', NODE), 'node a\n');
      assert.strictEqual(remove('NODE_TLS_REJECT_UNAUTHORIZED=0 node a\n', 'r.sh', NODE), 'node a\n');
      assert.strictEqual(
        remove(
          '{"configurations": [{"env": {"A": "1", "NODE_TLS_REJECT_UNAUTHORIZED": "0"}}]}\n',
          '.vscode/launch.json',
          NODE,
        ),
        '{"configurations": [{"env": {"A": "1"}}]}\n',
      );
    });
  });
});
