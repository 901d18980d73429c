// The config rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../config.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('config');

/** The config-file rules, by short name. */
export const CFG = {
  npmrc: rule('npmrc-strict-ssl', {
    title: 'strict-ssl=false in .npmrc/.yarnrc: package downloads skip certificate verification',
    description: 'npm, pnpm and yarn 1 accept any registry certificate with strict-ssl=false, so packages can be swapped in transit. Set cafile=<CA bundle> instead.',
    fix: 'npm-strict-ssl',
    concept: 'tool-config-switch',
    client: 'npm',
    surface: 'npmrc',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: '`strict-ssl` set to `false`/`0`/`no`/`off` in `.npmrc`, `npmrc` and `.yarnrc` (`key=value` or `key value`). `;` and `#` comments are skipped; `${VAR}` values are not findings.',
    examples: {
      file: '.npmrc',
      flagged: [`# .npmrc (or .yarnrc for yarn 1: strict-ssl false)
«strict-ssl=false»`],
      ok: [
        'cafile=/etc/ssl/corp-ca.pem',
        '; strict-ssl=false\nstrict-ssl=true',
      ],
    },
  }),
  yarnrcYml: rule('yarnrc-enable-strict-ssl', {
    title: 'enableStrictSsl: false in .yarnrc.yml: Yarn skips certificate verification',
    description: 'Yarn 2+ accepts any registry certificate with enableStrictSsl: false. Set caFilePath (or httpsCaFilePath) to a CA bundle instead.',
    fix: 'npm-strict-ssl',
    concept: 'tool-config-switch',
    client: 'yarn',
    surface: 'yarnrc',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: '`enableStrictSsl: false` at any level of `.yarnrc.yml`.',
    examples: {
      file: '.yarnrc.yml',
      flagged: [`# .yarnrc.yml
«enableStrictSsl: false»
npmRegistries:
  "//npm.corp.example":
    «enableStrictSsl: false»`],
      ok: [
        'httpsCaFilePath: /etc/ssl/corp-ca.pem',
        '# enableStrictSsl: false\nenableStrictSsl: true',
      ],
    },
  }),
  pip: rule('pip-trusted-host', {
    title: 'trusted-host in pip.conf: pip skips certificate checks for these hosts',
    description: 'pip neither verifies the certificate of a trusted host nor requires HTTPS for it. Set cert = <CA bundle> in the same file instead.',
    fix: 'pip-trusted-host',
    concept: 'tool-config-switch',
    client: 'pip',
    surface: 'pip-conf',
    caVars: ['PIP_CERT'],
    notes: 'A `trusted-host` key with a value, in any section of `pip.conf` or `pip.ini`.',
    examples: {
      file: 'pip.conf',
      flagged: [`# pip.conf / pip.ini
[global]
«trusted-host = pypi.corp.example»`],
      ok: [
        `[global]
cert = /etc/ssl/corp-ca.pem`,
        '[global]\n# trusted-host = pypi.org\ncert = /etc/ca.pem',
      ],
    },
  }),
  git: rule('gitconfig-ssl-verify', {
    title: 'sslVerify = false in git config: git stops verifying HTTPS certificates',
    description: 'git accepts any certificate for the remotes this section covers. Set sslCAInfo = <CA bundle> in the same [http] section instead.',
    fix: 'git-ssl-verify',
    concept: 'tool-config-switch',
    client: 'git',
    surface: 'gitconfig',
    caVars: ['GIT_SSL_CAINFO'],
    notes: '`sslVerify` (any case) set to `false`/`no`/`off`/`0` inside an `[http]` or `[http "<url>"]` section. The same key in another section is not a finding.',
    examples: {
      file: '.gitconfig',
      flagged: [`# .gitconfig, .git/config
[http "https://git.corp.example/"]
	«sslVerify = false»`],
      ok: [
        `[http "https://git.corp.example/"]
	sslCAInfo = /etc/ssl/corp-ca.pem`,
        '[http]\n	sslVerify = true\n	# sslVerify = false\n[core]\n	sslVerify = false',
      ],
    },
  }),
  curlrc: rule('curlrc-insecure', {
    title: 'insecure in .curlrc: every curl command skips certificate verification',
    description: 'An `insecure` (or -k) line in .curlrc silently applies --insecure to every curl run by this user. Use `cacert = <CA bundle>` instead.',
    fix: 'curl-insecure',
    concept: 'tool-config-switch',
    client: 'curl',
    surface: 'curlrc',
    caVars: ['CURL_CA_BUNDLE'],
    notes: 'An `insecure`, `--insecure` or `-k` line in `.curlrc` / `_curlrc`, and the same line written by a script (shell, Dockerfile `RUN`, CI `run:`): `echo insecure >> ~/.curlrc`, `printf … | tee -a ~/.curlrc`, or a here-document sent to the file. The same holds for every config file on this list (`.wgetrc`, `.npmrc`, `pip.conf`, `.gitconfig`, `.condarc`, `daemon.json`…).',
    examples: {
      file: '.curlrc',
      flagged: [`# ~/.curlrc
«insecure»`,
        { file: 'bootstrap.sh', code: '#!/bin/sh\necho «insecure» >> ~/.curlrc\necho "«--insecure»" | sudo tee -a /root/.curlrc' },
        { file: 'Dockerfile', code: 'FROM debian:12\nRUN echo «insecure» >> /root/.curlrc \\\n && curl -fsSL https://downloads.corp.example/tool.tgz | tar xz' },
      ],
      ok: [
        'cacert = /etc/ssl/corp-ca.pem',
        '# insecure\ncacert = /etc/ca.pem',
        { file: 'bootstrap.sh', code: 'echo "cacert = /etc/ssl/corp-ca.pem" >> ~/.curlrc\necho insecure >> notes.txt' },
      ],
    },
  }),
  wgetrc: rule('wgetrc-check-certificate', {
    title: 'check_certificate = off in .wgetrc: every wget download skips certificate verification',
    description: 'wget accepts any certificate for every download of this user. Use ca_certificate = <CA bundle> instead.',
    concept: 'tool-config-switch',
    client: 'wget',
    surface: 'wgetrc',
    notes: '`check_certificate` (or `check-certificate`) set to `off`/`no`/`0`/`false`, in `.wgetrc` or written to it by a script (`echo "check_certificate = off" >> ~/.wgetrc`, a double-quoted `echo` spanning lines, a here-document, or `echo "$setting" >> "$wget_rc"` with the setting assigned earlier in the script, where the finding points).',
    examples: {
      file: '.wgetrc',
      flagged: [`# ~/.wgetrc
«check_certificate = off»`,
        { file: 'provision.sh', code: 'cat >> ~/.wgetrc <<\'EOF\'\ntimeout = 30\n«check_certificate = off»\nEOF\nprintf \'«check_certificate=off»\\n\' > /etc/wgetrc' },
        { file: 'proxy.sh', code: 'echo "\n    use_proxy = on\n    «check_certificate = off»\n    " >> ~/.wgetrc' },
        { file: 'setup.sh', code: 'setting="«check_certificate = off»"\necho "$setting" >> "$wget_rc_path"' },
      ],
      ok: [
        'ca_certificate = /etc/ssl/corp-ca.pem',
        '#check_certificate = off\ncheck_certificate = on',
      ],
    },
  }),
  vscode: rule('vscode-proxy-strict-ssl', {
    title: '"http.proxyStrictSSL": false: VS Code stops verifying certificates for extension and proxy traffic',
    description: 'With http.proxyStrictSSL off, VS Code and its extensions accept any certificate presented by the proxy or server. Keep it on and let VS Code use the OS trust store ("http.systemCertificates": true) with your proxy\'s CA installed there.',
    concept: 'tool-config-switch',
    client: 'vscode',
    surface: 'vscode-settings',
    notes: 'The boolean `false` at `http.proxyStrictSSL` in `settings.json` files, in the `settings` of `*.code-workspace`, and in `customizations.vscode.settings` (or the older top-level `settings`) of `devcontainer.json`. Parsed as JSONC, so commented-out lines and strings that mention the setting are not findings; a fragment that is not a whole JSON object (a buffer cut mid-edit, a pasted excerpt) is read line by line.',
    examples: {
      file: '.vscode/settings.json',
      flagged: [`// .vscode/settings.json
{ «"http.proxyStrictSSL": false» }
// .devcontainer/devcontainer.json
{ "customizations": { "vscode": { "settings": { "http.proxyStrictSSL": false } } } }`,
        { file: '.devcontainer/devcontainer.json', code: '"settings": {\n  "http.proxy": "http://squid:3128",\n  «"http.proxyStrictSSL": false» // self-signed proxy\n},' },
      ],
      ok: [
        `// keep proxyStrictSSL on and install the proxy's CA in the OS trust store
{ "http.systemCertificates": true }`,
        '{ "http.proxyStrictSSL": true, "x": "\\"http.proxyStrictSSL\\": false" }',
        { file: '.devcontainer/devcontainer.json', code: '"settings": {\n  // "http.proxyStrictSSL": false,\n  "http.proxyStrictSSL": true\n},' },
      ],
    },
  }),
  kubeconfig: rule('kubeconfig-insecure-skip-tls-verify', {
    title: 'insecure-skip-tls-verify: true in kubeconfig: the API server certificate is not checked',
    description: 'kubectl and every client using this kubeconfig send credentials to whatever answers. Put the cluster CA in certificate-authority (or certificate-authority-data) instead.',
    concept: 'tool-config-switch',
    client: 'kubectl',
    surface: 'yaml',
    notes: '`insecure-skip-tls-verify: true` (or `yes`, `on`, `"true"`) in any YAML file, `kubeconfig*` and `.kube/config`.',
    examples: {
      file: 'kubeconfig',
      flagged: [`clusters:
  - name: dev
    cluster:
      server: https://k8s.corp.example:6443
      «insecure-skip-tls-verify: true»`],
      ok: [
        `    cluster:
      server: https://k8s.corp.example:6443
      certificate-authority: /etc/kubernetes/corp-ca.crt`,
        'clusters:\n- cluster:\n    # insecure-skip-tls-verify: true\n    insecure-skip-tls-verify: false',
      ],
    },
  }),
  skipVerify: rule('insecure-skip-verify', {
    title: 'A YAML/TOML setting turns certificate verification off (insecure_skip_verify, verify_ssl: false, …)',
    description: 'Settings such as Prometheus/Traefik insecure_skip_verify: true or verify_ssl: false make the client accept any certificate. Point the tool\'s ca_file / ca setting at your CA instead.',
    concept: 'tool-config-switch',
    client: 'various',
    surface: 'yaml',
    notes: 'In YAML (also its templates: `values.yaml.j2`, `.yaml.tpl`, `.yml.erb`), TOML and INI (`.ini`, `.cfg`: grafana.ini, ansible.cfg): keys that skip verification when true (`insecure_skip_verify`, `insecureSkipVerify`, `tls_skip_verify`, `skip_tls_verify`, `insecureSkipTLSVerify`, `tls_insecure_skip_verify`, Grafana\'s `tls_skip_verify_insecure`, `ignore_certs`, Spring Cloud Gateway\'s `useInsecureTrustManager`, …) and keys that verify when true (`verify_ssl`, `ssl_verify`, `verify_certs`, `tls_verify`, `sslVerify`, JupyterHub OAuthenticator\'s `validate_server_cert`, …) set to false; Elastic\'s `verification_mode` / `verificationMode` and `openssl_verify_mode` set to `none`. Each may be the last part of a dotted key (`ssl.verification_mode`, `xpack.security.http.ssl.verification_mode`); Java `.properties` files are read too, and so is a `sed` substitution in a script that writes `verification_mode: none` (`sed -i \'s/ssl.verification_mode: full/ssl.verification_mode: none/\' filebeat.yml`). Comments, `${VAR}` values and strings that mention the key are not findings.',
    examples: {
      file: 'prometheus.yml',
      flagged: [`# Prometheus
tls_config:
  «insecure_skip_verify: true»
# Traefik
serversTransport:
  «insecureSkipVerify: true»
# Home Assistant and friends
«verify_ssl: false»`,
        { file: 'grafana.ini', code: '[auth.generic_oauth]\nenabled = true\n«tls_skip_verify_insecure = true»' },
        { file: 'ansible.cfg', code: '[galaxy]\n«ignore_certs = True»' },
        { file: 'filebeat.yml', code: 'output.elasticsearch:\n  hosts: ["https://es.lan:9200"]\n  «ssl.verification_mode: none»' },
        { file: 'application.properties', code: '«spring.cloud.gateway.httpclient.ssl.useInsecureTrustManager=true»' },
      ],
      ok: [
        `tls_config:
  ca_file: /etc/ssl/corp-ca.pem`,
        'tls_config:\n  insecure_skip_verify: false\n  # insecure_skip_verify: true\n  verify_ssl: true',
        { file: 'grafana.ini', code: '[auth.generic_oauth]\n;tls_skip_verify_insecure = true\ntls_skip_verify_insecure = false\ntls_client_ca = /etc/grafana/corp-ca.pem' },
        { file: 'elasticsearch.yml', code: 'xpack.security.http.ssl.verification_mode: certificate\nxpack.security.transport.ssl.verification_mode: full\n# ssl.verification_mode: none' },
      ],
    },
  }),
  ansible: rule('ansible-validate-certs', {
    title: 'validate_certs: false in Ansible: the task accepts any certificate',
    description: 'Ansible modules with validate_certs disabled download or call APIs without certificate checks. Keep it on and pass ca_path (or install the CA on the control node) instead.',
    concept: 'tool-config-switch',
    client: 'ansible',
    surface: 'yaml',
    notes: '`validate_certs` and `*_validate_certs` (e.g. `ansible_httpapi_validate_certs`) set to `false`/`no`/`off`/`0`/`n` as YAML keys or as `key=value` module arguments.',
    examples: {
      file: 'playbook.yml',
      flagged: [`- name: download
  ansible.builtin.get_url:
    url: https://downloads.corp.example/tool
    dest: /tmp/tool
    «validate_certs: false»
- uri: url=https://api.corp.example «validate_certs=no»`],
      ok: [
        `    validate_certs: true
    ca_path: /etc/ssl/corp-ca.pem`,
        '- get_url:\n    validate_certs: true\n# validate_certs: no',
      ],
    },
  }),
  terraform: rule('terraform-insecure', {
    title: 'Terraform/HCL setting turns certificate verification off (insecure, skip_tls_verify, allow_unverified_ssl)',
    description: 'Providers configured with insecure = true (kubernetes, helm, vault, vsphere…) talk to the API without checking its certificate, credentials included. Set the provider\'s CA option (cluster_ca_certificate, ca_cert_file, …) instead.',
    concept: 'tool-config-switch',
    client: 'terraform',
    surface: 'hcl',
    notes: '`insecure`, `skip_tls_verify`, `allow_unverified_ssl`, `insecure_skip_verify`, `tls_skip_verify`, `tls_insecure_skip_verify`, `skip_ssl_validation`, `insecure_skip_tls_verify` (Packer) and their provider-prefixed forms (`pm_tls_insecure`, `fmc_insecure_skip_verify`) set to `true` in `.tf`, `.tfvars` and `.hcl` files. `#`, `//` and `/* */` comments and variable values are not findings.',
    examples: {
      file: 'main.tf',
      flagged: [`provider "kubernetes" {
  host     = "https://k8s.corp.example:6443"
  «insecure = true»
}
provider "vsphere" {
  «allow_unverified_ssl = true»
}
provider "proxmox" {
  pm_api_url      = "https://pve.lan:8006/api2/json"
  «pm_tls_insecure = true»
}`],
      ok: [
        `provider "kubernetes" {
  host                   = "https://k8s.corp.example:6443"
  cluster_ca_certificate = file("corp-ca.pem")
}`,
        '# insecure = true\n// skip_tls_verify = true\n/* allow_unverified_ssl = true */\nprovider "k" {\n  insecure = false\n  skip_tls_verify = var.skip\n}',
      ],
    },
  }),
  condarc: rule('condarc-ssl-verify', {
    title: 'ssl_verify: false in .condarc: conda stops verifying certificates',
    description: 'conda downloads packages without certificate checks. Set ssl_verify to the path of a CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'conda',
    surface: 'condarc',
    notes: '`ssl_verify` set to `false`/`no`/`0` in `.condarc`.',
    examples: {
      file: '.condarc',
      flagged: [`# .condarc
«ssl_verify: false»`],
      ok: [
        'ssl_verify: /etc/ssl/corp-ca-bundle.pem',
        'ssl_verify: /etc/ssl/corp-ca.pem',
      ],
    },
  }),
  dockerInsecureRegistries: rule('docker-insecure-registries', {
    title: 'Docker insecure-registries: the daemon pulls and pushes without verifying these registries',
    description: 'Registries listed in insecure-registries (or passed with dockerd --insecure-registry) are reached over unverified HTTPS or plain HTTP, so images can be swapped. Put the registry CA in /etc/docker/certs.d/<registry>/ca.crt instead.',
    concept: 'trusted-host-exception',
    client: 'docker',
    surface: 'json',
    notes: 'A non-empty `insecure-registries` array in `daemon.json`, and `dockerd --insecure-registry <host>` on a command line. In a shell script, a non-empty `"insecure-registries": [` line is a finding whatever file it is written to (a here-document or `echo` lines into `$target`). An empty array is not a finding.',
    examples: {
      file: '/etc/docker/daemon.json',
      flagged: [
        `{
  "log-driver": "json-file",
  «"insecure-registries": ["registry.corp.example:5000", "10.0.0.5:5000"]»
}`,
        { file: 'start.sh', code: 'dockerd «--insecure-registry registry.corp.example:5000»' },
        {
          file: 'provision.sh',
          code: `echo '{' > "$target"\necho '  «"insecure-registries"»: [' >> "$target"\necho '    "registry.lan:5000"' >> "$target"\necho '  ]}' >> "$target"`,
        },
      ],
      ok: [
        { file: 'setup.sh', code: '# trust the registry CA instead:\nmkdir -p /etc/docker/certs.d/registry.corp.example:5000\ncp corp-ca.pem /etc/docker/certs.d/registry.corp.example:5000/ca.crt' },
        '{ "insecure-registries": [] }',
      ],
    },
  }),
  composer: rule('composer-disable-tls', {
    title: 'composer.json disable-tls / secure-http false: Composer fetches packages without TLS or over plain HTTP',
    description: 'With "disable-tls": true Composer downloads without TLS, and "secure-http": false allows http:// repositories: packages can be swapped in transit. Set "cafile" to your CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'composer',
    surface: 'json',
    notes: '`"disable-tls": true` and `"secure-http": false` in the `config` object of `composer.json` (and of Composer\'s global `config.json`). The same settings written with `composer config` are [`shell.composer-disable-tls`](shell.composer-disable-tls.md).',
    examples: {
      file: 'composer.json',
      flagged: [`{
  "require": { "monolog/monolog": "^3.0" },
  "config": {
    «"disable-tls": true»,
    «"secure-http": false»
  }
}`],
      ok: [
        '{ "config": { "cafile": "/etc/ssl/corp-ca.pem" } }',
        '{ "config": { "disable-tls": false, "secure-http": true }, "extra": { "disable-tls": true } }',
      ],
    },
  }),
  poetry: rule('poetry-certificates-cert-false', {
    title: 'poetry.toml certificates.<source>.cert = false: Poetry stops verifying that repository',
    description: 'Poetry downloads packages for this source without certificate checks. Set cert to the path of your CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'poetry',
    surface: 'toml',
    caVars: ['REQUESTS_CA_BUNDLE'],
    notes: '`cert = false` in a `[certificates.<source>]` table of `poetry.toml` or Poetry\'s `config.toml` (also the dotted `certificates.<source>.cert = false` key).',
    examples: {
      file: 'poetry.toml',
      flagged: [`[virtualenvs]
in-project = true

[certificates.corp]
«cert = false»`],
      ok: [
        '[certificates.corp]\ncert = "/etc/ssl/corp-ca.pem"',
        '[tool.other]\ncert = false',
      ],
    },
  }),
  kubelet: rule('kubelet-insecure-tls', {
    title: '--kubelet-insecure-tls in a manifest: metrics-server does not verify the kubelets\' certificates',
    description: 'metrics-server scrapes every node without checking its serving certificate. Issue kubelet serving certificates from the cluster CA (serverTLSBootstrap) and pass --kubelet-certificate-authority instead.',
    concept: 'verification-off',
    client: 'kubernetes',
    surface: 'yaml',
    notes: 'The flag as a list item (block or flow style, e.g. of `args:`, `command:`, `extraArgs:`, `defaultArgs:`) in any YAML file: Kubernetes manifests, Helm values (`args: [--kubelet-insecure-tls]`), kustomize patches; and inside any string of a Terraform/HCL file (`helm_release` `set { value = "--kubelet-insecure-tls" }`, `"{--kubelet-insecure-tls,…}"`, a `kubernetes_manifest` `args` list). The flag on a command line is [`shell.kubelet-insecure-tls`](shell.kubelet-insecure-tls.md).',
    examples: {
      file: 'metrics-server.yaml',
      flagged: [
        `spec:
  containers:
    - name: metrics-server
      image: registry.k8s.io/metrics-server/metrics-server:v0.7.1
      args:
        - --cert-dir=/tmp
        - «--kubelet-insecure-tls»
        - --secure-port=10250`,
        { file: 'values.yaml', code: 'args: [«"--kubelet-insecure-tls"»]\ndefaultArgs:\n  - «--kubelet-insecure-tls=true»' },
        {
          file: 'metrics.tf',
          code: `resource "helm_release" "metrics_server" {
  chart = "metrics-server"
  set {
    name  = "args"
    value = "{«--kubelet-insecure-tls»,--kubelet-preferred-address-types=InternalIP}"
  }
}`,
        },
      ],
      ok: [
        'args:\n  - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
        'args:\n  # - --kubelet-insecure-tls\n  - --secure-port=10250\ndescription: "add --kubelet-insecure-tls on kind"',
        { file: 'metrics.tf', code: '# set { value = "--kubelet-insecure-tls" }\nvariable "kubelet_insecure_tls" {\n  type    = bool\n  default = false\n}' },
      ],
    },
  }),
  registriesInsecure: rule('containers-registry-insecure', {
    title: 'insecure = true in registries.conf: podman, buildah and skopeo skip the registry\'s certificate check',
    description: 'A registry marked insecure is reached over unverified TLS or plain HTTP by every containers tool (podman, buildah, skopeo, CRI-O), so images and credentials can be swapped or read in transit. Put the registry CA in /etc/containers/certs.d/<registry>/ca.crt instead.',
    concept: 'tool-config-switch',
    client: 'docker',
    surface: 'toml',
    notes: '`insecure = true` in `registries.conf` and `registries.conf.d/*.conf` (system and `~/.config/containers/`), and the v1 format\'s non-empty `registries = [...]` under `[registries.insecure]`; also when a script writes such a file (`printf`, `echo`, here-documents). Comments and `insecure = false` are not findings.',
    examples: {
      file: 'registries.conf',
      flagged: [
        `[[registry]]
location = "registry.lan:5000"
«insecure = true»

[registries.insecure]
«registries = ["10.0.2.2:5000"]»`,
      ],
      ok: [
        '[[registry]]\nlocation = "registry.corp.example"\ninsecure = false\n# insecure = true\n\n[registries.insecure]\nregistries = []',
      ],
    },
  }),
  dnfSslverify: rule('dnf-sslverify-off', {
    title: 'sslverify=0 in a yum/dnf repository: packages are downloaded without certificate checks',
    description: 'yum and dnf accept any certificate from this repository (or, in yum.conf/dnf.conf [main], from every repository), so metadata and packages can be swapped in transit; with gpgcheck=0 beside it nothing else checks them. Set sslcacert=<CA bundle> in the same section instead.',
    concept: 'tool-config-switch',
    client: 'dnf',
    surface: 'repo-file',
    notes: '`sslverify` (and dnf\'s `proxy_sslverify`) set to `0`/`false`/`no`/`off` in `*.repo` files (`/etc/yum.repos.d/`, `/etc/zypp/repos.d/`), `yum.conf` and `dnf.conf`; also when a script writes such a file (`echo "sslverify=0" >> /etc/yum.repos.d/x.repo`, a here-document), and in a here-document that is a repository definition (a `[section]` with `baseurl=`, `mirrorlist=` or `metalink=`) whatever file it is sent to. `#`/`;` comments are not findings. The same switch on a command line is [`shell.dnf-sslverify-off`](shell.dnf-sslverify-off.md).',
    examples: {
      file: '/etc/yum.repos.d/corp.repo',
      flagged: [
        `[corp-el9]
name=Corp packages for EL9
baseurl=https://mirror.corp.example/el9/$basearch/
enabled=1
gpgcheck=1
«sslverify=0»`,
        { file: '/etc/dnf/dnf.conf', code: '[main]\ngpgcheck=1\n«sslverify=False»\n«proxy_sslverify=no»' },
        {
          file: 'install-agent.sh',
          code: `cat > "$repo_file" <<EOF
[agent-\${VERSION}]
name=Agent \${VERSION} (local mirror)
baseurl=\${repo_url}
gpgcheck=0
«sslverify=0»
EOF
echo "«sslverify=false»" >> /etc/yum.repos.d/extra.repo`,
        },
      ],
      ok: [
        '[corp-el9]\nbaseurl=https://mirror.corp.example/el9/$basearch/\nsslverify=1\nsslcacert=/etc/pki/tls/certs/corp-ca.pem\n# sslverify=0',
        { file: 'setup.sh', code: 'cat > app.ini <<EOF\n[server]\nsslverify=0\nEOF' },
      ],
    },
  }),
  zypperSslVerify: rule('zypper-ssl-verify-no', {
    title: 'ssl_verify=no in a zypper repository URL: packages are downloaded without certificate checks',
    description: 'zypper accepts any certificate for a repository whose URL carries ?ssl_verify=no, so packages can be swapped in transit. Install the repository CA into the system trust store (/etc/pki/trust/anchors/, then update-ca-certificates) instead.',
    concept: 'tool-config-switch',
    client: 'zypper',
    surface: 'repo-file',
    notes: 'A `baseurl=` (or `mirrorlist=`) whose query sets `ssl_verify=no` (or `=0`/`=false`/`=off`) in a `*.repo` file. The same URL given to `zypper addrepo`/`ar` is [`shell.zypper-ssl-verify-no`](shell.zypper-ssl-verify-no.md).',
    examples: {
      file: '/etc/zypp/repos.d/corp.repo',
      flagged: ['[corp]\nname=Corp\nenabled=1\n«baseurl=https://mirror.corp.example/sle15/?ssl_verify=no»'],
      ok: ['[corp]\nbaseurl=https://mirror.corp.example/sle15/?ssl_capath=/etc/pki/trust/anchors\n# baseurl=https://x/?ssl_verify=no'],
    },
  }),
  aptVerifyPeer: rule('apt-verify-peer-off', {
    title: 'Acquire::https::Verify-Peer "false" in APT configuration: apt downloads without certificate checks',
    description: 'APT accepts any certificate (Verify-Peer) or any host name (Verify-Host) from HTTPS mirrors, for every source or for the host named in the key. Set Acquire::https::CaInfo "<CA bundle>" (or install the CA with update-ca-certificates) instead.',
    concept: 'tool-config-switch',
    client: 'apt',
    surface: 'apt-conf',
    notes: '`Verify-Peer` and `Verify-Host` set to `"false"` (also `no`/`0`/`off`, any case) in `/etc/apt/apt.conf` and `apt.conf.d/*`, written flat (`Acquire::https::Verify-Peer "false";`, `Acquire::https::mirror.lan::Verify-Peer …`) or nested in `Acquire { https { … } }` blocks; also when a script writes such a file (`echo \'Acquire::https::Verify-Peer "false";\' > /etc/apt/apt.conf.d/99insecure`). `//` and `#` comments are not findings. The same option given with `apt-get -o` is [`shell.apt-verify-peer-off`](shell.apt-verify-peer-off.md).',
    examples: {
      file: '/etc/apt/apt.conf.d/99corp-mirror',
      flagged: [
        `«Acquire::https::Verify-Peer "false"»;
«Acquire::https::mirror.corp.example::Verify-Host "false"»;
Acquire::https {
  «Verify-Peer "false"»;
};`,
        {
          file: 'Dockerfile',
          code: `FROM ubuntu:24.04
RUN echo '«Acquire::https::Verify-Peer "false"»;' > /etc/apt/apt.conf.d/99insecure && apt-get update`,
        },
      ],
      ok: [
        'Acquire::https::CaInfo "/etc/ssl/certs/corp-ca.pem";\n// Acquire::https::Verify-Peer "false";\nAcquire::https::Verify-Peer "true";',
      ],
    },
  }),
  gradleInsecureProtocol: rule('gradle-allow-insecure-protocol', {
    title: 'allowInsecureProtocol = true in a Gradle build: dependencies are fetched over plain HTTP',
    description: 'Gradle refuses http:// repositories unless allowInsecureProtocol is set; with it, dependencies and plugins come over an unauthenticated connection and can be swapped in transit. Serve the repository over HTTPS (with your CA in the JVM truststore: -Djavax.net.ssl.trustStore=<file> in gradle.properties\' org.gradle.jvmargs) instead.',
    concept: 'trusted-host-exception',
    client: 'gradle',
    surface: 'gradle',
    notes: '`allowInsecureProtocol = true` / `allowInsecureProtocol true` / `setAllowInsecureProtocol(true)` (Groovy) and `isAllowInsecureProtocol = true` / `allowInsecureProtocol.set(true)` (Kotlin DSL) in `*.gradle` and `*.gradle.kts` files (build, settings and init scripts). `//` and `/* */` comments are not findings.',
    examples: {
      file: 'build.gradle',
      flagged: [
        `repositories {
    maven {
        url "http://nexus.corp.example/repository/maven-public/"
        «allowInsecureProtocol = true»
    }
}`,
        { file: 'settings.gradle.kts', code: `pluginManagement {
    repositories {
        maven(url = privateRepoUrl) {
            «isAllowInsecureProtocol = true»
        }
    }
}` },
      ],
      ok: [
        'repositories {\n    maven {\n        url "https://nexus.corp.example/repository/maven-public/"\n        //allowInsecureProtocol = true\n        allowInsecureProtocol = false\n    }\n}',
      ],
    },
  }),
  kafkaEndpointIdentification: rule('kafka-endpoint-identification-off', {
    title: 'ssl.endpoint.identification.algorithm empty: Kafka clients do not check the broker\'s host name',
    description: 'An empty ssl.endpoint.identification.algorithm (librdkafka: none) turns off the host name check of Kafka clients, brokers and Connect workers, so any certificate the CA issued, for any host, is accepted. Keep the default (https) and issue broker certificates for the names clients connect to (a SAN per listener).',
    concept: 'hostname-check-off',
    client: 'kafka',
    surface: 'properties',
    notes: 'The empty value (or `none`, librdkafka\'s) in `.properties` files (`ssl.endpoint.identification.algorithm=`, any prefix such as `producer.` or `spring.kafka.properties.`), in YAML (`ssl.endpoint.identification.algorithm: ""`), as a JVM or CLI property (`-Dssl.endpoint.identification.algorithm=`, `--producer-property ssl.endpoint.identification.algorithm=`), as the container variables of Confluent/Bitnami images and kafka-ui (`KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: \'\'`, `KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=`). Java/Kotlin client code that sets it (`props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "")`) is the jvm family\'s `kafka-endpoint-identification-off`. `https` is not a finding, nor a YAML key with no value (a parent of a nested map).',
    examples: {
      file: 'client.properties',
      flagged: [
        'security.protocol=SSL\nssl.truststore.location=/etc/kafka/truststore.jks\n«ssl.endpoint.identification.algorithm=»',
        { file: 'application.yml', code: 'spring:\n  kafka:\n    properties:\n      «ssl.endpoint.identification.algorithm: ""»' },
        { file: 'docker-compose.yml', code: 'services:\n  kafka:\n    environment:\n      KAFKA_SSL_KEYSTORE_FILENAME: kafka.keystore.jks\n      «KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: \'\'»' },
        { file: 'run.sh', code: 'export KAFKA_OPTS="-Dssl.truststore.location=$DIR/truststore.p12 -D«ssl.endpoint.identification.algorithm=»"' },
      ],
      ok: [
        'ssl.endpoint.identification.algorithm=https',
        '# ssl.endpoint.identification.algorithm=',
        { file: 'application.yml', code: 'ssl.endpoint.identification.algorithm: https\nssl:\n  endpoint.identification.algorithm:\n    name: https' },
      ],
    },
  }),
  kubeSkipArg: rule('insecure-skip-tls-verify-arg', {
    title: '--insecure-skip-tls-verify as a manifest or CI argument: the API server certificate is not checked',
    description: 'A container, job or CI step that runs kubectl, helm, argocd or oc with --insecure-skip-tls-verify talks to whatever answers, credentials included. Mount the cluster CA and pass --certificate-authority=<CA file> instead.',
    concept: 'verification-off',
    client: 'kubectl',
    surface: 'yaml',
    notes: 'The flag (`--insecure-skip-tls-verify`, `=true`) as a list item of any YAML file (a container\'s `args:`/`command:`, a Helm value, a CI step\'s argument list; block or flow style), and inside a Terraform/HCL string or here-document (a `local-exec` `command = <<EOT … EOT`). `=false` and comments are not findings; on a command line it is [`shell.kube-insecure-skip-tls-verify`](shell.kube-insecure-skip-tls-verify.md).',
    examples: {
      file: 'job.yaml',
      flagged: [
        'containers:\n  - name: deploy\n    image: bitnami/kubectl\n    args:\n      - apply\n      - -f\n      - /manifests\n      - «--insecure-skip-tls-verify»',
        { file: 'values.yaml', code: 'extraArgs: [«"--insecure-skip-tls-verify=true"», "--wait"]' },
        { file: 'main.tf', code: 'provisioner "local-exec" {\n  command = <<EOC\n    kubectl get svc web \\\n      --server="${module.eks.cluster_endpoint}" \\\n      «--insecure-skip-tls-verify=true» \\\n      -o jsonpath=\'{.status.loadBalancer.ingress[0].hostname}\'\n  EOC\n}' },
      ],
      ok: [
        'args:\n  - --insecure-skip-tls-verify=false\n  # - --insecure-skip-tls-verify\n  - --certificate-authority=/var/run/secrets/ca.crt',
        { file: 'main.tf', code: '# command = "kubectl --insecure-skip-tls-verify get po"\nvariable "insecure_skip_tls_verify" { default = false }' },
      ],
    },
  }),
  gemrc: rule('rubygems-ssl-verify-mode-off', {
    title: ':ssl_verify_mode: 0 in .gemrc / BUNDLE_SSL_VERIFY_MODE in .bundle/config: gems are fetched without certificate checks',
    description: 'RubyGems and Bundler accept any certificate from the gem source with verify mode 0 (OpenSSL VERIFY_NONE), so gems can be swapped in transit. Set :ssl_ca_cert: (BUNDLE_SSL_CA_CERT) to a CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'rubygems',
    surface: 'gemrc',
    notes: '`:ssl_verify_mode: 0` in `.gemrc` / `gemrc` (user and system), and `BUNDLE_SSL_VERIFY_MODE: "0"` (or `0`) in `.bundle/config` (project or `~/.bundle/config`); also when a script writes such a file. Other modes (1 = VERIFY_PEER) are not findings. The variable in the environment is [`env.tool-verify-off`](env.tool-verify-off.md); `bundle config set ssl_verify_mode 0` is [`shell.tool-insecure-flag`](shell.tool-insecure-flag.md).',
    examples: {
      file: '.gemrc',
      flagged: [
        '---\n:sources:\n- https://gems.corp.example/\n«:ssl_verify_mode: 0»',
        { file: '.bundle/config', code: '---\nBUNDLE_PATH: "vendor/bundle"\n«BUNDLE_SSL_VERIFY_MODE: "0"»' },
      ],
      ok: [
        ':ssl_verify_mode: 1\n:ssl_ca_cert: /etc/ssl/corp-ca.pem\n# :ssl_verify_mode: 0',
        { file: '.bundle/config', code: '---\nBUNDLE_SSL_CA_CERT: "/etc/ssl/corp-ca.pem"\nBUNDLE_SSL_VERIFY_MODE: "1"' },
      ],
    },
  }),
  jsonStrictSsl: rule('json-strict-ssl', {
    surface: 'json',
    title: '"strict-ssl": false in a JSON config: package downloads skip certificate verification',
    description:
      'npm, yarn 1, bower and apm read a "strict-ssl" key; set to false, they accept any registry certificate, so packages can be swapped in transit. Remove it and point the tool at the CA bundle instead ("ca"/"cafile" for bower and npm, NODE_EXTRA_CA_CERTS for the Node-based tools).',
    concept: 'tool-config-switch',
    client: 'npm',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes:
      'A quoted `"strict-ssl"` key set to `false` (or `"false"`) in a JSON file (`.bowerrc`, an `.npmrc`/`.yarnrc` written as JSON, `package.json`, any `*.json`/`*.jsonc`) and in an object literal of JavaScript/TypeScript code; in code, an object bound to a name is found where it reaches a call (the sink rule). `true`, a comment line, a string that only contains the text and a TypeScript type are not findings.',
    examples: {
      file: '.bowerrc',
      flagged: [
        '{\n  "directory": "bower_components",\n  "registry": "https://bower.corp.example",\n  «"strict-ssl": false»\n}',
        {
          file: 'package.json',
          code: '{\n  "name": "app",\n  "publishConfig": {\n    "registry": "https://npm.corp.example/",\n    «"strict-ssl": false»\n  }\n}',
        },
        {
          file: 'config.dev.js',
          code: '// npm client settings\nexports.npm = {\n  loglevel: "warn",\n  «"strict-ssl": false»,\n};',
        },
      ],
      ok: [
        '{ "registry": "https://bower.corp.example", "strict-ssl": true, "ca": "/etc/ssl/corp-ca.pem" }',
        { file: 'check.test.js', code: 'expect(rc).not.toContain(\'"strict-ssl": false\');' },
        { file: 'types.ts', code: 'interface NpmConfig {\n  "strict-ssl": false | true;\n}' },
      ],
    },
  }),
} as const;
