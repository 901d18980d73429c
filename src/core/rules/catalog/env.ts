// The env rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../env.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('env', { surface: 'env', file: 'build.sh' });

/** The environment-variable rules, by short name. */
export const ENV = {
  nodeTls: rule('node-tls-reject-unauthorized', {
    title: 'NODE_TLS_REJECT_UNAUTHORIZED=0: Node.js stops verifying certificates for every connection',
    description: 'With NODE_TLS_REJECT_UNAUTHORIZED=0 every TLS connection of the Node process (fetch, https, database drivers) accepts any certificate. Set NODE_EXTRA_CA_CERTS to a PEM file with your private CA instead.',
    fix: 'node-env-var',
    severity: 'error',
    concept: 'process-env-switch',
    client: 'node',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: 'The value `0` (quoted or not), which is the only value that makes Node stop verifying. Also set as a variable of a deployed app or container (`railway variables set`, `heroku`/`dokku config:set`, `fly secrets set`, `kubectl set env`, `docker run -e`/`--env`, `gh variable set … --body`, `az … appsettings set --settings`), which holds for every env rule. JavaScript code setting `process.env.NODE_TLS_REJECT_UNAUTHORIZED` is [`javascript.node-tls-reject-unauthorized`](javascript.node-tls-reject-unauthorized.md).',
    examples: {
      flagged: [
        `# .env, Dockerfile ENV, CI env:, launch.json "env", package.json scripts, shell:
«NODE_TLS_REJECT_UNAUTHORIZED=0»
export «NODE_TLS_REJECT_UNAUTHORIZED=0»`,
        { file: 'package.json', code: '{\n  "scripts": { "test": "cross-env «NODE_TLS_REJECT_UNAUTHORIZED=0» mocha" }\n}' },
        { file: '.env', code: '«NODE_TLS_REJECT_UNAUTHORIZED=0»' },
        { file: 'Dockerfile', code: 'FROM node\nENV «NODE_TLS_REJECT_UNAUTHORIZED=0»' },
        {
          file: 'deploy.sh',
          code: `railway variables set «NODE_TLS_REJECT_UNAUTHORIZED="0"»
heroku config:set «NODE_TLS_REJECT_UNAUTHORIZED=0» -a api
kubectl set env deployment/api «NODE_TLS_REJECT_UNAUTHORIZED=0»
docker run -e «NODE_TLS_REJECT_UNAUTHORIZED=0» node:20 npm start
gh variable set «NODE_TLS_REJECT_UNAUTHORIZED --body 0»`,
        },
      ],
      ok: [
        'NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem',
        { file: '.env', code: '#NODE_TLS_REJECT_UNAUTHORIZED=0\nNODE_TLS_REJECT_UNAUTHORIZED=1\nNOTE="set NODE_TLS_REJECT_UNAUTHORIZED=0 to break things"' },
        'NODE_TLS_REJECT_UNAUTHORIZED=${REJECT} node app.js',
        'cat <<EOF\ncurl -k https://x\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nEOF',
        'echo \'NODE_TLS_REJECT_UNAUTHORIZED=0\'',
        'railway variables set NODE_TLS_REJECT_UNAUTHORIZED="1"\nheroku config:set NODE_ENV=production',
      ],
    },
  }),
  pythonHttpsVerify: rule('pythonhttpsverify-off', {
    title: 'PYTHONHTTPSVERIFY=0: Python\'s standard library stops verifying certificates',
    description: 'On Python builds that honour it (RHEL/CentOS and derivatives), PYTHONHTTPSVERIFY=0 turns off verification for urllib and http.client. Set SSL_CERT_FILE to a CA bundle instead.',
    fix: 'env-ca-bundle',
    concept: 'process-env-switch',
    client: 'python-ssl',
    caVars: ['SSL_CERT_FILE'],
    notes: 'The value `0`. Python code setting it through `os.environ` is [`python.pythonhttpsverify-off`](python.pythonhttpsverify-off.md).',
    examples: {
      flagged: ['«PYTHONHTTPSVERIFY=0»'],
      ok: [
        `SSL_CERT_FILE=/etc/ssl/corp-ca-bundle.pem
REQUESTS_CA_BUNDLE=/etc/ssl/corp-ca-bundle.pem`,
        'export PYTHONHTTPSVERIFY=1',
      ],
    },
  }),
  gitNoVerify: rule('git-ssl-no-verify', {
    title: 'GIT_SSL_NO_VERIFY is set: git stops verifying HTTPS certificates',
    description: 'git disables certificate checks when GIT_SSL_NO_VERIFY is set to any value (even 0 or false). Set GIT_SSL_CAINFO to a CA bundle instead.',
    fix: 'env-ca-bundle',
    concept: 'process-env-switch',
    client: 'git',
    caVars: ['GIT_SSL_CAINFO'],
    notes: 'Any literal value, including `0`, `false` and the empty string, because git disables verification whenever the variable exists. Also in Python code that sets it for git subprocesses (`os.environ["GIT_SSL_NO_VERIFY"] = "1"`, `env={"GIT_SSL_NO_VERIFY": "true"}`), in JavaScript/TypeScript and Go code (`process.env.GIT_SSL_NO_VERIFY = "1"`, `env: { GIT_SSL_NO_VERIFY: "1" }`, `os.Setenv("GIT_SSL_NO_VERIFY", "1")`, `"GIT_SSL_NO_VERIFY=1"` in a command\'s environment), and as a whole line of a CI or container file a program writes from a template string (`  GIT_SSL_NO_VERIFY: "true"` under a GitLab CI `variables:`). A message that mentions it, a read (`os.Getenv`) or a TypeScript type is not a finding.',
    examples: {
      flagged: [`«GIT_SSL_NO_VERIFY=1»
«GIT_SSL_NO_VERIFY=false»   # still disables verification: git only checks that it is set`,
        { file: 'mirror.py', code: 'subprocess.run(["git", "clone", url], env={**os.environ, «"GIT_SSL_NO_VERIFY": "1"»}, check=True)\n«os.environ["GIT_SSL_NO_VERIFY"] = "true"»' },
        { file: 'mirror.go', code: 'cmd := exec.Command("git", "clone", url)\ncmd.Env = append(os.Environ(), "«GIT_SSL_NO_VERIFY=1»")' }],
      ok: ['GIT_SSL_CAINFO=/etc/ssl/corp-ca.pem', { file: 'mirror.py', code: 'os.environ.pop("GIT_SSL_NO_VERIFY", None)\nos.environ["GIT_SSL_CAINFO"] = "/etc/ssl/corp-ca.pem"' },
        { file: 'mirror.go', code: 'if os.Getenv("GIT_SSL_NO_VERIFY") != "" {\n\tlog.Printf("GIT_SSL_NO_VERIFY=%s is ignored", v)\n}' }],
    },
  }),
  emptyCaBundle: rule('empty-ca-bundle', {
    title: 'CURL_CA_BUNDLE / REQUESTS_CA_BUNDLE set to an empty string disables verification in Python requests',
    description: 'Older requests releases read an empty CURL_CA_BUNDLE or REQUESTS_CA_BUNDLE as "verify nothing" (the well-known workaround behind many notebooks). Point REQUESTS_CA_BUNDLE at a CA bundle instead.',
    fix: 'env-ca-bundle',
    concept: 'process-env-switch',
    client: 'python-requests',
    caVars: ['REQUESTS_CA_BUNDLE'],
    notes: 'An empty `CURL_CA_BUNDLE` or `REQUESTS_CA_BUNDLE`. Python code doing the same is [`python.curl-ca-bundle-empty`](python.curl-ca-bundle-empty.md).',
    examples: {
      flagged: [`«CURL_CA_BUNDLE=""»
«REQUESTS_CA_BUNDLE=»`],
      ok: [
        'REQUESTS_CA_BUNDLE=/etc/ssl/corp-ca-bundle.pem',
        'export CURL_CA_BUNDLE=/etc/ssl/ca.pem',
      ],
    },
  }),
  npmStrictSsl: rule('npm-strict-ssl', {
    title: 'NPM_CONFIG_STRICT_SSL=false: npm/yarn stop verifying the registry certificate',
    description: 'npm (and yarn) read npm_config_strict_ssl / YARN_ENABLE_STRICT_SSL from the environment; false makes package downloads accept any certificate. Set NPM_CONFIG_CAFILE to a CA bundle instead.',
    fix: 'npm-strict-ssl',
    concept: 'process-env-switch',
    client: 'npm',
    caVars: ['NPM_CONFIG_CAFILE'],
    notes: '`npm_config_strict_ssl` (any case), `YARN_STRICT_SSL` and `YARN_ENABLE_STRICT_SSL` set to `false`/`0`/`no`/`off`.',
    examples: {
      flagged: [`«NPM_CONFIG_STRICT_SSL=false»
«YARN_ENABLE_STRICT_SSL=false»`],
      ok: [`NPM_CONFIG_CAFILE=/etc/ssl/corp-ca.pem
YARN_HTTPS_CA_FILE_PATH=/etc/ssl/corp-ca.pem`],
    },
  }),
  pipTrustedHost: rule('pip-trusted-host', {
    title: 'PIP_TRUSTED_HOST: pip skips certificate checks for these hosts',
    description: 'pip neither verifies the certificate of a trusted host nor requires HTTPS for it, so packages can be swapped in transit. Set PIP_CERT to a CA bundle instead.',
    fix: 'pip-trusted-host',
    concept: 'process-env-switch',
    client: 'pip',
    caVars: ['PIP_CERT'],
    notes: 'Any non-empty value.',
    examples: {
      flagged: ['«PIP_TRUSTED_HOST=pypi.corp.example»'],
      ok: ['PIP_CERT=/etc/ssl/corp-ca.pem'],
    },
  }),
  goInsecure: rule('goinsecure', {
    title: 'GOINSECURE: the go command fetches these modules without verifying certificates',
    description: 'Modules matching GOINSECURE are fetched over HTTP or unverified HTTPS. Add your private CA to the system trust store (or SSL_CERT_FILE) instead.',
    concept: 'process-env-switch',
    client: 'go-command',
    caVars: ['SSL_CERT_FILE'],
    notes: 'Any non-empty value.',
    examples: {
      flagged: ['«GOINSECURE=*.corp.example»'],
      ok: [`# trust the CA system-wide, or for the go command only:
SSL_CERT_FILE=/etc/ssl/corp-ca-bundle.pem`],
    },
  }),
  gcloud: rule('gcloud-disable-ssl-validation', {
    title: 'CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION: gcloud stops verifying certificates',
    description: 'The Cloud SDK reads every property from CLOUDSDK_<SECTION>_<PROPERTY>; this one makes gcloud accept any certificate, credentials included. Set CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE to your CA bundle instead.',
    fix: 'env-ca-bundle',
    concept: 'process-env-switch',
    client: 'gcloud',
    caVars: ['CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE'],
    notes: 'The values `true`, `1`, `yes` and `on` (any case).',
    examples: {
      flagged: ['export «CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION=True»'],
      ok: ['export CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE=/etc/ssl/corp-ca.pem', 'CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION=false'],
    },
  }),
  poetry: rule('poetry-certificates-cert-false', {
    title: 'POETRY_CERTIFICATES_<SOURCE>_CERT=false: Poetry stops verifying that repository',
    description: 'Poetry reads certificates.<source>.cert from this variable; false turns certificate checks off for the source. Set it to the path of your CA bundle instead.',
    concept: 'process-env-switch',
    client: 'poetry',
    caVars: ['REQUESTS_CA_BUNDLE'],
    notes: '`POETRY_CERTIFICATES_<SOURCE>_CERT` set to `false`/`0`/`no`/`off`.',
    examples: {
      flagged: ['«POETRY_CERTIFICATES_CORP_CERT=false» poetry install'],
      ok: ['POETRY_CERTIFICATES_CORP_CERT=/etc/ssl/corp-ca.pem poetry install'],
    },
  }),
  toolVerifyOff: rule('tool-verify-off', {
    title: 'A tool\'s environment variable turns certificate verification off (VAULT_SKIP_VERIFY, LDAPTLS_REQCERT=never, …)',
    description: 'These variables make a command-line tool accept any certificate for every connection it makes, tokens and passwords included. Point the tool at your CA instead (VAULT_CACERT, LDAPTLS_CACERT, REQUESTS_CA_BUNDLE for the Azure CLI, GOVC_TLS_CA_CERTS, OS_CACERT, CONDA_SSL_VERIFY=<bundle>, BUNDLE_SSL_CA_CERT, …).',
    concept: 'process-env-switch',
    client: 'various',
    notes: '`VAULT_SKIP_VERIFY`, `BAO_SKIP_VERIFY`, `NOMAD_SKIP_VERIFY`, `GOVC_INSECURE`, `OS_INSECURE`, `MC_INSECURE`, `HELM_KUBEINSECURE_SKIP_TLS_VERIFY` and `ANSIBLE_GALAXY_IGNORE` set to `true`/`1`/`yes`/`on`; `CONSUL_HTTP_SSL_VERIFY`, `CONDA_SSL_VERIFY` and `K8S_AUTH_VERIFY_SSL` set to `false`/`0`/`no`/`off`; `LDAPTLS_REQCERT` set to `never`, `allow` or `try`; `BUNDLE_SSL_VERIFY_MODE=0`; Elastic\'s `ELASTICSEARCH_SSL_VERIFICATIONMODE` / `…SSL_VERIFICATION_MODE` set to `none` (Kibana and Beats images; not `SERVER_SSL_…` or `XPACK_SECURITY_HTTP_SSL_…`, a listener\'s own), also as a Kubernetes container variable built in Java (`new V1EnvVar().name("…").value("none")`) or set through Helm (`--set extraEnvs[1].name=… --set extraEnvs[1].value=none`); any non-empty `AZURE_CLI_DISABLE_CONNECTION_VERIFICATION` or `UV_INSECURE_HOST`.',
    examples: {
      flagged: [
        '«VAULT_SKIP_VERIFY=true»\n«LDAPTLS_REQCERT=never»\n«AZURE_CLI_DISABLE_CONNECTION_VERIFICATION=1»',
        { file: 'Dockerfile', code: 'FROM alpine:3.20\nENV «GOVC_INSECURE=1» «CONSUL_HTTP_SSL_VERIFY=false»\nRUN echo ok' },
        { file: 'deploy.sh', code: 'export «CONDA_SSL_VERIFY=false»\n«BUNDLE_SSL_VERIFY_MODE=0» bundle install' },
        { file: 'kibana.yaml', code: 'containers:\n  - name: kibana\n    env:\n      - «name: ELASTICSEARCH_SSL_VERIFICATIONMODE\n        value: none»' },
      ],
      ok: [
        'VAULT_CACERT=/etc/ssl/corp-ca.pem\nVAULT_SKIP_VERIFY=false\nLDAPTLS_REQCERT=demand\nCONDA_SSL_VERIFY=/etc/ssl/corp-ca.pem',
        'ELASTICSEARCH_SSL_VERIFICATIONMODE=full\nSERVER_SSL_VERIFICATIONMODE=none\nXPACK_SECURITY_HTTP_SSL_VERIFICATION_MODE=none',
      ],
    },
  }),
} as const;
