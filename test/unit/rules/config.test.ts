import * as assert from 'assert';
import { expectNone, expectOne, hits } from './helpers';

describe('rules: config', () => {
  const positives: [string, string, string, string][] = [
    ['.npmrc', 'registry=https://r/\nstrict-ssl=false\n', 'config.npmrc-strict-ssl', 'strict-ssl=false'],
    ['sub/.npmrc', 'strict-ssl = "false" ; legacy proxy\n', 'config.npmrc-strict-ssl', 'strict-ssl = "false"'],
    ['.yarnrc', 'strict-ssl false\n', 'config.npmrc-strict-ssl', 'strict-ssl false'],
    [
      '.yarnrc.yml',
      'npmRegistries:\n  "//r":\n    enableStrictSsl: false\n',
      'config.yarnrc-enable-strict-ssl',
      'enableStrictSsl: false',
    ],
    [
      'pip.conf',
      '[global]\ntrusted-host = pypi.org files.pythonhosted.org\n',
      'config.pip-trusted-host',
      'trusted-host = pypi.org files.pythonhosted.org',
    ],
    [
      'C:\\Users\\me\\pip\\pip.ini',
      '[global]\r\ntrusted-host=pypi.corp\r\n',
      'config.pip-trusted-host',
      'trusted-host=pypi.corp',
    ],
    [
      '.gitconfig',
      '[user]\n  name = me\n[http "https://git.corp"]\n\tsslVerify = false\n',
      'config.gitconfig-ssl-verify',
      'sslVerify = false',
    ],
    ['repo/.git/config', '[http]\n\tsslverify = no\n', 'config.gitconfig-ssl-verify', 'sslverify = no'],
    ['.curlrc', '# defaults\nsilent\ninsecure\n', 'config.curlrc-insecure', 'insecure'],
    ['.curlrc', '-k\n', 'config.curlrc-insecure', '-k'],
    ['.wgetrc', 'check_certificate = off\n', 'config.wgetrc-check-certificate', 'check_certificate = off'],
    [
      '.vscode/settings.json',
      '{\n  // "http.proxyStrictSSL": false,\n  "http.proxyStrictSSL": false,\n}\n',
      'config.vscode-proxy-strict-ssl',
      '"http.proxyStrictSSL": false',
    ],
    [
      '.devcontainer/devcontainer.json',
      '{ "customizations": { "vscode": { "settings": { "http.proxyStrictSSL": false } } } }',
      'config.vscode-proxy-strict-ssl',
      '"http.proxyStrictSSL": false',
    ],
    [
      'app.code-workspace',
      '{ "folders": [], "settings": { "http.proxyStrictSSL": false } }',
      'config.vscode-proxy-strict-ssl',
      '"http.proxyStrictSSL": false',
    ],
    [
      '.kube/config',
      'clusters:\n- cluster:\n    insecure-skip-tls-verify: true\n    server: https://k\n',
      'config.kubeconfig-insecure-skip-tls-verify',
      'insecure-skip-tls-verify: true',
    ],
    [
      'prometheus.yml',
      'scrape_configs:\n  - job_name: x\n    tls_config:\n      insecure_skip_verify: true\n',
      'config.insecure-skip-verify',
      'insecure_skip_verify: true',
    ],
    [
      'traefik.yaml',
      'serversTransport:\n  insecureSkipVerify: true\n',
      'config.insecure-skip-verify',
      'insecureSkipVerify: true',
    ],
    [
      'ha.yaml',
      'rest:\n  - resource: https://x\n    verify_ssl: false\n',
      'config.insecure-skip-verify',
      'verify_ssl: false',
    ],
    [
      'telegraf.toml',
      '[[outputs.http]]\n  insecure_skip_verify = true\n',
      'config.insecure-skip-verify',
      'insecure_skip_verify = true',
    ],
    [
      'site.yml',
      '- get_url:\n    url: https://x\n    validate_certs: no\n',
      'config.ansible-validate-certs',
      'validate_certs: no',
    ],
    [
      'tasks/main.yml',
      '- uri: url=https://x validate_certs=false\n',
      'config.ansible-validate-certs',
      'validate_certs=false',
    ],
    [
      'group_vars/all.yml',
      'ansible_httpapi_validate_certs: false\n',
      'config.ansible-validate-certs',
      'ansible_httpapi_validate_certs: false',
    ],
    ['main.tf', 'provider "kubernetes" {\n  insecure = true\n}\n', 'config.terraform-insecure', 'insecure = true'],
    [
      'vault.tf',
      'provider "vault" {\n  skip_tls_verify = "true"\n}\n',
      'config.terraform-insecure',
      'skip_tls_verify = "true"',
    ],
    [
      'vsphere.tf',
      'provider "vsphere" {\n  allow_unverified_ssl = true // lab\n}\n',
      'config.terraform-insecure',
      'allow_unverified_ssl = true',
    ],
    ['.condarc', 'channels:\n  - defaults\nssl_verify: false\n', 'config.condarc-ssl-verify', 'ssl_verify: false'],
  ];
  for (const [path, text, id, value] of positives) it(`finds ${id} in ${path}`, () => expectOne(text, path, id, value));

  const negatives: [string, string][] = [
    ['.npmrc', '; strict-ssl=false\n# strict-ssl=false\nstrict-ssl=true\ncafile=/etc/ca.pem\n'],
    ['.npmrc', 'strict-ssl=${STRICT_SSL}\n'],
    ['.yarnrc.yml', '# enableStrictSsl: false\nenableStrictSsl: true\n'],
    ['pip.conf', '[global]\n# trusted-host = pypi.org\ncert = /etc/ca.pem\n'],
    ['.gitconfig', '[http]\n\tsslVerify = true\n\t# sslVerify = false\n[core]\n\tsslVerify = false\n'],
    ['.curlrc', '# insecure\ncacert = /etc/ca.pem\n'],
    ['.wgetrc', '#check_certificate = off\ncheck_certificate = on\n'],
    ['.vscode/settings.json', '{ "http.proxyStrictSSL": true, "x": "\\"http.proxyStrictSSL\\": false" }'],
    [
      '.devcontainer/devcontainer.json',
      '{ "customizations": { "vscode": { "settings": { "http.proxyStrictSSL": true } } } }',
    ],
    [
      '.kube/config',
      'clusters:\n- cluster:\n    # insecure-skip-tls-verify: true\n    insecure-skip-tls-verify: false\n',
    ],
    [
      'prometheus.yml',
      'tls_config:\n  insecure_skip_verify: false\n  # insecure_skip_verify: true\n  verify_ssl: true\n',
    ],
    ['values.yaml', 'insecure_skip_verify: ${INSECURE}\ndescription: "set insecure_skip_verify: true to skip"\n'],
    ['site.yml', '- get_url:\n    validate_certs: true\n# validate_certs: no\n'],
    [
      'main.tf',
      '# insecure = true\n// skip_tls_verify = true\n/* allow_unverified_ssl = true */\nprovider "k" {\n  insecure = false\n  skip_tls_verify = var.skip\n  description = "insecure = true"\n}\n',
    ],
    ['.condarc', 'ssl_verify: /etc/ssl/corp-ca.pem\n'],
    ['README.md', "Set `strict-ssl=false` in .npmrc and `insecure_skip_verify: true` (don't).\n"],
  ];
  for (const [path, text] of negatives) {
    it(`ignores safe settings and comments in ${path}: ${text.split('\n')[0]}`, () => expectNone(text, path));
  }

  it('reports exact positions (1-based line and column)', () => {
    assert.deepStrictEqual(
      hits('{\n  "editor.tabSize": 2,\n    "http.proxyStrictSSL": false\n}\n', '.vscode/settings.json'),
      [['config.vscode-proxy-strict-ssl', 3, 5, '"http.proxyStrictSSL": false']],
    );
    assert.deepStrictEqual(hits('a:\n  b:\n      insecure-skip-tls-verify: "true"  # lab only\n', 'kubeconfig'), [
      ['config.kubeconfig-insecure-skip-tls-verify', 3, 7, 'insecure-skip-tls-verify: "true"'],
    ]);
  });

  it('honours tls-doctor: ignore comments in each comment syntax', () => {
    expectNone('; tls-doctor: ignore config.npmrc-strict-ssl\nstrict-ssl=false\n', '.npmrc');
    expectNone('provider "k" {\n  insecure = true # tls-doctor: ignore\n}\n', 'main.tf');
    expectNone(
      '{\n  // tls-doctor: ignore config.vscode-proxy-strict-ssl\n  "http.proxyStrictSSL": false\n}\n',
      '.vscode/settings.json',
    );
  });
});
