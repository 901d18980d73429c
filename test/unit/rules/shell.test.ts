import * as assert from 'assert';
import { commands } from '../../../src/core/rules/shell/words';
import { scanText } from '../../../src/core/scan/index';
import { expectNone, expectOne, hits } from './helpers';

const SH = 'deploy.sh';

describe('rules: shell', () => {
  describe('in shell scripts', () => {
    const positives: [string, string, string][] = [
      ['curl -k https://x', 'shell.curl-insecure', '-k'],
      ['curl --insecure https://x', 'shell.curl-insecure', '--insecure'],
      ['curl -sSkL https://x | sh', 'shell.curl-insecure', '-sSkL'],
      ['/usr/bin/curl -fsk https://x', 'shell.curl-insecure', '-fsk'],
      ['curl -H "Accept: x" -k https://x', 'shell.curl-insecure', '-k'],
      ['sudo -E curl --proxy-insecure https://x', 'shell.curl-insecure', '--proxy-insecure'],
      ['out=$(curl -k https://x)', 'shell.curl-insecure', '-k'],
      ['if true; then curl -k x; fi', 'shell.curl-insecure', '-k'],
      ['wget --no-check-certificate https://x', 'shell.wget-no-check-certificate', '--no-check-certificate'],
      ['wget -e check_certificate=off https://x', 'shell.wget-no-check-certificate', '-e check_certificate=off'],
      ['git -c http.sslVerify=false clone https://x', 'shell.git-ssl-verify-false', 'http.sslVerify=false'],
      ['git clone -c http.sslverify=0 https://x', 'shell.git-ssl-verify-false', 'http.sslverify=0'],
      [
        'git -c "http.https://git.corp/.sslVerify=false" fetch',
        'shell.git-ssl-verify-false',
        '"http.https://git.corp/.sslVerify=false"',
      ],
      ['git config --global http.sslVerify false', 'shell.git-ssl-verify-false', 'http.sslVerify false'],
      ['git config set --system http.sslVerify "false"', 'shell.git-ssl-verify-false', 'http.sslVerify "false"'],
      ['npm config set strict-ssl false', 'shell.npm-strict-ssl-false', 'strict-ssl false'],
      ['npm set strict-ssl=false', 'shell.npm-strict-ssl-false', 'strict-ssl=false'],
      ['yarn config set strict-ssl false', 'shell.npm-strict-ssl-false', 'strict-ssl false'],
      ['yarn config set enableStrictSsl false', 'shell.npm-strict-ssl-false', 'enableStrictSsl false'],
      ['pnpm config set --global strict-ssl false', 'shell.npm-strict-ssl-false', 'strict-ssl false'],
      ['npm install --no-strict-ssl', 'shell.npm-strict-ssl-false', '--no-strict-ssl'],
      ['pip install --trusted-host pypi.corp -r req.txt', 'shell.pip-trusted-host', '--trusted-host pypi.corp'],
      ['python3 -m pip install --trusted-host=pypi.corp x', 'shell.pip-trusted-host', '--trusted-host=pypi.corp'],
      ['pip config set global.trusted-host pypi.corp', 'shell.pip-trusted-host', 'global.trusted-host pypi.corp'],
      [
        'kubectl get pods --insecure-skip-tls-verify',
        'shell.kube-insecure-skip-tls-verify',
        '--insecure-skip-tls-verify',
      ],
      [
        'helm repo add corp https://x --insecure-skip-tls-verify=true',
        'shell.kube-insecure-skip-tls-verify',
        '--insecure-skip-tls-verify=true',
      ],
      [
        'mvn -Dmaven.wagon.http.ssl.insecure=true install',
        'shell.maven-ssl-insecure',
        '-Dmaven.wagon.http.ssl.insecure=true',
      ],
      [
        'export MAVEN_OPTS="-Xmx1g -Dmaven.wagon.http.ssl.allowall=true"',
        'shell.maven-ssl-insecure',
        '-Dmaven.wagon.http.ssl.allowall=true',
      ],
      ['conda config --set ssl_verify false', 'shell.conda-ssl-verify-false', 'ssl_verify false'],
      ['export NODE_TLS_REJECT_UNAUTHORIZED=0', 'env.node-tls-reject-unauthorized', 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
      [
        'NODE_TLS_REJECT_UNAUTHORIZED="0" node app.js',
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED="0"',
      ],
      [
        'env NODE_TLS_REJECT_UNAUTHORIZED=0 npm test',
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED=0',
      ],
      ['export PYTHONHTTPSVERIFY=0', 'env.pythonhttpsverify-off', 'PYTHONHTTPSVERIFY=0'],
      ['GIT_SSL_NO_VERIFY=true git clone https://x', 'env.git-ssl-no-verify', 'GIT_SSL_NO_VERIFY=true'],
      ['export CURL_CA_BUNDLE=""', 'env.empty-ca-bundle', 'CURL_CA_BUNDLE=""'],
      ['export NPM_CONFIG_STRICT_SSL=false', 'env.npm-strict-ssl', 'NPM_CONFIG_STRICT_SSL=false'],
      ['export PIP_TRUSTED_HOST=pypi.corp', 'env.pip-trusted-host', 'PIP_TRUSTED_HOST=pypi.corp'],
      ['setenv NODE_TLS_REJECT_UNAUTHORIZED 0', 'env.node-tls-reject-unauthorized', 'NODE_TLS_REJECT_UNAUTHORIZED 0'],
    ];
    for (const [code, id, value] of positives) it(`finds ${id} in: ${code}`, () => expectOne(code, SH, id, value));

    const negatives = [
      '# curl -k https://x',
      'echo "curl -k is insecure"',
      'echo curl -k',
      'ls -k /tmp',
      'grep -k foo',
      'curl -XPOST https://x',
      'curl -Hk https://x',
      'curl -o -k https://x',
      'curl --cacert ca.pem https://x',
      'wget --ca-certificate=ca.pem https://x',
      'git -c http.sslVerify=true clone x',
      'git config --global http.sslVerify true',
      'git config --global http.sslCAInfo /etc/ca.pem',
      'npm config set strict-ssl true',
      'npm config set strict-ssl "$STRICT"',
      'npm config get strict-ssl',
      'kubectl --insecure-skip-tls-verify=false get po',
      'export NODE_TLS_REJECT_UNAUTHORIZED=1',
      'export NODE_TLS_REJECT_UNAUTHORIZED=$REJECT',
      'NODE_TLS_REJECT_UNAUTHORIZED="${X:-1}" node app.js',
      'export PYTHONHTTPSVERIFY=1',
      'export CURL_CA_BUNDLE=/etc/ssl/ca.pem',
      'cat <<EOF\ncurl -k https://x\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nEOF',
      "echo 'NODE_TLS_REJECT_UNAUTHORIZED=0'",
    ];
    for (const code of negatives) it(`ignores: ${code.split('\n')[0]}`, () => expectNone(code, SH));

    it('reports every finding with its line and column', () => {
      assert.deepStrictEqual(hits('set -e\n  curl -k x && wget --no-check-certificate y # curl -k\n', SH), [
        ['shell.curl-insecure', 2, 8, '-k'],
        ['shell.wget-no-check-certificate', 2, 21, '--no-check-certificate'],
      ]);
    });

    it('follows line continuations', () => {
      assert.deepStrictEqual(hits('curl \\\n  -fsS \\\n  -k \\\n  https://x\n', SH), [
        ['shell.curl-insecure', 3, 3, '-k'],
      ]);
    });

    it('reads extension-less scripts only when they have a shell shebang', () => {
      expectOne('#!/usr/bin/env bash\ncurl -k x\n', 'bin/fetch', 'shell.curl-insecure', '-k');
      expectNone('curl -k x\n', 'LICENSE');
      expectNone('#!/usr/bin/env python3\ncurl -k x\n', 'bin/tool');
    });

    it('honours tls-doctor: ignore comments', () => {
      expectNone('curl -k x  # tls-doctor: ignore shell.curl-insecure\n', SH);
      expectNone('# tls-doctor: ignore\ncurl -k x\n', SH);
      expectOne('# tls-doctor: ignore shell.wget-no-check-certificate\ncurl -k x\n', SH, 'shell.curl-insecure', '-k');
    });
  });

  describe('the word splitter', () => {
    it('splits commands on operators and removes quotes', () => {
      const cmds = commands('a "b c" \'d\'; e|f && g $(h i)').map((c) => c.map((w) => w.value));
      assert.deepStrictEqual(cmds, [['a', 'b c', 'd'], ['e'], ['f'], ['g'], ['h', 'i']]);
    });

    it('marks words with expansions as dynamic', () => {
      const [cmd] = commands('x "$Y" \'$Z\' w${V}');
      assert.deepStrictEqual(
        cmd.map((w) => w.dynamic),
        [false, true, false, true],
      );
    });
  });

  describe('in Dockerfiles', () => {
    const F = 'Dockerfile';
    it('finds commands in RUN across continuations, skipping comment lines', () => {
      assert.deepStrictEqual(
        hits('FROM x\nRUN apt-get update \\\n  # curl -k in a comment\n  && curl -fsSk https://x \\\n  | sh\n', F),
        [['shell.curl-insecure', 4, 11, '-fsSk']],
      );
    });
    it('reads RUN options, exec form and heredocs', () => {
      expectOne(
        'RUN --mount=type=cache,target=/root/.npm npm config set strict-ssl false\n',
        F,
        'shell.npm-strict-ssl-false',
        'strict-ssl false',
      );
      expectOne('RUN ["curl", "--insecure", "https://x"]\n', F, 'shell.curl-insecure', '--insecure');
      expectOne(
        'RUN <<EOF\nset -e\nwget --no-check-certificate https://x\nEOF\n',
        F,
        'shell.wget-no-check-certificate',
        '--no-check-certificate',
      );
    });
    it('reads ENV and ARG in both syntaxes', () => {
      expectOne(
        'ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
        F,
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED=0',
      );
      expectOne(
        'ENV A=1 NODE_TLS_REJECT_UNAUTHORIZED="0" B=2\n',
        F,
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED="0"',
      );
      expectOne(
        'ENV NODE_TLS_REJECT_UNAUTHORIZED 0\n',
        F,
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED 0',
      );
      expectOne('ARG PIP_TRUSTED_HOST=pypi.corp\n', F, 'env.pip-trusted-host', 'PIP_TRUSTED_HOST=pypi.corp');
    });
    it('ignores comments, safe values and variables', () => {
      expectNone(
        '# RUN curl -k x\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nENV NODE_TLS_REJECT_UNAUTHORIZED=${REJECT}\nRUN echo "curl -k"\n',
        F,
      );
    });
  });

  describe('in Makefiles', () => {
    it('reads recipes (with @/- prefixes) and variable assignments', () => {
      assert.deepStrictEqual(
        hits('export NODE_TLS_REJECT_UNAUTHORIZED = 0\nfetch:\n\t@curl -k https://x\n\t# curl -k\n', 'Makefile'),
        [
          ['env.node-tls-reject-unauthorized', 1, 8, 'NODE_TLS_REJECT_UNAUTHORIZED = 0'],
          ['shell.curl-insecure', 3, 8, '-k'],
        ],
      );
    });
  });

  describe('in package.json scripts', () => {
    it('reads script values (JSON escapes included) and nothing else', () => {
      const pkg =
        '{\n  "description": "curl -k",\n  "scripts": {\n    "test": "cross-env NODE_TLS_REJECT_UNAUTHORIZED=0 mocha \\"t/**\\"",\n    "dl": "curl -k https://x",\n    "ok": "echo \\"curl -k\\""\n  }\n}\n';
      assert.deepStrictEqual(hits(pkg, 'package.json'), [
        ['env.node-tls-reject-unauthorized', 4, 24, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
        ['shell.curl-insecure', 5, 17, '-k'],
      ]);
    });
  });

  describe('in CI YAML', () => {
    it('reads GitHub Actions run: steps (inline and block) and env: maps', () => {
      const yml = [
        'env:',
        '  NODE_TLS_REJECT_UNAUTHORIZED: "0"',
        '  TOKEN: ${{ secrets.T }}',
        'jobs:',
        '  b:',
        '    steps:',
        '      # - run: curl -k x',
        '      - run: curl -k https://x  # fetch',
        '      - name: multi',
        '        run: |',
        '          echo "curl -k"',
        '          git config --global http.sslVerify false',
        '        env:',
        '          GIT_SSL_NO_VERIFY: $X',
        '',
      ].join('\n');
      assert.deepStrictEqual(hits(yml, '.github/workflows/ci.yml'), [
        ['env.node-tls-reject-unauthorized', 2, 3, 'NODE_TLS_REJECT_UNAUTHORIZED: "0"'],
        ['shell.curl-insecure', 8, 19, '-k'],
        ['shell.git-ssl-verify-false', 12, 31, 'http.sslVerify false'],
      ]);
    });
    it('reads GitLab script lists and variables', () => {
      const yml =
        'variables:\n  GIT_SSL_NO_VERIFY: "1"\ntest:\n  before_script:\n  - pip install --trusted-host h x\n  script:\n    - curl -k x\n    - |\n      wget --no-check-certificate y\n';
      assert.deepStrictEqual(hits(yml, '.gitlab-ci.yml'), [
        ['env.git-ssl-no-verify', 2, 3, 'GIT_SSL_NO_VERIFY: "1"'],
        ['shell.pip-trusted-host', 5, 17, '--trusted-host h'],
        ['shell.curl-insecure', 7, 12, '-k'],
        ['shell.wget-no-check-certificate', 9, 12, '--no-check-certificate'],
      ]);
    });
    it('reads Compose environment lists and Kubernetes env entries', () => {
      expectOne(
        'services:\n  a:\n    environment:\n      - NODE_TLS_REJECT_UNAUTHORIZED=0\n      - B=1\n',
        'docker-compose.yml',
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED=0',
      );
      const k8s =
        'containers:\n  - name: app\n    env:\n      - name: NODE_TLS_REJECT_UNAUTHORIZED\n        value: "0"\n      - name: OTHER\n        value: "0"\n';
      assert.deepStrictEqual(
        hits(k8s, 'deploy.yaml').map(([id, l, c]) => [id, l, c]),
        [['env.node-tls-reject-unauthorized', 4, 9]],
      );
    });
    it('ignores commands in comments, non-command keys and prose blocks', () => {
      expectNone('name: curl -k\ndescription: "use curl -k"\n# run: curl -k x\nsteps:\n  - run: echo ok\n', 'ci.yml');
      expectNone(
        'inputs:\n  url:\n    description: |\n      Behind the proxy you may be tempted to\n      run: curl -k $URL\n    required: true\n',
        'action.yml',
      );
    });
    it('still reads keys after a prose block', () => {
      expectOne(
        'description: |\n  text\nruns:\n  steps:\n    - run: curl -k x\n',
        'action.yml',
        'shell.curl-insecure',
        '-k',
      );
    });
  });
});

describe('rules: shell line skipping keeps what spans lines', () => {
  // Lines that cannot match are skipped without building words; these cases carry state from one line to the next.
  const cases: [string, string, number][] = [
    ['a continuation line joins the command', 'echo hi \\\n  && curl -k https://x\n', 1],
    ['a here-document body is data, not commands', 'cat <<EOF\ncurl -k https://x\nEOF\necho done\n', 0],
    ['a double-quoted string over two lines', 'echo "multi\nline" ; curl -k https://x\n', 1],
    ['a single-quoted string over two lines', "echo 'it\ncontinues' && curl -k u\n", 1],
    ['an assignment after a continuation', 'X=1 \\\n  NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js\n', 1],
    ['a quoted keyword inside a skipped-looking line', 'echo "curl -k is bad"\nls\n', 0],
  ];
  for (const [what, text, n] of cases) {
    it(what, () => assert.strictEqual(scanText(text, 'a.sh').length, n));
  }
});

describe('rules: Dockerfile instructions skipped unbuilt keep their findings', () => {
  it('finds curl -k after a comment line inside a continued RUN, among instructions that cannot match', () => {
    const text =
      'FROM debian\nRUN apt-get update\nRUN apt-get update && \\\n    # fetch the tool\n    curl -k https://x.test/tool\nRUN echo done\n';
    const found = scanText(text, 'Dockerfile');
    assert.deepStrictEqual(
      found.map((f) => [f.ruleId, f.range.start.line, f.value]),
      [['shell.curl-insecure', 4, '-k']],
    );
  });
});

describe('rules: CI YAML values skipped unbuilt keep their findings', () => {
  it('finds curl -k deep in a block scalar and in a list at the key column, among steps that cannot match', () => {
    const gha =
      'jobs:\n  build:\n    steps:\n      - run: echo one\n      - run: |\n          set -e\n          # fetch\n          curl -k https://x.test\n      - run: echo two\n';
    assert.deepStrictEqual(
      scanText(gha, '.github/workflows/ci.yml').map((f) => [f.ruleId, f.range.start.line]),
      [['shell.curl-insecure', 7]],
    );
    const gitlab = 'build:\n  script:\n  - echo one\n  - curl --insecure https://x.test\n  - echo two\n';
    assert.deepStrictEqual(
      scanText(gitlab, '.gitlab-ci.yml').map((f) => [f.ruleId, f.range.start.line]),
      [['shell.curl-insecure', 3]],
    );
  });
});
