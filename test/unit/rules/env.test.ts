import * as assert from 'assert';
import fc from 'fast-check';
import { checkEnv, docOf, dotenvAssignments, envFamily, envRuleFor, isDynamic } from '../../../src/core/rules/env';
import type { Finding } from '../../../src/core/rules/types';
import { expectNone, expectOne, hits } from './helpers';

describe('rules: env', () => {
  describe('which values disable verification', () => {
    const cases: [string, string, string | undefined][] = [
      ['NODE_TLS_REJECT_UNAUTHORIZED', '0', 'env.node-tls-reject-unauthorized'],
      ['NODE_TLS_REJECT_UNAUTHORIZED', '1', undefined],
      ['NODE_TLS_REJECT_UNAUTHORIZED', 'false', undefined], // Node only switches off for exactly "0"
      ['PYTHONHTTPSVERIFY', '0', 'env.pythonhttpsverify-off'],
      ['PYTHONHTTPSVERIFY', '1', undefined],
      ['GIT_SSL_NO_VERIFY', 'false', 'env.git-ssl-no-verify'], // git only checks that it is set
      ['CURL_CA_BUNDLE', '', 'env.empty-ca-bundle'],
      ['REQUESTS_CA_BUNDLE', '', 'env.empty-ca-bundle'],
      ['REQUESTS_CA_BUNDLE', '/etc/ssl/ca.pem', undefined],
      ['npm_config_strict_ssl', 'false', 'env.npm-strict-ssl'],
      ['YARN_ENABLE_STRICT_SSL', 'false', 'env.npm-strict-ssl'],
      ['NPM_CONFIG_STRICT_SSL', 'true', undefined],
      ['PIP_TRUSTED_HOST', 'pypi.corp', 'env.pip-trusted-host'],
      ['PIP_TRUSTED_HOST', '', undefined],
      ['GOINSECURE', '*.corp.example', 'env.goinsecure'],
      ['NODE_TLS_REJECT_UNAUTHORIZED', '${REJECT}', undefined],
      ['NODE_TLS_REJECT_UNAUTHORIZED', '${{ vars.REJECT }}', undefined],
      ['GIT_SSL_NO_VERIFY', '$(cat flag)', undefined],
      ['OTHER', '0', undefined],
    ];
    for (const [name, value, id] of cases) {
      it(`${name}=${JSON.stringify(value)} → ${id ?? 'no finding'}`, () =>
        assert.strictEqual(envRuleFor(name, value)?.id, id));
    }
    it('treats $X, ${X}, $(cmd), backticks and %X% as run-time values', () => {
      assert.deepStrictEqual(['$X', '${X}', '$(x)', '`x`', '%X%', '0', 'a$'].map(isDynamic), [
        true,
        true,
        true,
        true,
        true,
        false,
        false,
      ]);
    });
  });

  describe('in .env files', () => {
    it('finds assignments with exact ranges, quoted or not, with export', () => {
      const text =
        '# NODE_TLS_REJECT_UNAUTHORIZED=0\nAPI=https://x\nNODE_TLS_REJECT_UNAUTHORIZED=0\nexport PYTHONHTTPSVERIFY="0" # legacy\nCURL_CA_BUNDLE=\n';
      assert.deepStrictEqual(hits(text, '.env'), [
        ['env.node-tls-reject-unauthorized', 3, 1, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
        ['env.pythonhttpsverify-off', 4, 8, 'PYTHONHTTPSVERIFY="0"'],
        ['env.empty-ca-bundle', 5, 1, 'CURL_CA_BUNDLE='],
      ]);
    });
    it('reads .env.* and *.env but not .envrc as a dotenv file', () => {
      expectOne('GIT_SSL_NO_VERIFY=1\n', '.env.production', 'env.git-ssl-no-verify', 'GIT_SSL_NO_VERIFY=1');
      expectOne('NPM_CONFIG_STRICT_SSL=false\n', 'config/app.env', 'env.npm-strict-ssl', 'NPM_CONFIG_STRICT_SSL=false');
      expectOne(
        'export NODE_TLS_REJECT_UNAUTHORIZED=0\n',
        '.envrc',
        'env.node-tls-reject-unauthorized',
        'NODE_TLS_REJECT_UNAUTHORIZED=0',
      );
    });
    it('ignores comments, safe values and interpolations', () => {
      expectNone(
        '#NODE_TLS_REJECT_UNAUTHORIZED=0\nNODE_TLS_REJECT_UNAUTHORIZED=1\nPYTHONHTTPSVERIFY=${VERIFY}\nNOTE="set NODE_TLS_REJECT_UNAUTHORIZED=0 to break things"\n',
        '.env',
      );
    });
    it('honours tls-doctor: ignore', () => {
      expectNone(
        '# tls-doctor: ignore env.node-tls-reject-unauthorized\nNODE_TLS_REJECT_UNAUTHORIZED=0\n',
        '.env.local',
      );
    });
  });

  describe('in VS Code launch/tasks/devcontainer JSON', () => {
    it('finds env, containerEnv and remoteEnv entries (JSONC comments skipped)', () => {
      const launch =
        '{\n  // "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "0" }\n  "configurations": [{\n    "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "0", "X": "${env:Y}" },\n  }],\n}\n';
      assert.deepStrictEqual(hits(launch, '.vscode/launch.json'), [
        ['env.node-tls-reject-unauthorized', 4, 14, '"NODE_TLS_REJECT_UNAUTHORIZED": "0"'],
      ]);
      expectOne(
        '{ "containerEnv": { "PYTHONHTTPSVERIFY": "0" } }',
        '.devcontainer/devcontainer.json',
        'env.pythonhttpsverify-off',
        '"PYTHONHTTPSVERIFY": "0"',
      );
      expectOne(
        '{ "remoteEnv": { "GIT_SSL_NO_VERIFY": "true" } }',
        '.devcontainer.json',
        'env.git-ssl-no-verify',
        '"GIT_SSL_NO_VERIFY": "true"',
      );
      expectOne(
        '{ "tasks": [{ "options": { "env": { "NODE_TLS_REJECT_UNAUTHORIZED": 0 } } }] }',
        '.vscode/tasks.json',
        'env.node-tls-reject-unauthorized',
        '"NODE_TLS_REJECT_UNAUTHORIZED": 0',
      );
    });
    it('ignores the same names outside env objects and variable values', () => {
      expectNone(
        '{ "name": "NODE_TLS_REJECT_UNAUTHORIZED", "args": ["NODE_TLS_REJECT_UNAUTHORIZED=0"], "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "${input:x}" } }',
        '.vscode/launch.json',
      );
    });
  });
});

describe('env: .env re-scan reads only lines with a switch word', () => {
  it('property: the findings equal checking every assignment of the whole file', () => {
    const name = fc.constantFrom(
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'PYTHONHTTPSVERIFY',
      'GIT_SSL_NO_VERIFY',
      'CURL_CA_BUNDLE',
      'REQUESTS_CA_BUNDLE',
      'npm_config_strict_ssl',
      'YARN_STRICT_SSL',
      'yarn_enable_strict_ssl',
      'PIP_TRUSTED_HOST',
      'GOINSECURE',
      'CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION',
      'POETRY_CERTIFICATES_CORP_CERT',
      'VAR_1',
      'export X',
      'goinsecure',
    );
    const value = fc.constantFrom('0', '1', '', 'false', 'true', '"0"', "'false'", 'x.example.com', '$HOME', ' # c');
    const line = fc.oneof(
      fc.tuple(name, fc.constantFrom('=', ' = ', '= '), value).map(([n, eq, v]) => `${n}${eq}${v}`),
      fc.constantFrom('# NODE_TLS_REJECT_UNAUTHORIZED=0', '', '  ', 'junk GOINSECURE', 'A=GOINSECURE', '\r'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join(eol);
        const doc = docOf(text);
        const reference: Finding[] = [];
        for (const a of dotenvAssignments(text)) checkEnv(doc, a, reference);
        // Also holds the prefilter to every knob's name: a knob it missed would be found by the reference alone.
        assert.deepStrictEqual(envFamily.scan(text, '.env'), reference);
      }),
      { numRuns: 2000 },
    );
  });
});
