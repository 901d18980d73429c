// The shell rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../shell/ (words.ts, programs.ts, index.ts).
import { ruleFactory } from '../define';

const rule = ruleFactory('shell', { surface: 'shell', file: 'build.sh' });

/** The shell rules, by short name. */
export const SH = {
  curl: rule('curl-insecure', {
    title: 'curl -k / --insecure: certificate verification is off',
    description: 'curl -k accepts any certificate, so the download can be read or replaced in transit. Use --cacert <CA bundle> (or CURL_CA_BUNDLE) instead.',
    fix: 'curl-insecure',
    concept: 'verification-off',
    client: 'curl',
    caVars: ['CURL_CA_BUNDLE'],
    notes: '`-k` alone or inside a cluster of short flags (`-sSkL`), `--insecure`, `--proxy-insecure`, `--doh-insecure`, on a `curl` command (also after `sudo`, `env`, `xargs`, bats `run`, expect\'s `spawn`…, inside `"$(…)"`, through a wrapper function named for curl such as `api_curl` or defined in the script to pass its arguments on, `api() { curl -s "$@"; }`, or a `$CURL` variable). A `k` that is the argument of another short option (`-Hk`, `-XPOST`) and `-k` of other commands (`ls -k`) are not findings.',
    examples: {
      flagged: [
        `curl «-sSkL» https://artifacts.corp.example/tool.tgz | tar xz
curl «--insecure» https://api.corp.example/health`,
        { file: 'Dockerfile', code: 'FROM debian\nRUN curl «-k» https://x.test' },
        { file: '.github/workflows/ci.yml', code: 'steps:\n  - run: curl «-k» https://x.test' },
      ],
      ok: [
        `curl -sSL --cacert /etc/ssl/corp-ca.pem https://artifacts.corp.example/tool.tgz | tar xz
# or for every curl in the job:
export CURL_CA_BUNDLE=/etc/ssl/corp-ca.pem`,
        'ls -k',
        'curl -Hk https://x.test',
        'echo "curl -k"',
        { file: 'ci.yml', code: 'name: curl -k\ndescription: "use curl -k"\n# run: curl -k x\nsteps:\n  - run: echo ok' },
      ],
    },
  }),
  wget: rule('wget-no-check-certificate', {
    title: 'wget --no-check-certificate: certificate verification is off',
    description: 'wget accepts any certificate with --no-check-certificate. Use --ca-certificate=<CA bundle> instead.',
    concept: 'verification-off',
    client: 'wget',
    notes: '`--no-check-certificate`, `--check-certificate=off` and `-e check_certificate=off` on a `wget` command.',
    examples: {
      flagged: [`wget «--no-check-certificate» https://downloads.corp.example/tool.deb
wget «-e check_certificate=off» https://downloads.corp.example/tool.deb`],
      ok: [
        'wget --ca-certificate=/etc/ssl/corp-ca.pem https://downloads.corp.example/tool.deb',
        'wget --ca-certificate=ca.pem https://x',
      ],
    },
  }),
  git: rule('git-ssl-verify-false', {
    title: 'git http.sslVerify=false: git stops verifying HTTPS certificates',
    description: 'With http.sslVerify=false git clones and fetches accept any certificate. Use http.sslCAInfo=<CA bundle> (scoped to the host with http.<url>.sslCAInfo) instead.',
    fix: 'git-ssl-verify',
    concept: 'tool-config-switch',
    client: 'git',
    caVars: ['GIT_SSL_CAINFO'],
    notes: '`-c`/`--config` pairs anywhere on a git command line (`git clone -c …` too), and `git config [--global|--system|--file f] [set] http[.<url>].sslVerify <false|no|off|0>`, also as a later command of a quoted command list a wrapper runs (`zowe uss issue ssh "cd $DIR;git config --global http.sslVerify false;git clone …"`, `ssh host "cd /srv && git config …"`). `true`, another key or a `$VARIABLE` value is not a finding.',
    examples: {
      flagged: [`git -c «http.sslVerify=false» clone https://git.corp.example/app.git
git config --global «http.sslVerify false»`],
      ok: [
        `git -c http.sslCAInfo=/etc/ssl/corp-ca.pem clone https://git.corp.example/app.git
# scoped to one host:
git config --global http.https://git.corp.example/.sslCAInfo /etc/ssl/corp-ca.pem`,
        'git -c http.sslVerify=true clone x',
        'git config --global http.sslVerify true',
      ],
    },
  }),
  npm: rule('npm-strict-ssl-false', {
    title: 'npm/yarn/pnpm strict-ssl false: package downloads skip certificate verification',
    description: 'strict-ssl=false makes the package manager accept any registry certificate, so packages can be swapped in transit. Set cafile=<CA bundle> instead.',
    fix: 'npm-strict-ssl',
    concept: 'tool-config-switch',
    client: 'npm',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: '`config set` / `set` of `strict-ssl` (yarn 2+: `enableStrictSsl`) to false with npm, pnpm and yarn, in both `key value` and `key=value` forms, and the `--no-strict-ssl` / `--strict-ssl=false` flags.',
    examples: {
      flagged: [`npm config set «strict-ssl false»
yarn config set «enableStrictSsl false»
npm install «--no-strict-ssl»`],
      ok: [
        `npm config set cafile /etc/ssl/corp-ca.pem
# or, for Node itself:
export NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem`,
        'npm config set strict-ssl true',
        'npm config set strict-ssl "$STRICT"',
        'npm config get strict-ssl',
      ],
    },
  }),
  pip: rule('pip-trusted-host', {
    title: 'pip --trusted-host: pip skips certificate checks for this host',
    description: 'pip neither verifies the certificate of a trusted host nor requires HTTPS for it. Use --cert <CA bundle> (or PIP_CERT) instead.',
    fix: 'pip-trusted-host',
    concept: 'trusted-host-exception',
    client: 'pip',
    caVars: ['PIP_CERT'],
    notes: '`--trusted-host <host>` and `--trusted-host=<host>` on `pip`, `pip3`, `pipx` and `python -m pip`, and `pip config set <section>.trusted-host`. Any host value counts (even a variable): the flag itself is the problem.',
    examples: {
      flagged: [`pip install «--trusted-host pypi.corp.example» -r requirements.txt
pip config set «global.trusted-host pypi.corp.example»`],
      ok: [`pip install --cert /etc/ssl/corp-ca.pem -r requirements.txt
# or
export PIP_CERT=/etc/ssl/corp-ca.pem`],
    },
  }),
  kube: rule('kube-insecure-skip-tls-verify', {
    title: '--insecure-skip-tls-verify: the API server certificate is not checked',
    description: 'kubectl/helm/oc with --insecure-skip-tls-verify talk to whatever answers, credentials included. Use --certificate-authority=<CA file> (or the cluster\'s certificate-authority-data) instead.',
    concept: 'verification-off',
    client: 'kubectl',
    notes: '`--insecure-skip-tls-verify` and `--insecure-skip-tls-verify=true` on any command (kubectl, helm, oc, flux… share the flag), also inside the quoted body of an `alias`. `=false` is not a finding.',
    examples: {
      flagged: [`kubectl «--insecure-skip-tls-verify» get pods
helm repo add corp https://charts.corp.example «--insecure-skip-tls-verify»
alias osc="docker run --rm -i --entrypoint=osc openshift/origin:latest «--insecure-skip-tls-verify»"`,
        {
          file: 'Jenkinsfile',
          code: `stage('Deploy') {
  steps {
    sh """
      oc login --token=\\$OCP_TOKEN --server=https://api.ocp.corp.example:6443 «--insecure-skip-tls-verify=true»
      oc project \${NAMESPACE}
    """
  }
}`,
        },
      ],
      ok: [
        `kubectl --certificate-authority=/etc/kubernetes/ca.crt get pods
helm repo add corp https://charts.corp.example --ca-file /etc/ssl/corp-ca.pem`,
        'kubectl --insecure-skip-tls-verify=false get po',
      ],
    },
  }),
  maven: rule('maven-ssl-insecure', {
    title: 'maven.wagon.http.ssl.insecure=true: Maven stops verifying repository certificates',
    description: 'The wagon ssl.insecure / ssl.allowall properties make Maven accept any repository certificate. Import your CA into a truststore and pass -Djavax.net.ssl.trustStore=<file> instead.',
    concept: 'verification-off',
    client: 'maven',
    notes: '`-Dmaven.wagon.http.ssl.insecure=true`, `…ssl.allowall=true`, `…ssl.ignore.validity.dates=true` and Maven 3.9\'s `-Daether.connector.https.securityMode=insecure`, anywhere in a command, an environment value (e.g. `MAVEN_OPTS`) or the project\'s `.mvn/maven.config` / `.mvn/jvm.config`.',
    examples: {
      flagged: [`mvn «-Dmaven.wagon.http.ssl.insecure=true» «-Dmaven.wagon.http.ssl.allowall=true» install
export MAVEN_OPTS="«-Dmaven.wagon.http.ssl.insecure=true»"`,
        { file: '.mvn/maven.config', code: '--batch-mode\n«-Daether.connector.https.securityMode=insecure»\n«-Dmaven.wagon.http.ssl.allowall=true»' },
      ],
      ok: [`keytool -importcert -noprompt -alias corp -file corp-ca.pem -keystore corp.jks -storepass changeit
mvn -Djavax.net.ssl.trustStore=corp.jks -Djavax.net.ssl.trustStorePassword=changeit install`],
    },
  }),
  conda: rule('conda-ssl-verify-false', {
    title: 'conda config --set ssl_verify false: conda stops verifying certificates',
    description: 'conda downloads packages without certificate checks. Set ssl_verify to the path of a CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'conda',
    notes: '`conda`/`mamba`/`micromamba config --set ssl_verify <false|no|0>`. A path value is the fix, not a finding.',
    examples: {
      flagged: ['conda config --set «ssl_verify false»'],
      ok: ['conda config --set ssl_verify /etc/ssl/corp-ca.pem'],
    },
  }),
  deno: rule('deno-unsafely-ignore-certificate-errors', {
    title: 'deno --unsafely-ignore-certificate-errors: Deno stops verifying certificates',
    description: 'With this flag Deno accepts any certificate (for every host, or for the listed ones). Point DENO_CERT at a PEM file with your CA (or use DENO_TLS_CA_STORE=system) instead.',
    concept: 'verification-off',
    client: 'deno',
    caVars: ['DENO_CERT'],
    notes: '`--unsafely-ignore-certificate-errors` with or without a host list (`=a.example,b.example`) on a `deno` command (`run`, `compile`, `test`, `install`…).',
    examples: {
      flagged: ['deno run «--unsafely-ignore-certificate-errors» --allow-net main.ts\ndeno run «--unsafely-ignore-certificate-errors=api.corp.example» main.ts'],
      ok: [
        'DENO_CERT=/etc/ssl/corp-ca.pem deno run --allow-net main.ts\n# or trust the OS store:\nDENO_TLS_CA_STORE=system deno run --allow-net main.ts',
        'echo "deno run --unsafely-ignore-certificate-errors"',
        'node --unsafely-ignore-certificate-errors x.js',
      ],
    },
  }),
  aws: rule('aws-no-verify-ssl', {
    title: 'aws --no-verify-ssl: the AWS CLI stops verifying certificates',
    description: 'The AWS CLI talks to whatever answers, credentials included. Set AWS_CA_BUNDLE (or ca_bundle in ~/.aws/config) to your CA bundle instead.',
    concept: 'verification-off',
    client: 'aws-cli',
    caVars: ['AWS_CA_BUNDLE'],
    notes: '`--no-verify-ssl` anywhere on an `aws` command line.',
    examples: {
      flagged: ['aws s3 cp build.tgz s3://artifacts/ «--no-verify-ssl»\naws --endpoint-url https://minio.corp.example «--no-verify-ssl» s3 ls'],
      ok: [
        'AWS_CA_BUNDLE=/etc/ssl/corp-ca.pem aws s3 ls\n# or: aws configure set ca_bundle /etc/ssl/corp-ca.pem',
        'aws s3 ls --ca-bundle /etc/ssl/corp-ca.pem',
        'my-tool --no-verify-ssl',
      ],
    },
  }),
  gcloud: rule('gcloud-disable-ssl-validation', {
    title: 'gcloud auth/disable_ssl_validation: the Cloud SDK stops verifying certificates',
    description: 'gcloud accepts any certificate for every API call, credentials included. Set core/custom_ca_certs_file to your CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'gcloud',
    caVars: ['CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE'],
    notes: '`gcloud config set auth/disable_ssl_validation <true|True|1|yes>`; the environment variable `CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION` is [`env.gcloud-disable-ssl-validation`](env.gcloud-disable-ssl-validation.md).',
    examples: {
      flagged: ['gcloud config set «auth/disable_ssl_validation True»'],
      ok: [
        'gcloud config set core/custom_ca_certs_file /etc/ssl/corp-ca.pem',
        'gcloud config set auth/disable_ssl_validation False',
        'gcloud config unset auth/disable_ssl_validation',
      ],
    },
  }),
  poetry: rule('poetry-certificates-cert-false', {
    title: 'poetry config certificates.<source>.cert false: Poetry stops verifying that repository',
    description: 'Poetry downloads (and uploads) packages for this source without certificate checks. Set certificates.<source>.cert to the path of your CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'poetry',
    caVars: ['REQUESTS_CA_BUNDLE'],
    notes: '`poetry config [--local] certificates.<source>.cert <false|0|no|off>`. A path value is the fix. The environment form `POETRY_CERTIFICATES_<SOURCE>_CERT=false` is [`env.poetry-certificates-cert-false`](env.poetry-certificates-cert-false.md) and `poetry.toml` is [`config.poetry-certificates-cert-false`](config.poetry-certificates-cert-false.md).',
    examples: {
      flagged: ['poetry config «certificates.corp.cert false»\npoetry config --local «certificates.corp-pypi.cert false»'],
      ok: [
        'poetry config certificates.corp.cert /etc/ssl/corp-ca.pem',
        'poetry config certificates.corp.cert true',
      ],
    },
  }),
  composer: rule('composer-disable-tls', {
    title: 'composer disable-tls / secure-http false: Composer fetches packages without TLS or over plain HTTP',
    description: 'disable-tls true turns TLS off for every download and secure-http false allows http:// repositories: packages can be swapped in transit. Set cafile to your CA bundle instead.',
    concept: 'tool-config-switch',
    client: 'composer',
    caVars: ['SSL_CERT_FILE'],
    notes: '`composer config [-g|--global] disable-tls <true|1>` and `composer config [-g] secure-http <false|0>`. The same keys in `composer.json` are [`config.composer-disable-tls`](config.composer-disable-tls.md).',
    examples: {
      flagged: ['composer config -g «disable-tls true»\ncomposer config «secure-http false»'],
      ok: [
        'composer config -g cafile /etc/ssl/corp-ca.pem',
        'composer config -g disable-tls false',
        'composer config secure-http true',
      ],
    },
  }),
  containerTls: rule('container-tls-verify-false', {
    title: '--tls-verify=false: podman, skopeo and buildah skip the registry certificate check',
    description: 'With --tls-verify=false (skopeo: --src-tls-verify=false / --dest-tls-verify=false) images are pulled and pushed over unverified TLS or plain HTTP, so an image or the registry credentials can be swapped or read in transit. Put the registry CA in /etc/containers/certs.d/<registry>/ca.crt (or pass --cert-dir <dir>) instead.',
    concept: 'verification-off',
    client: 'docker',
    notes: '`--tls-verify=false` (also `=0`, `--tls-verify false`), and skopeo\'s `--src-tls-verify` / `--dest-tls-verify`, on `podman`, `skopeo`, `buildah` and `podman-remote` commands, in scripts, Dockerfile `RUN` lines, Makefile recipes and CI steps; also the quoted value of a variable named for them given to a script (`PODMAN_LOGIN_ARGS="--tls-verify=false" ./push.sh`) and an argv array element in JavaScript/TypeScript that names one of these programs (`cmd.push("--tls-verify=false")`). `=true` and other commands are not findings.',
    examples: {
      flagged: [
        'podman push «--tls-verify=false» registry.corp.example/app:1\nskopeo copy «--src-tls-verify=false» «--dest-tls-verify=false» docker://a.example/x docker://b.example/x',
        { file: 'Makefile', code: 'push:\n\tbuildah push «--tls-verify=false» $(IMAGE)' },
      ],
      ok: [
        '# trust the registry CA instead:\nsudo mkdir -p /etc/containers/certs.d/registry.corp.example\nsudo cp corp-ca.pem /etc/containers/certs.d/registry.corp.example/ca.crt\npodman push registry.corp.example/app:1',
        'podman push --tls-verify=true registry.corp.example/app:1',
        'echo "podman push --tls-verify=false"',
        'docker push --tls-verify=false x',
      ],
    },
  }),
  kubelet: rule('kubelet-insecure-tls', {
    title: '--kubelet-insecure-tls: metrics-server does not verify the kubelets\' certificates',
    description: 'metrics-server (and similar components) scrape every node without checking its serving certificate. Issue kubelet serving certificates from the cluster CA (serverTLSBootstrap) and pass --kubelet-certificate-authority instead.',
    concept: 'verification-off',
    client: 'kubernetes',
    notes: 'The flag on any command line (scripts, Dockerfiles, CI), also inside an argument that puts it into a manifest: a `kubectl patch` JSON patch (`"value":"--kubelet-insecure-tls"`), `helm --set args={--kubelet-insecure-tls}`, a `sed` or `yq` edit; not in `echo`/`printf` text or a `grep` pattern. In Kubernetes manifests and Helm values, `args:`/`command:`/`extraArgs:` list items are [`config.kubelet-insecure-tls`](config.kubelet-insecure-tls.md).',
    examples: {
      flagged: [
        '/metrics-server --cert-dir=/tmp «--kubelet-insecure-tls»',
        `kubectl -n kube-system patch deployment metrics-server --type=json \\
  -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"«--kubelet-insecure-tls»"}]'
helm upgrade --install metrics-server metrics-server/metrics-server --set args={«--kubelet-insecure-tls»}`,
      ],
      ok: [
        '/metrics-server --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt',
        'echo "--kubelet-insecure-tls"',
        "grep -q -- '--kubelet-insecure-tls' components.yaml",
        'kubectl patch deploy metrics-server -p \'{"spec":{"replicas":2}}\'',
      ],
    },
  }),
  dnfSslverify: rule('dnf-sslverify-off', {
    title: 'dnf/yum --setopt=sslverify=0: packages are downloaded without certificate checks',
    description: 'yum and dnf accept any repository certificate for this run (or, with config-manager --save, for every later run), so metadata and packages can be swapped in transit. Set sslcacert=<CA bundle> for the repository instead (--setopt=<repo>.sslcacert=… or in its .repo file).',
    concept: 'verification-off',
    client: 'dnf',
    notes: '`--setopt=sslverify=<0|false|no|off>`, also for one repository or all (`--setopt=<repo>.sslverify=0`, `--setopt=\'*.sslverify=false\'`) and as two words (`--setopt sslverify=0`), on `dnf`, `dnf5`, `yum`, `microdnf`, `tdnf` and `yum-config-manager` (`dnf config-manager --setopt=… --save` writes it to the repository file). The same key in a `.repo` file is [`config.dnf-sslverify-off`](config.dnf-sslverify-off.md).',
    examples: {
      flagged: [
        'dnf «--setopt=sslverify=false» install -y httpd\nyum-config-manager --save «--setopt=corp-el9.sslverify=0»\ndnf config-manager «--setopt \'*.sslverify=0\'» --save',
        { file: 'Dockerfile', code: 'FROM rockylinux:9\nRUN dnf -y «--setopt=sslverify=0» install git && dnf clean all' },
      ],
      ok: [
        'dnf --setopt=corp-el9.sslcacert=/etc/pki/tls/certs/corp-ca.pem install -y httpd',
        'dnf --setopt=sslverify=1 install -y git',
        'echo "dnf --setopt=sslverify=0"',
      ],
    },
  }),
  aptVerifyPeer: rule('apt-verify-peer-off', {
    title: 'apt-get -o Acquire::https::Verify-Peer=false: packages are downloaded without certificate checks',
    description: 'APT accepts any certificate (Verify-Peer) or any host name (Verify-Host) from the HTTPS mirrors of this run. Pass -o Acquire::https::CaInfo=<CA bundle> (or install the CA with update-ca-certificates) instead.',
    concept: 'verification-off',
    client: 'apt',
    notes: '`-o Acquire::https[::<host>]::Verify-Peer=false` and `…::Verify-Host=false` (also `-o…` in one word, `--option`, any case, `"false"`/`no`/`0`/`off`) on `apt`, `apt-get`, `apt-cache`, `aptitude` and `apt-key`. The same setting in an `apt.conf` file is [`config.apt-verify-peer-off`](config.apt-verify-peer-off.md).',
    examples: {
      flagged: [
        'apt-get «-o Acquire::https::Verify-Peer=false» update\napt-get install -y «-oAcquire::https::mirror.corp.example::Verify-Host=false» curl',
      ],
      ok: [
        'apt-get -o Acquire::https::CaInfo=/etc/ssl/certs/corp-ca.pem update',
        'apt-get -o Acquire::https::Verify-Peer=true update',
        'apt-get -o Acquire::Retries=3 update',
      ],
    },
  }),
  zypperSslVerify: rule('zypper-ssl-verify-no', {
    title: 'zypper addrepo "…?ssl_verify=no": the repository is used without certificate checks',
    description: 'zypper accepts any certificate for a repository whose URL carries ssl_verify=no, so packages can be swapped in transit. Install the repository CA into the system trust store (/etc/pki/trust/anchors/, then update-ca-certificates) instead.',
    concept: 'tool-config-switch',
    client: 'zypper',
    notes: 'A URL whose query sets `ssl_verify=no` (or `=0`/`=false`/`=off`) in the arguments of `zypper` (`addrepo`/`ar`, `modifyrepo`, `install` of a URL). The same URL in a `.repo` file is [`config.zypper-ssl-verify-no`](config.zypper-ssl-verify-no.md).',
    examples: {
      flagged: ['zypper --non-interactive addrepo «"https://mirror.corp.example/sle15/?ssl_verify=no"» corp'],
      ok: [
        'zypper addrepo https://mirror.corp.example/sle15/ corp',
        'curl -o x "https://example.com/?ssl_verify=no"',
      ],
    },
  }),
  toolInsecureFlag: rule('tool-insecure-flag', {
    title: 'A tool\'s own flag turns certificate verification off (vault -tls-skip-verify, mc --insecure, svn --trust-server-cert, …)',
    description: 'These flags make a command-line tool accept any certificate for the connection, tokens, passwords and downloads included. Point the tool at your CA instead (VAULT_CACERT / -ca-cert, mc\'s ~/.mc/certs/CAs/, svn\'s ssl-authority-files, --cacert or the system trust store).',
    concept: 'verification-off',
    client: 'various',
    notes: 'Per program: `vault`/`bao`/`nomad`/`consul` `-tls-skip-verify`; `argocd`, `mc`, `crane`, `oras`, `trivy`, `openstack`, `swift`, `hg`, `grpcurl` `--insecure` (or `-insecure`); `govc -k`; `s3cmd`, `rclone`, `yt-dlp`, `youtube-dl` `--no-check-certificate`; `aria2c --check-certificate=false`; HTTPie `http --verify=no`; `svn --trust-server-cert` and `--trust-server-cert-failures`; `ansible-galaxy --ignore-certs`/`-c`; `restic --insecure-tls`; JFrog CLI `--insecure-tls`; kaniko `executor --skip-tls-verify`; `kubeadm join --discovery-token-unsafe-skip-ca-verification`; `ovftool --noSSLVerify`; `sqlcmd -C`; PowerShell `New-PSSessionOption -SkipCACheck`/`-SkipCNCheck`; `lftp -e "set ssl:verify-certificate no"`; `bundle config [set] ssl_verify_mode 0`. The same flag on another program is not a finding.',
    examples: {
      flagged: [
        'vault login «-tls-skip-verify» -method=userpass username=ci\nmc «--insecure» alias set corp https://minio.corp.example "$KEY" "$SECRET"\nsvn checkout «--trust-server-cert» --non-interactive https://svn.corp.example/repo',
        { file: '.gitlab-ci.yml', code: 'build:\n  script:\n    - /kaniko/executor --context $CI_PROJECT_DIR «--skip-tls-verify» --destination $IMAGE' },
        "lftp «-e 'set ssl:verify-certificate no; mirror -R dist /www; quit'» ftp.corp.example\nbundle config set «ssl_verify_mode 0»",
      ],
      ok: [
        'vault login -ca-cert=/etc/ssl/corp-ca.pem -method=userpass username=ci\nmc alias set corp https://minio.corp.example "$KEY" "$SECRET"\nrsync --insecure a b\nkubeadm join 10.0.0.1:6443 --discovery-token-ca-cert-hash sha256:abc',
      ],
    },
  }),
} as const;
