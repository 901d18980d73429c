import * as assert from 'assert';
import { remove, trust } from './helpers';

describe('fixes: command-line tools in scripts and config files', () => {
  it('curl -k / --insecure / a -sk cluster → --cacert <bundle>', () => {
    assert.strictEqual(
      trust('#!/bin/sh\ncurl -k https://h/\n', 'get.sh', 'shell.curl-insecure'),
      '#!/bin/sh\ncurl --cacert .certs/bundle.pem https://h/\n',
    );
    assert.strictEqual(
      trust('curl --insecure -o f https://h/\n', 'get.sh', 'shell.curl-insecure'),
      'curl --cacert .certs/bundle.pem -o f https://h/\n',
    );
    assert.strictEqual(
      trust('curl -fsSLk https://h/ | sh\n', 'get.sh', 'shell.curl-insecure'),
      'curl --cacert .certs/bundle.pem -fsSL https://h/ | sh\n',
    );
    assert.strictEqual(
      trust('curl -ko out https://h/\n', 'get.sh', 'shell.curl-insecure'),
      'curl --cacert .certs/bundle.pem -o out https://h/\n',
    );
  });

  it('quotes shell words with spaces (single quotes; backslashes stay literal) and escapes again inside package.json', () => {
    assert.strictEqual(
      trust('curl -k https://h/\n', 'get.sh', 'shell.curl-insecure', "C:\\my certs\\it's.pem"),
      "curl --cacert 'C:\\my certs\\it'\\''s.pem' https://h/\n",
    );
    assert.strictEqual(
      trust('{"scripts": {"dl": "curl -k https://h/"}}\n', 'package.json', 'shell.curl-insecure', 'C:\\a b\\c.pem'),
      '{"scripts": {"dl": "curl --cacert \'C:\\\\a b\\\\c.pem\' https://h/"}}\n',
    );
  });

  it('.curlrc: insecure → cacert = "<bundle>"', () => {
    assert.strictEqual(
      trust('silent\ninsecure\n', '.curlrc', 'config.curlrc-insecure', 'C:\\ca\\b.pem'),
      'silent\ncacert = "C:\\\\ca\\\\b.pem"\n',
    );
  });

  it('git: -c http.sslVerify=false, git config … false, and .gitconfig → sslCAInfo', () => {
    assert.strictEqual(
      trust('git -c http.sslVerify=false clone https://h/r\n', 'a.sh', 'shell.git-ssl-verify-false'),
      'git -c http.sslCAInfo=.certs/bundle.pem clone https://h/r\n',
    );
    assert.strictEqual(
      trust('git config --global http.sslVerify false\n', 'a.sh', 'shell.git-ssl-verify-false', '/a b/c.pem'),
      "git config --global http.sslCAInfo '/a b/c.pem'\n",
    );
    assert.strictEqual(
      trust('[http]\n\tsslVerify = false\n', '.gitconfig', 'config.gitconfig-ssl-verify', 'C:\\ca\\b.pem'),
      '[http]\n\tsslCAInfo = "C:\\\\ca\\\\b.pem"\n',
    );
  });

  it('npm/yarn: strict-ssl → cafile in .npmrc, .yarnrc, .yarnrc.yml and commands', () => {
    assert.strictEqual(
      trust('registry=https://r/\nstrict-ssl=false\n', '.npmrc', 'config.npmrc-strict-ssl'),
      'registry=https://r/\ncafile=.certs/bundle.pem\n',
    );
    assert.strictEqual(
      trust('strict-ssl=false\n', '.npmrc', 'config.npmrc-strict-ssl', 'C:\\a;b\\c.pem'),
      'cafile="C:\\\\a;b\\\\c.pem"\n',
    );
    assert.strictEqual(
      trust('strict-ssl false\n', '.yarnrc', 'config.npmrc-strict-ssl', '/a b.pem'),
      'cafile "/a b.pem"\n',
    );
    assert.strictEqual(
      trust('enableStrictSsl: false\n', '.yarnrc.yml', 'config.yarnrc-enable-strict-ssl', "/it's.pem"),
      "caFilePath: '/it''s.pem'\n",
    );
    assert.strictEqual(
      trust('npm config set strict-ssl false\n', 'a.sh', 'shell.npm-strict-ssl-false'),
      'npm config set cafile .certs/bundle.pem\n',
    );
  });

  it('pip: --trusted-host → --cert, pip.conf trusted-host (with continuation lines) → cert', () => {
    assert.strictEqual(
      trust('pip install --trusted-host pypi.org x\n', 'a.sh', 'shell.pip-trusted-host'),
      'pip install --cert .certs/bundle.pem x\n',
    );
    assert.strictEqual(
      trust('pip install --trusted-host=pypi.org x\n', 'a.sh', 'shell.pip-trusted-host'),
      'pip install --cert=.certs/bundle.pem x\n',
    );
    assert.strictEqual(
      trust(
        '[global]\ntrusted-host = pypi.org\n    files.pythonhosted.org\nindex-url = https://i/\n',
        'pip.conf',
        'config.pip-trusted-host',
        'C:\\ca dir\\b.pem',
      ),
      '[global]\ncert = C:\\ca dir\\b.pem\nindex-url = https://i/\n',
    );
  });

  it('Dockerfile RUN and CI run: lines', () => {
    assert.strictEqual(
      trust('FROM x\nRUN curl -k https://h/ && pip install --trusted-host p x\n', 'Dockerfile', 'shell.curl-insecure'),
      'FROM x\nRUN curl --cacert .certs/bundle.pem https://h/ && pip install --trusted-host p x\n',
    );
    assert.strictEqual(
      trust(
        'jobs:\n  a:\n    steps:\n      - run: curl -k https://h/\n',
        '.github/workflows/ci.yml',
        'shell.curl-insecure',
      ),
      'jobs:\n  a:\n    steps:\n      - run: curl --cacert .certs/bundle.pem https://h/\n',
    );
  });

  describe('remove the flag', () => {
    it('drops flags with their spacing, k from a cluster, and whole config lines', () => {
      assert.strictEqual(remove('curl -k https://h/\n', 'a.sh', 'shell.curl-insecure'), 'curl https://h/\n');
      assert.strictEqual(remove('curl -sk https://h/\n', 'a.sh', 'shell.curl-insecure'), 'curl -s https://h/\n');
      assert.strictEqual(
        remove('git -c http.sslVerify=false clone u\n', 'a.sh', 'shell.git-ssl-verify-false'),
        'git clone u\n',
      );
      assert.strictEqual(
        remove('echo a\ngit config --global http.sslVerify false\n', 'a.sh', 'shell.git-ssl-verify-false'),
        'echo a\n',
      );
      assert.strictEqual(
        remove('pip install --trusted-host p x\n', 'a.sh', 'shell.pip-trusted-host'),
        'pip install x\n',
      );
      assert.strictEqual(remove('a=1\nstrict-ssl=false\n', '.npmrc', 'config.npmrc-strict-ssl'), 'a=1\n');
      assert.strictEqual(
        remove('[global]\ntrusted-host = a\n  b\nx = 1\n', 'pip.conf', 'config.pip-trusted-host'),
        '[global]\nx = 1\n',
      );
    });
  });
});
