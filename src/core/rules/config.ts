// Configuration files that switch TLS verification off: package-manager rc files (.npmrc, .yarnrc, .yarnrc.yml,
// pip.conf, .condarc), .gitconfig, .curlrc, .wgetrc, VS Code settings and dev containers, kubeconfig and other YAML
// (Prometheus/Traefik `insecure_skip_verify`, Ansible `validate_certs`), TOML, and Terraform/HCL providers. Each
// format gets a line matcher that knows its comment syntax; JSONC goes through jsonc-parser for exact ranges.
import type { Node as JsonNode } from 'jsonc-parser';
import { JsonPath, jsonDoc } from '../text/json';
import { baseName, Doc, docOf, isDynamic } from './env';
import { finding } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily, RuleMeta } from './types';
import { CFG } from './catalog/config';

const FALSY = /^(?:false|no|off|0|n)$/i;
const TRUTHY = /^(?:true|yes|on|1|y)$/i;

// ---- line helpers ----------------------------------------------------------------------------------------

/**
 * Calls `onLine(text, offset)` for every line (without newline / trailing \r), the lines `linesOf` gives, without
 * building their array: a YAML file is walked once per key matcher, and on a 10,000-line workflow the arrays were
 * most of the re-scan time.
 */
function eachLine(text: string, onLine: (line: string, at: number) => void): void {
  for (let at = 0; at <= text.length;) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    onLine(text.slice(at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end), at);
    at = end + 1;
  }
}

/**
 * A `key <sep> value` match with offsets: `m.indices` from the `d` flag; group 1 = key, last group = value.
 * `words`, when given, is a test of the whole text that every match passes (its keys): without them no line is read.
 */
function keyValue(
  doc: Doc,
  re: RegExp,
  rule: RuleMeta,
  insecure: (value: string, key: string) => boolean,
  out: Finding[],
  words?: RegExp,
): void {
  if (words && !words.test(doc.text)) return;
  eachLine(doc.text, (line, at) => {
    const m = re.exec(line);
    if (!m?.indices) return;
    const value = unquote(m[m.length - 1] ?? '');
    if (isDynamic(value) || !insecure(value, m[1])) return;
    const last = m.indices[m.length - 1] ?? m.indices[1]!;
    out.push(finding(doc, rule, at + m.indices[1]![0], at + last[1], [at, at + line.length]));
  });
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

// ---- formats ---------------------------------------------------------------------------------------------

/** .npmrc (ini: `strict-ssl=false`, `;`/`#` comments) and .yarnrc v1 (`strict-ssl false`). */
const NPMRC = /^\s*(strict-ssl)\s*(?:=|\s)\s*("[^"]*"|'[^']*'|[^\s;#]+)/d;
/** .yarnrc.yml: `enableStrictSsl: false`, also nested under npmRegistries/npmScopes. */
const YARNRC_YML = /^\s*(enableStrictSsl)\s*:\s*("[^"]*"|'[^']*'|[^\s#]+)/d;
/** pip.conf/pip.ini: `trusted-host = a b` in any section. */
const PIP = /^\s*(trusted[-_]host)\s*[=:]\s*([^\s;#][^;#]*?)\s*$/d;
/** .curlrc: `insecure`, `--insecure`, `-k`, `insecure = true`. */
const CURLRC = /^\s*((?:--)?insecure|-k)\b\s*(?:[=:]?\s*("[^"]*"|\S+))?/d;
/** .wgetrc: `check_certificate = off` (wget ignores `_`/`-` in names). */
const WGETRC = /^\s*(check[_-]?certificate)\s*=\s*(\S+)/di;
/** .condarc: `ssl_verify: false`. */
const CONDARC = /^\s*(ssl_verify)\s*:\s*("[^"]*"|'[^']*'|[^\s#]+)/d;

function gitconfig(doc: Doc, out: Finding[]): void {
  let inHttp = false;
  eachLine(doc.text, (line, at) => {
    const section = /^\s*\[\s*([\w.-]+)/.exec(line);
    if (section) inHttp = section[1].toLowerCase() === 'http';
    const m = /^\s*(sslverify)\s*=\s*("[^"]*"|[^\s;#]+)/di.exec(
      line.replace(/^\s*\[[^\]]*\]/, (s) => ' '.repeat(s.length)),
    );
    if (!m?.indices || !(inHttp || section?.[1].toLowerCase() === 'http')) return;
    if (!FALSY.test(unquote(m[2]))) return;
    out.push(finding(doc, CFG.git, at + m.indices[1]![0], at + m.indices[2]![1], [at, at + line.length]));
  });
}

/** Keys that disable verification when true, and keys that disable it when false (YAML, TOML, INI, properties). */
const SKIP_TRUE =
  'insecure_skip_verify|insecureSkipVerify|insecure-skip-verify|tls_skip_verify_insecure|tls_skip_verify|ignore_certs|tlsSkipVerify|skip_tls_verify|skipTlsVerify|skip-tls-verify|tls_insecure_skip_verify|insecureSkipTLSVerify|skip_ssl_verify|skipSslVerify|ssl_skip_verify|tls_insecure|allow_insecure_tls|useInsecureTrustManager|use-insecure-trust-manager';
const VERIFY_FALSE =
  'verify_ssl|ssl_verify|verify_certs|verify_certificate|ssl_verify_certificate|tls_verify|sslVerify|tlsVerify|verifySsl|verify_tls|validate_server_cert|verify_server_cert';
/** Keys whose value `none` turns checks off: Elastic's `ssl.verification_mode` (Beats, Elasticsearch, Kibana's
 * `verificationMode`), Rails/GitLab `openssl_verify_mode: none`. */
const VERIFY_MODE = 'verification_mode|verificationMode|openssl_verify_mode|ssl_verify_mode';
/** Any of them, also as the last part of a dotted key (`ssl.verification_mode`, `spring…ssl.useInsecureTrustManager`). */
const SKIP_KEY = `((?:[\\w-]+\\.)*(?:${SKIP_TRUE}|${VERIFY_FALSE}|${VERIFY_MODE}))`;
const YAML_SKIP = new RegExp(`^\\s*(?:-\\s+)*["']?${SKIP_KEY}["']?\\s*:\\s*("[^"]*"|'[^']*'|[^\\s#,}]+)`, 'd');
const YAML_KUBE = /^\s*(?:-\s+)*(insecure-skip-tls-verify)\s*:\s*("[^"]*"|'[^']*'|[^\s#]+)/d;
const YAML_ANSIBLE = /^\s*(?:-\s+)*((?:\w+_)?validate_certs)\s*:\s*("[^"]*"|'[^']*'|[^\s#]+)/d;
const ANSIBLE_INLINE = /(?:^|\s)((?:\w+_)?validate_certs)=(no|false|False|0|n)\b/dg;
const TOML_SKIP = new RegExp(`^\\s*["']?${SKIP_KEY}["']?\\s*=\\s*("[^"]*"|'[^']*'|[^\\s#,}]+)`, 'd');
/** Java `.properties`: `key=value`, `key: value` or `key value`; `#`/`!` comment lines never match. */
const PROPERTIES_SKIP = new RegExp(`^\\s*${SKIP_KEY}\\s*[=:\\s]\\s*([^\\s#]+)`, 'd');
const TF =
  /^\s*(insecure|(?:\w+_)?(?:skip_tls_verify|allow_unverified_ssl|insecure_skip_verify|tls_skip_verify|tls_insecure_skip_verify|skip_ssl_validation|insecure_skip_tls_verify|tls_insecure))\s*=\s*("true"|true\b)/d;

const VERIFY_FALSE_KEY = new RegExp(`^(?:${VERIFY_FALSE})$`);
const VERIFY_MODE_KEY = new RegExp(`^(?:${VERIFY_MODE})$`);
/** The keys of YAML_SKIP and TOML_SKIP anywhere in a text (see keyValue's `words`). */
const SKIP_KEYS = new RegExp(`${SKIP_TRUE}|${VERIFY_FALSE}|${VERIFY_MODE}`);

function skipValue(value: string, dottedKey: string): boolean {
  const key = dottedKey.slice(dottedKey.lastIndexOf('.') + 1);
  if (VERIFY_MODE_KEY.test(key)) return /^none$/i.test(value);
  return VERIFY_FALSE_KEY.test(key) ? FALSY.test(value) : TRUTHY.test(value);
}

/** `- --kubelet-insecure-tls` list items and `[…, "--kubelet-insecure-tls", …]` flow items. */
const KUBELET_ITEM = /^(\s*-\s+)(["']?)(--kubelet-insecure-tls(?:=true)?)\2\s*(?:#.*)?$/d;
const KUBELET_FLOW = /[[,]\s*((["']?)--kubelet-insecure-tls(?:=true)?\2)\s*(?=[,\]])/dg;

function kubeletFlags(doc: Doc, out: Finding[]): void {
  if (!doc.text.includes('--kubelet-insecure-tls')) return;
  eachLine(doc.text, (line, at) => {
    if (!line.includes('--kubelet-insecure-tls') || /^\s*#/.test(line)) return;
    const item = KUBELET_ITEM.exec(line);
    if (item?.indices) {
      const [s] = item.indices[2]!;
      out.push(finding(doc, CFG.kubelet, at + s, at + item.indices[3]![1] + item[2].length, [at, at + line.length]));
      return;
    }
    const code = line.replace(/\s#.*$/, '');
    KUBELET_FLOW.lastIndex = 0;
    for (let m = KUBELET_FLOW.exec(code); m?.indices; m = KUBELET_FLOW.exec(code)) {
      out.push(finding(doc, CFG.kubelet, at + m.indices[1]![0], at + m.indices[1]![1], [at, at + line.length]));
    }
  });
}

/** `- --insecure-skip-tls-verify` list items and flow items (a container's args, a Helm value, a CI step's arguments). */
const KUBE_ARG_ITEM = /^(\s*-\s+)(["']?)(--insecure-skip-tls-verify(?:=true)?)\2\s*(?:#.*)?$/d;
const KUBE_ARG_FLOW = /[[,]\s*((["']?)--insecure-skip-tls-verify(?:=true)?\2)\s*(?=[,\]])/dg;

function kubeArgs(doc: Doc, out: Finding[]): void {
  if (!doc.text.includes('--insecure-skip-tls-verify')) return;
  eachLine(doc.text, (line, at) => {
    if (!line.includes('--insecure-skip-tls-verify') || /^\s*#/.test(line)) return;
    const item = KUBE_ARG_ITEM.exec(line);
    if (item?.indices) {
      const [s] = item.indices[2]!;
      out.push(
        finding(doc, CFG.kubeSkipArg, at + s, at + item.indices[3]![1] + item[2].length, [at, at + line.length]),
      );
      return;
    }
    const code = line.replace(/\s#.*$/, '');
    KUBE_ARG_FLOW.lastIndex = 0;
    for (let m = KUBE_ARG_FLOW.exec(code); m?.indices; m = KUBE_ARG_FLOW.exec(code)) {
      out.push(finding(doc, CFG.kubeSkipArg, at + m.indices[1]![0], at + m.indices[1]![1], [at, at + line.length]));
    }
  });
}

/** The flag in an HCL string or here-document (`command = <<EOC … --insecure-skip-tls-verify=true \ … EOC`). */
const HCL_KUBE_ARG = /(?<![\w-])--insecure-skip-tls-verify(?:=true)?(?![\w=-])/g;

function hclKubeArgs(doc: Doc, code: string, out: Finding[]): void {
  if (!code.includes('--insecure-skip-tls-verify')) return;
  HCL_KUBE_ARG.lastIndex = 0;
  for (let m = HCL_KUBE_ARG.exec(code); m; m = HCL_KUBE_ARG.exec(code)) {
    out.push(finding(doc, CFG.kubeSkipArg, m.index, m.index + m[0].length));
  }
}

/**
 * Kafka's host name check turned off: `ssl.endpoint.identification.algorithm` (any prefix) or a container variable
 * ending in `SSL_ENDPOINT_IDENTIFICATION_ALGORITHM`, set to the empty string or librdkafka's `none`. Group 1 is the
 * key, 2 the separator, 3 the value. A YAML key with nothing after its colon is a map's parent or null, not empty.
 */
const KAFKA_LINE =
  /^\s*(?:-\s+)?(["']?)((?:[\w-]+\.)*ssl\.endpoint\.identification\.algorithm|[A-Z0-9_]*SSL_ENDPOINT_IDENTIFICATION_ALGORITHM)\1\s*([=:])[ \t]*(""|''|" "|' '|none|NONE|None)?[ \t]*(?:#.*)?\r?$/d;

function kafkaSettings(doc: Doc, yaml: boolean, out: Finding[]): void {
  if (!/endpoint\.identification|ENDPOINT_IDENTIFICATION/.test(doc.text)) return;
  eachLine(doc.text, (line, at) => {
    if (!/endpoint\.identification|ENDPOINT_IDENTIFICATION/.test(line) || /^\s*[#!]/.test(line)) return;
    const m = KAFKA_LINE.exec(line);
    if (!m?.indices || (yaml && m[3] === ':' && m[4] === undefined)) return;
    // In YAML a container variable (`KAFKA_SSL_…: ''`) is read with the env maps around it (env:, environment:).
    if (yaml && !m[2].includes('.')) return;
    const end = m[4] !== undefined ? m.indices[4]![1] : m.indices[3]![1];
    out.push(
      finding(doc, CFG.kafkaEndpointIdentification, at + m.indices[2]![0] - m[1].length, at + end, [
        at,
        at + line.length,
      ]),
    );
  });
}

/** RubyGems' `:ssl_verify_mode: 0` (.gemrc) and Bundler's `BUNDLE_SSL_VERIFY_MODE: "0"` (.bundle/config). */
const GEMRC = /^\s*(:ssl_verify_mode|["']?BUNDLE_SSL_VERIFY_MODE["']?)\s*:\s*(["']?)0\2\s*(?:#.*)?$/d;

function gemrc(doc: Doc, out: Finding[]): void {
  eachLine(doc.text, (line, at) => {
    const m = GEMRC.exec(line);
    if (m?.indices) {
      out.push(finding(doc, CFG.gemrc, at + m.indices[1]![0], at + line.replace(/\s*(?:#.*)?$/, '').length));
    }
  });
}

/** The flag inside an HCL string: `helm_release` `set { value = "--kubelet-insecure-tls" }`, `"{--kubelet-insecure-tls,…}"`, `args = [...]`. */
const HCL_KUBELET = /"[^"\n]*?(?<![\w-])(--kubelet-insecure-tls(?:=true)?)(?![\w-])[^"\n]*"/dg;

function hclKubelet(doc: Doc, code: string, out: Finding[]): void {
  if (!code.includes('--kubelet-insecure-tls')) return;
  HCL_KUBELET.lastIndex = 0;
  for (let m = HCL_KUBELET.exec(code); m?.indices; m = HCL_KUBELET.exec(code)) {
    out.push(finding(doc, CFG.kubelet, m.indices[1]![0], m.indices[1]![1]));
  }
}

/**
 * The JSON object of a whole file, or undefined for a fragment (an editor buffer cut mid-object, a snippet pasted
 * without its braces): those are read line by line with `fragment` instead, so a setting is not missed for want of
 * the file's first line.
 */
function jsonObject(doc: Doc): { root: JsonNode; find: (path: JsonPath) => JsonNode | undefined } | undefined {
  // The lazy reading (src/core/text/json.ts): a 10,000-line settings.json built a node per token for one lookup.
  const json = jsonDoc(doc.text);
  const root = json.root;
  return root?.type === 'object' ? { root, find: (path) => json.find(root, path) } : undefined;
}

/** Line fallback for JSON fragments: `re` on each line outside `//` comments; group 1 is the finding. */
function fragment(doc: Doc, re: RegExp, rule: RuleMeta, out: Finding[]): void {
  eachLine(doc.text, (line, at) => {
    const m = re.exec(line);
    if (m?.indices && !/^\s*\/\//.test(line)) {
      out.push(finding(doc, rule, at + m.indices[1]![0], at + m.indices[1]![1]));
    }
  });
}

/** A non-empty `"insecure-registries": [...]` in a Docker daemon.json. */
function dockerDaemon(doc: Doc, out: Finding[]): void {
  const root = jsonObject(doc);
  if (!root) {
    return fragment(doc, /("insecure-registries"\s*:\s*\[\s*(?:"[^"]*"|$))/d, CFG.dockerInsecureRegistries, out);
  }
  const val = root.find(['insecure-registries']);
  if (val?.type === 'array' && (val.children?.length ?? 0) > 0) {
    out.push(finding(doc, CFG.dockerInsecureRegistries, val.parent!.offset, val.offset + val.length));
  }
}

/** composer.json `config`: `"disable-tls": true`, `"secure-http": false`. */
function composerJson(doc: Doc, out: Finding[]): void {
  const root = jsonObject(doc);
  if (!root) return fragment(doc, /("disable-tls"\s*:\s*true\b|"secure-http"\s*:\s*false\b)/d, CFG.composer, out);
  for (const [key, bad] of [
    ['disable-tls', true],
    ['secure-http', false],
  ] as const) {
    const val = root.find(['config', key]);
    if (val?.type === 'boolean' && val.value === bad) {
      out.push(finding(doc, CFG.composer, val.parent!.offset, val.offset + val.length));
    }
  }
}

/** poetry.toml / config.toml: `cert = false` in `[certificates.<source>]`, or `certificates.<source>.cert = false`. */
function poetryToml(doc: Doc, out: Finding[]): void {
  let inCertificates = false;
  eachLine(doc.text, (line, at) => {
    const section = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line);
    if (section) {
      inCertificates = /^certificates\.[^.]+$/.test(section[1].replace(/["']/g, ''));
      return;
    }
    const m = (
      inCertificates ? /^\s*(cert)\s*=\s*(false)\b/d : /^\s*(certificates\.[\w"'.-]+\.cert)\s*=\s*(false)\b/d
    ).exec(line);
    if (m?.indices) {
      out.push(finding(doc, CFG.poetry, at + m.indices[1]![0], at + m.indices[2]![1], [at, at + line.length]));
    }
  });
}

/**
 * containers-registries.conf (podman, buildah, skopeo, CRI-O): `insecure = true` in a `[[registry]]` table, and the
 * v1 format's non-empty `registries = [...]` under `[registries.insecure]`.
 */
function containersRegistries(doc: Doc, out: Finding[]): void {
  let v1Insecure = false;
  eachLine(doc.text, (line, at) => {
    const section = /^\s*\[\[?\s*([\w.-]+)\s*\]/.exec(line);
    if (section) v1Insecure = section[1] === 'registries.insecure';
    const m = (v1Insecure ? /^\s*(registries)\s*=\s*(\[\s*["'][^\]#]*\]?)/d : /^\s*(insecure)\s*=\s*(true)\b/d).exec(
      line,
    );
    if (m?.indices) {
      out.push(
        finding(doc, CFG.registriesInsecure, at + m.indices[1]![0], at + m.indices[2]![1], [at, at + line.length]),
      );
    }
  });
}

/** yum/dnf `.repo`, yum.conf, dnf.conf: `sslverify=0` (INI; `#`/`;` comment lines never match). */
const REPO_SSLVERIFY = /^\s*((?:proxy_)?sslverify)\s*=\s*([^\s#;]+)/di;
/** zypper's URL option: `baseurl=https://host/path?ssl_verify=no` (also `&ssl_verify=…`). */
const REPO_ZYPPER = /^\s*((?:baseurl|mirrorlist)\s*=\s*\S*?[?&]ssl_verify=(?:no|0|false|off)\b\S*)/di;

function repoFile(doc: Doc, out: Finding[]): void {
  keyValue(doc, REPO_SSLVERIFY, CFG.dnfSslverify, (v) => FALSY.test(v), out, /sslverify/i);
  if (doc.text.includes('ssl_verify=')) fragment(doc, REPO_ZYPPER, CFG.zypperSslVerify, out);
}

/**
 * APT: `Acquire::https[::host]::Verify-Peer "false"`, or `Verify-Peer "false"` nested in an `Acquire { https { … } }`
 * block (only apt.conf files reach here, so the short key is APT's). Keys are case-insensitive, quotes optional.
 */
const APT_VERIFY =
  /(?:^|[\s{;])((?:Acquire::https::(?:[\w.-]+::)?)?Verify-(?:Peer|Host)\s*(?:"(?:false|no|0|off)"|(?:false|no|0|off)\b))/dgi;

function aptConf(doc: Doc, out: Finding[]): void {
  if (!/verify-(?:peer|host)/i.test(doc.text)) return;
  eachLine(doc.text, (line, at) => {
    if (/^\s*(?:\/\/|#)/.test(line)) return;
    const code = line.replace(/\s\/\/.*$/, '');
    APT_VERIFY.lastIndex = 0;
    for (let m = APT_VERIFY.exec(code); m?.indices; m = APT_VERIFY.exec(code)) {
      out.push(finding(doc, CFG.aptVerifyPeer, at + m.indices[1]![0], at + m.indices[1]![1], [at, at + line.length]));
    }
  });
}

/**
 * Gradle: `allowInsecureProtocol = true` (Groovy, also `allowInsecureProtocol true` and the setter), Kotlin DSL's
 * `isAllowInsecureProtocol = true`, and `allowInsecureProtocol.set(true)`.
 */
const GRADLE_INSECURE =
  /\b((?:is)?[aA]llowInsecureProtocol(?:\s*=\s*true\b|[ \t]+true\b|\s*(?:\.\s*set\s*)?\(\s*true\s*\))|setAllowInsecureProtocol\s*\(\s*true\s*\))/dg;

function gradleScript(doc: Doc, out: Finding[]): void {
  if (!doc.text.includes('llowInsecureProtocol')) return;
  // Comments and strings blanked (a plugin's message may quote the setting); offsets are kept.
  const code = doc.text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (t) =>
    t.replace(/[^\n]/g, ' '),
  );
  GRADLE_INSECURE.lastIndex = 0;
  for (let m = GRADLE_INSECURE.exec(code); m?.indices; m = GRADLE_INSECURE.exec(code)) {
    out.push(finding(doc, CFG.gradleInsecureProtocol, m.indices[1]![0], m.indices[1]![1]));
  }
}

/** Elastic's own TLS listeners: the node's HTTP layer (`xpack.security.http.ssl.*`), Kibana's server (`server.ssl.*`). */
const LISTENER_PREFIX = /^(?:xpack\.security\.http|server)\.ssl\./;
/** A Beats input that listens (`host: "0.0.0.0:6514"`, singular; outputs and monitors name `hosts`). */
const LISTEN_HOST = /^\s*(?:-\s+)?host\s*:/;
/** The server's own certificate and key beside the setting (`ssl.certificate:`, or `certificate:` under `ssl:`). */
const OWN_CERT = /^\s*(?:ssl\.)?(?:certificate|key)\s*:/;

/** The lines of the YAML mapping holding line `i` (same indentation, up to a shallower line), and its indentation. */
function mappingOf(lines: readonly string[], i: number): { lines: string[]; indent: number; parent: number } {
  const indent = /^\s*(?:-\s+)?/.exec(lines[i])![0].length;
  const depth = (l: string) => (l.trim() === '' || /^\s*#/.test(l) ? Infinity : /^\s*/.exec(l)![0].length);
  let a = i;
  while (a > 0 && depth(lines[a - 1]) >= indent && !/^\s*-\s/.test(lines[a])) a--;
  let b = i;
  while (b + 1 < lines.length && depth(lines[b + 1]) >= indent && !/^\s*-\s/.test(lines[b + 1])) b++;
  return {
    lines: lines.slice(a, b + 1).filter((l) => depth(l) === indent || /^\s*-\s/.test(l)),
    indent,
    parent: a - 1,
  };
}

/**
 * Elastic's `verification_mode: none` on a TLS listener asks no certificate of the clients that connect; it does not
 * turn off a check of a server this program connects to: the node's HTTP layer, Kibana's `server.ssl`, and a Beats
 * input that listens on a `host` with its own certificate and key (a TCP/syslog input). Outputs, monitors and
 * `xpack.security.transport.ssl` (node to node, both ends) stay findings.
 */
function dropListenerModes(doc: Doc, out: Finding[], from: number): void {
  if (out.length === from || !/verification_?mode/i.test(doc.text)) return;
  const lines = doc.text.split(/\r?\n/);
  const listener = (f: Finding) => {
    const key = /^["']?([\w.-]+)/.exec(f.value)?.[1] ?? '';
    if (!VERIFY_MODE_KEY.test(key.slice(key.lastIndexOf('.') + 1))) return false;
    if (LISTENER_PREFIX.test(key)) return true;
    let block = mappingOf(lines, f.range.start.line);
    let own = block.lines.some((l) => OWN_CERT.test(l));
    // `ssl:` with `verification_mode` nested: the listener's `host` is a sibling of `ssl:`.
    if (!key.includes('.') && block.parent >= 0 && /^\s*ssl\s*:\s*$/.test(lines[block.parent])) {
      block = mappingOf(lines, block.parent);
    }
    own ||= block.lines.some((l) => OWN_CERT.test(l));
    return own && block.lines.some((l) => LISTEN_HOST.test(l));
  };
  const kept = out.slice(from).filter((f) => !listener(f));
  out.splice(from, out.length - from, ...kept);
}

function yamlFile(doc: Doc, out: Finding[]): void {
  kubeletFlags(doc, out);
  kubeArgs(doc, out);
  keyValue(doc, YAML_KUBE, CFG.kubeconfig, (v) => TRUTHY.test(v), out, /insecure-skip-tls-verify/);
  const before = out.length;
  keyValue(doc, YAML_SKIP, CFG.skipVerify, skipValue, out, SKIP_KEYS);
  dropListenerModes(doc, out, before);
  keyValue(doc, YAML_ANSIBLE, CFG.ansible, (v) => FALSY.test(v), out, /validate_certs/);
  ansibleInline(doc, out);
}

/** `get_url: url=… validate_certs=no` (Ansible's key=value module arguments). */
function ansibleInline(doc: Doc, out: Finding[]): void {
  if (!doc.text.includes('validate_certs=')) return;
  eachLine(doc.text, (line, at) => {
    if (/^\s*#/.test(line)) return;
    const code = line.replace(/\s#.*$/, '');
    ANSIBLE_INLINE.lastIndex = 0;
    for (let m = ANSIBLE_INLINE.exec(code); m?.indices; m = ANSIBLE_INLINE.exec(code)) {
      out.push(finding(doc, CFG.ansible, at + m.indices[1]![0], at + m.indices[2]![1], [at, at + line.length]));
    }
  });
}

/** HCL comments (`#`, `//`, `/* … *\/`) blanked, so `# insecure = true` is not a finding; offsets are kept. */
function blankHclComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(?:#|\/\/)[^\n]*|"(?:[^"\\\n]|\\.)*"/g, (s) =>
    s[0] === '"' ? s : s.replace(/[^\n]/g, ' '),
  );
}

/** `"http.proxyStrictSSL": false` at the settings paths of settings.json, .code-workspace and devcontainer.json. */
function vscodeSettings(doc: Doc, path: string, out: Finding[]): void {
  const root = jsonObject(doc);
  if (!root) return fragment(doc, /("http\.proxyStrictSSL"\s*:\s*false\b)/d, CFG.vscode, out);
  const base = baseName(path);
  const paths = base.endsWith('.code-workspace')
    ? [['settings']]
    : /devcontainer\.json$/.test(base)
      ? [['customizations', 'vscode', 'settings'], ['settings']]
      : [[]];
  for (const p of paths) {
    const val = root.find([...p, 'http.proxyStrictSSL']);
    if (val?.type === 'boolean' && val.value === false) pushProperty(doc, val, out);
  }
}

function pushProperty(doc: Doc, val: JsonNode, out: Finding[]): void {
  const prop = val.parent!;
  out.push(finding(doc, CFG.vscode, prop.offset, val.offset + val.length));
}

// ---- dispatch --------------------------------------------------------------------------------------------

type Format =
  | 'docker'
  | 'gemrc'
  | 'composer'
  | 'poetry'
  | 'npmrc'
  | 'yarnrc'
  | 'yarnrcYml'
  | 'pip'
  | 'git'
  | 'curlrc'
  | 'wgetrc'
  | 'vscode'
  | 'yaml'
  | 'toml'
  | 'hcl'
  | 'condarc'
  | 'registries'
  | 'repo'
  | 'apt'
  | 'gradle'
  | 'ini'
  | 'properties';

/** Which format a path is, by file name (config files rarely have telling extensions). */
function formatOf(path: string, languageId?: string): Format | undefined {
  const p = path.replace(/\\/g, '/');
  const base = baseName(p);
  if (base === '.npmrc' || base === 'npmrc') return 'npmrc';
  if (base === '.yarnrc') return 'yarnrc';
  if (base === '.yarnrc.yml' || base === '.yarnrc.yaml') return 'yarnrcYml';
  if (base === 'pip.conf' || base === 'pip.ini') return 'pip';
  if (base === '.gitconfig' || base === 'gitconfig' || /(?:^|\/)\.git\/config$|(?:^|\/)git\/config$/.test(p)) {
    return 'git';
  }
  if (base === '.curlrc' || base === '_curlrc' || base === 'curlrc') return 'curlrc';
  if (base === '.wgetrc' || base === 'wgetrc') return 'wgetrc';
  if (base === '.condarc' || base === 'condarc') return 'condarc';
  if (base === 'daemon.json') return 'docker';
  if (base === '.gemrc' || base === 'gemrc' || /(?:^|\/)\.bundle\/config$/.test(p)) return 'gemrc';
  if (/\.repo$/i.test(base) || base === 'yum.conf' || base === 'dnf.conf') return 'repo';
  if (/(?:^|\/)apt\.conf$|(?:^|\/)apt\.conf\.d\/[^/]+$/.test(p)) return 'apt';
  if (base === 'registries.conf' || /(?:^|\/)registries\.conf\.d\/[^/]+\.conf$/.test(p)) return 'registries';
  if (base === 'composer.json' || /(?:^|\/)composer\/config\.json$/.test(p)) return 'composer';
  if (base === 'poetry.toml' || /(?:^|\/)pypoetry\/config\.toml$/.test(p)) return 'poetry';
  if (base === 'settings.json' || base.endsWith('.code-workspace') || /^\.?devcontainer\.json$/.test(base)) {
    return 'vscode';
  }
  if (
    // A YAML file or its template (Ansible's `values.yaml.j2`, Helm/Go `.yaml.tpl`, ERB `.yml.erb`).
    /\.ya?ml(?:\.(?:j2|jinja2?|tpl|tmpl|gotmpl|erb))?$/i.test(base) ||
    languageId === 'yaml' ||
    /^kubeconfig/i.test(base) ||
    /(?:^|\/)\.kube\/config$/.test(p)
  ) {
    return 'yaml';
  }
  if (/\.toml$/i.test(base)) return 'toml';
  if (/\.gradle(?:\.kts)?$/i.test(base)) return 'gradle';
  // grafana.ini, ansible.cfg and other INI files: the TOML keys (`tls_skip_verify_insecure = true`, `ignore_certs`).
  if (/\.(?:ini|cfg)$/i.test(base)) return 'ini';
  if (/\.properties$/i.test(base)) return 'properties';
  if (/\.(?:tf|tfvars|hcl)$/i.test(base) || languageId === 'terraform') return 'hcl';
  return undefined;
}

const PREFILTER =
  /disable-tls|secure-http|\bcert\b|strict.?ssl|endpoint.identification|trusted.host|sslverify|insecure|check.?certificate|proxyStrictSSL|skip|verify|validate_certs|unverified|ssl_verify|ignore_certs|verification_?mode|validate_server_cert|-k\b/i;

function scanFormat(doc: Doc, format: Format, path: string, out: Finding[]): void {
  switch (format) {
    case 'docker':
      return dockerDaemon(doc, out);
    case 'registries':
      return containersRegistries(doc, out);
    case 'repo':
      return repoFile(doc, out);
    case 'apt':
      return aptConf(doc, out);
    case 'gradle':
      return gradleScript(doc, out);
    case 'composer':
      return composerJson(doc, out);
    case 'poetry':
      return poetryToml(doc, out);
    case 'npmrc':
    case 'yarnrc':
      return keyValue(doc, NPMRC, CFG.npmrc, (v) => FALSY.test(v), out);
    case 'yarnrcYml':
      return keyValue(doc, YARNRC_YML, CFG.yarnrcYml, (v) => FALSY.test(v), out);
    case 'pip':
      return keyValue(doc, PIP, CFG.pip, (v) => v !== '', out);
    case 'git':
      return gitconfig(doc, out);
    case 'curlrc':
      return keyValue(doc, CURLRC, CFG.curlrc, (v) => v === '' || TRUTHY.test(v), out);
    case 'wgetrc':
      return keyValue(doc, WGETRC, CFG.wgetrc, (v) => FALSY.test(v), out);
    case 'condarc':
      return keyValue(doc, CONDARC, CFG.condarc, (v) => FALSY.test(v), out);
    case 'vscode':
      return vscodeSettings(doc, path, out);
    case 'yaml':
      kafkaSettings(doc, true, out);
      return yamlFile(doc, out);
    case 'gemrc':
      return gemrc(doc, out);
    case 'toml':
    case 'ini':
      return keyValue(doc, TOML_SKIP, CFG.skipVerify, skipValue, out, SKIP_KEYS);
    case 'properties':
      kafkaSettings(doc, false, out);
      return keyValue(doc, PROPERTIES_SKIP, CFG.skipVerify, skipValue, out, SKIP_KEYS);
    case 'hcl': {
      const code = blankHclComments(doc.text);
      hclKubelet(doc, code, out);
      hclKubeArgs(doc, code, out);
      return keyValue({ ...doc, text: code }, TF, CFG.terraform, () => true, out);
    }
  }
}

/** Config files of package managers, git, curl, wget, VS Code, Kubernetes, Ansible, Terraform and friends. */
export const configFamily: RuleFamily = defineFamily({
  id: 'config',
  prefilter: PREFILTER,
  rules: CFG,
  notes: NOTES.text,
  appliesTo: (path, languageId) => formatOf(path, languageId) !== undefined,
  scan(text, path, languageId) {
    const format = formatOf(path, languageId);
    if (!format || !PREFILTER.test(text)) return [];
    const out: Finding[] = [];
    const doc = docOf(text);
    scanFormat(doc, format, path, out);
    // Findings carry the file's own text (not the comment-blanked copy used for HCL).
    return out.map((f) => ({ ...f, value: sliceRange(doc, f) }));
  },
});

function sliceRange(doc: Doc, f: Finding): string {
  const start = doc.lineStarts[f.range.start.line] + f.range.start.character;
  const end = doc.lineStarts[f.range.end.line] + f.range.end.character;
  return doc.text.slice(start, end);
}
