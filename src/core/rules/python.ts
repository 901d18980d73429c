// Python: requests, httpx, aiohttp, urllib3 and the ssl module, plus the environment variables that switch
// verification off for every client in the process. Matches client APIs, not bare keywords: `model.fit(verify=False)`
// is not a finding.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import {
  Call,
  calleeStart,
  gate,
  present,
  enclosingCall,
  enclosingOpen,
  eachCodeMatch,
  finding,
  groupEnd,
  groupStart,
  lineAt,
  matchingClose,
  pushMatches,
  rangeOf,
  statementAt,
  withLiterals,
} from './match';
import {
  Aliases,
  aliasesOf,
  baseTargets,
  CallRule,
  defAt,
  dictFindings,
  falseBindings,
  falseConstant,
  isMonkeypatch,
  parameterScope,
  partialTarget,
  unalias,
  functionStartAt,
  wrapperDefault,
  WrapperUse,
} from './python-flow';
import {
  atSink,
  countReaches,
  escapeRe,
  MAX_FOLLOWED,
  namingValue,
  ObjectFlow,
  objectSinks,
  Sink,
  sinksOf,
  stringSinks,
  throughMessage,
} from './flow';
import { dropExpectedFailuresPython } from './expect-failure';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily, RuleMeta } from './types';
import { PY } from './catalog/python';
import { ENV } from './catalog/env';
import { CFG } from './catalog/config';
import { mongoUriParameters } from './mongo-uri';

/**
 * Text every finding needs, tested on the raw text (comments included), so it is a superset of what the matchers see
 * after lexing: a flag set to False (a comment may sit between `=` and the value inside parentheses), CERT_NONE, an
 * unverified or overridden context, or one of the environment variables. Most files that merely mention ssl fail it.
 */
const GAP = String.raw`(?:\s|#[^\n]*\n)*`;
const PREFILTER = new RegExp(
  String.raw`(?:verify|verify_certs|ssl|check_hostname|assert_hostname)(?:${GAP}=|["']?\]?\s*[=:,]|\s*:[^=\n]{1,30}=)${GAP}(?:False\b|0\b|[A-Z_][A-Z0-9_]*\b(?![.(]))|CERT_NONE|_create_unverified_context|_create_default_https_context|PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|GIT_SSL_NO_VERIFY|PROTOCOL_(?:TLSv1\b|TLSv1_1|SSLv)|TLSVersion\.(?:TLSv1\b|TLSv1_1|SSLv3)|(?:tlsAllowInvalid(?:Certificates|Hostnames)|tlsInsecure)\s*=\s*[Tt]rue|enable\.ssl\.certificate\.verification["']\s*:\s*(?:False|["']false)|ssl\.endpoint\.identification\.algorithm["']\s*:\s*["'](?:none)?["']|validate_cert\s*=\s*False|insecure-skip-tls-verify["']?\s*:\s*["']?(?:[tT]rue|yes|on)\b|ssl_cert_reqs["']?\s*[=:]\s*(?:None\b|["']?(?:none|CERT_NONE)\b)|disable_ssl_certificate_validation\s*=\s*True|server_cert_validation\s*=|SSL_VERIFY(?:PEER|HOST)\s*,\s*(?:0|False)\b|tls_insecure_set\s*\(\s*(?:True|1)\s*\)|(?:^|\n)[A-Z][A-Z0-9_]*VERIFY\w*[ \t]*(?::[ \t]*bool[ \t]*)?=[ \t]*False|disableSslCertValidation\s*=\s*True|SmartConnectNoSSL\s*\(|VERIFY[A-Z_]*[ \t]*=[ \t]*(?:False|0)\b|ssl_check_hostname=(?:false|0)\b|OPT_X_TLS_REQUIRE_CERT|ssl_verify_cert["']?\s*[=:]\s*(?:False|false|0)\b`,
);
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'send', 'stream']);
const HTTPX_CLASSES = new Set(['Client', 'AsyncClient', 'HTTPTransport', 'AsyncHTTPTransport']);
const AIOHTTP_CALLS = new Set([...VERBS, 'ws_connect', '_request', 'TCPConnector', 'ClientSession']);
/** Home Assistant's helpers (homeassistant.helpers.aiohttp_client) that hand out an aiohttp ClientSession. */
const HA_SESSIONS = /^async_(?:get|create)_clientsession$/;

/** Keyword arguments that switch verification off: `verify=False`, `verify=0`, `ssl=False`, `verify_ssl=False`, `cert_reqs=CERT_NONE`. */
// These regexes start with the keyword itself rather than a look-behind or `\b` (which stop V8 from skipping ahead
// to candidate positions); `notAttribute` rejects what the look-behind used to: `.verify=`, `my_verify=`.
const KWARG = withLiterals(
  /(?:(verify|verify_ssl|ssl)(?:\s*:\s*(?:bool|Optional\[bool\]|bool\s*\|\s*None))?\s*=\s*False\b|(cert_reqs)\s*=\s*(?:(['"])CERT_NONE\3|(?:ssl\.)?(?:VerifyMode\.)?CERT_NONE\b)|(verify)\s*=\s*0(?![\w.]))/dg,
  ['verify', 'ssl', 'cert_reqs'],
);
/** The same keywords given a name (`verify=VERIFY`): followed to a same-file constant. */
const KWARG_NAME = withLiterals(/(verify|verify_ssl|ssl)\s*=\s*([A-Za-z_]\w*)\b(?!\s*[.([])/dg, ['verify', 'ssl']);
const notAttribute = (lx: Lexed, at: number) => !/[\w.]/.test(lx.code[at - 1] ?? '');
const SPREAD = /\*\*([A-Za-z_]\w*)\b/g;
/** What a dict spread with `**` must contain somewhere in the file to switch verification off (cheap tests first). */
// Regexes first: each starts with `verify` (rare `v`: the engine skips ahead to it; the second looks behind for the
// `dict(`/`update(` it sits in), while the `includes` tests have 7-character needles (slower than the regexes) and
// run only when a regex passed. The tests are kept as they were: `"verify_ssl":` alone or `dict (` alone do not count.
function dictSetsVerify(code: string): boolean {
  return (
    (/verify(?:_ssl)?["']\s*[:\],]/.test(code) && (code.includes('verify"') || code.includes("verify'"))) ||
    (/\bverify(?:_ssl)?\s*=(?<=(?:dict|update)\s*\([^)]*)/.test(code) &&
      (code.includes('dict(') || code.includes('update(')))
  );
}
const ATTRIBUTE = withLiterals(
  /\.(?:(verify)\s*=\s*False\b|(verify_mode)\s*=\s*(?:ssl\.)?(?:VerifyMode\.)?CERT_NONE\b|(check_hostname)\s*=\s*False\b)/dg,
  ['verify', 'check_hostname'],
  1,
);
/** SSL options passed as a dict (websocket-client `sslopt`, tornado `ssl_options`). */
const SSLOPT =
  /(?:(cert_reqs)(["'])\s*(:|\]\s*=(?!=))\s*(?:(["'])CERT_NONE\4|(?:ssl\.)?(?:VerifyMode\.)?CERT_NONE\b)|(check_hostname)(["'])\s*:\s*False\b)/dg;
const ASSERT_HOSTNAME = /(\.)?\b(?:ssl_)?assert_hostname\s*=(?!=)\s*False\b/g;
const UNVERIFIED = withLiterals(
  /(?<![\w])(?:ssl\.)?_create_unverified_context\b(\s*\(\s*\))?/dg,
  ['_create_unverified_context'],
  4,
);
const OVERRIDE = withLiterals(
  /(?<![\w.])(?:ssl\.)?_create_default_https_context\s*=(?!=)\s*([\w.]+)/dg,
  ['_create_default_https_context'],
  4,
);
const ENV_KEY =
  /(['"])(PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|GIT_SSL_NO_VERIFY)\1|(?<![\w.])(PYTHONHTTPSVERIFY|CURL_CA_BUNDLE|GIT_SSL_NO_VERIFY)\s*=\s*(?=['"0])/dg;
const PROTOCOL = withLiterals(/(?<![\w])(?:ssl\.)?PROTOCOL_(?:TLSv1(?:_1)?|SSLv[23])\b/g, ['PROTOCOL_'], 4);
const TLS_VERSION = withLiterals(
  /\.(?:minimum|maximum)_version\s*=(?!=)\s*(?:ssl\.)?TLSVersion\.(?:TLSv1(?:_1)?|SSLv3)\b/g,
  ['_version'],
  8,
);
const DISABLE_WARNINGS = /\burllib3\.disable_warnings\s*\(/g;
/** Receivers whose `get`/`delete`/… are not HTTP: `cache.get(key, verify=False)`, `self.config.get(…)`. */
const NON_HTTP_RECEIVER =
  /(?:^|_)(?:cache|caches|redis|memcache|memcached|config|conf|cfg|settings|environ|registry|queue|store|storage|db|kv|dict|map|kwargs|params|options|opts|headers|cookies|data|meta|metadata|state)$/i;

/** Client classes whose `verify` keyword is requests' own: named for a client, an API or a transport, or a known one. */
const CLIENT_CLASS =
  /^(?:[A-Z]\w*(?:Client|API|Api|Transport|Connection|Connector)|Consul|Github|Gitlab|GitLab|Jenkins|Jira|JIRA|Confluence|Redmine)$/;

/** Functions of a client module that build one: `get_client`, `create_client`, `connect` (called on the module). */
const CLIENT_FACTORY = /^(?:get_client|create_client|connect)$/;

/** boto3 / botocore client factories (`boto3.client("s3", verify=False)`, `session.resource(…)`): requests has none. */
const SDK_FACTORY = /^(?:client|resource)$/;
/** SDK keywords: Elasticsearch / OpenSearch `verify_certs=False`, pymongo `tlsAllowInvalidCertificates=True`. */
const SDK_KWARG = withLiterals(
  /(verify_certs|ssl_verify)(?:\s*:\s*bool)?\s*=\s*False\b|(tlsAllowInvalidCertificates|tlsAllowInvalidHostnames|tlsInsecure)\s*=\s*True\b/dg,
  ['verify_certs', 'ssl_verify', 'tlsAllowInvalid', 'tlsInsecure'],
);
/** tornado (and pyspider) `validate_cert=False`, httplib2 `disable_ssl_certificate_validation=True` (keyword or attribute). */
const OTHER_KWARG = /(validate_cert)\s*=(?!=)\s*False\b|(disable_ssl_certificate_validation)\s*=(?!=)\s*True\b/dg;
/**
 * redis-py / Celery `ssl_cert_reqs` set to None, "none", "CERT_NONE" or ssl.CERT_NONE: as a keyword
 * (`redis.Redis(ssl=True, ssl_cert_reqs=None)`), a dict key (`broker_use_ssl = {"ssl_cert_reqs": ssl.CERT_NONE}`)
 * or a connection-URL parameter (`rediss://host:6380/0?ssl_cert_reqs=none`). Group 1 is the quote of a key.
 */
const REDIS_CERT_REQS =
  /(?<![\w.])(["']?)ssl_cert_reqs\1\s*(?:=(?!=)|:)\s*(?:None\b|(["'])(?:none|CERT_NONE)\2|(?:ssl\.)?(?:VerifyMode\.)?CERT_NONE\b)|(?<=[?&])ssl_cert_reqs=(?:none|CERT_NONE)\b/dg;
/** redis-py's `ssl_check_hostname=False` in the same three places (keyword, dict key, URL parameter). */
const REDIS_CHECK_HOSTNAME =
  /(?<![\w.])(["']?)ssl_check_hostname\1\s*(?:=(?!=)|:)\s*False\b|(?<=[?&])ssl_check_hostname=(?:false|False|0)\b/dg;
/** PyMySQL / mysql-connector / mysqlclient `ssl_verify_cert=False` in the same three places (keyword, dict key, URL
 * parameter of a SQLAlchemy or DSN string). */
const MYSQL_VERIFY_CERT =
  /(?<![\w.])(["']?)ssl_verify_cert\1\s*(?:=(?!=)|:)\s*(?:False|0)\b|(?<=[?&])ssl_verify_cert=(?:false|False|0)\b/dg;
/** python-ldap `set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)` (or ALLOW, or 0, the value of NEVER), on
 * the module or a connection; ldap3 `Tls(validate=ssl.CERT_NONE)`. */
const LDAP_REQUIRE_CERT =
  /\bset_option\s*\(\s*(?:[\w.]+\.)?OPT_X_TLS_REQUIRE_CERT\s*,\s*(?:(?:[\w.]+\.)?OPT_X_TLS_(?:NEVER|ALLOW)\b|0\b)\s*,?\s*\)|\bTls\s*\((?:[^()]*?,)?\s*validate\s*=\s*(?:ssl\.)?(?:VerifyMode\.)?CERT_NONE\b[^()]*\)/g;
/** A kubeconfig written from code: the YAML line in a string (`"    insecure-skip-tls-verify: true"`) or a dict entry
 * (`{"insecure-skip-tls-verify": True}` before `yaml.dump`). */
const KUBECONFIG_TEXT = /insecure-skip-tls-verify(["']?)\s*:\s*(?:["']?(?:true|yes|on)\b|True\b)/g;
/** pycurl `c.setopt(pycurl.SSL_VERIFYPEER, 0)` / `SSL_VERIFYHOST` (and the proxy's): group 1 is PEER or HOST. */
const PYCURL = /\bsetopt\s*\(\s*(?:pycurl\.)?(?:PROXY_)?SSL_VERIFY(PEER|HOST)\s*,\s*(?:0|False)\s*\)/g;
/** The Kubernetes (and OpenAPI-generated) clients' `configuration.verify_ssl = False`. */
const SDK_ATTRIBUTE = withLiterals(/\.(verify_ssl)\s*=(?!=)\s*False\b/g, ['.verify_ssl']);

/** Python's option dicts: `sslopt = {"cert_reqs": ssl.CERT_NONE}` … `ws.run_forever(sslopt=sslopt)` (flow.ts). */
export const PY_FLOW: ObjectFlow = {
  binding: /(?:^|\n)[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]{1,60})?=[ \t]*$/,
  opens: '{[',
  nested: /[:,[{][ \t\r\n]*$/,
  keyword: String.raw`[A-Za-z_]\w*[ \t]*=(?!=)[ \t]*`,
  literalCall: /\bdict[ \t]*$/,
  spread: '**',
};

/** A connection URL's switch (`redis_url += "?ssl_cert_reqs=none"`): followed from the string to the calls taking it. */
const inUrl = (f: Finding) =>
  f.ruleId === PY.redisCertNone.id ||
  f.ruleId === PY.redisCheckHostname.id ||
  f.ruleId === PY.mysqlVerifyCert.id ||
  (f.ruleId === PY.sdkVerify.id && MONGO_URI_VALUE.test(f.value));
/** The value of a MongoDB URI parameter finding (`tlsInsecure=true`): a keyword's is `tlsInsecure=True`. */
const MONGO_URI_VALUE = /^(?:tls|ssl)\w+=true$/;

/** Which rule a `verify=False` keyword belongs to, from the call that receives it (undefined: not an HTTP client). */
function verifyRule(callee: string, name: string): RuleMeta | undefined {
  if (SDK_FACTORY.test(name)) return PY.sdkVerify;
  if (/^httpx\./.test(callee) || (HTTPX_CLASSES.has(name) && callee === name)) return PY.httpx;
  // `hvac.Client(…)`, `rnet.Client(…)`: another library's client class (httpx's own arrive unaliased as `httpx.…`).
  if (HTTPX_CLASSES.has(name) && !/^requests\./.test(callee)) return PY.sdkVerify;
  // `consul.Consul(verify=False)`, `Github(base_url=…, verify=False)`, gql `RequestsHTTPTransport(url, verify=False)`,
  // `ZabbixAPI(url, verify=False)`: a client class built on requests, named as one.
  if (CLIENT_CLASS.test(name) && callee.endsWith(name)) return PY.sdkVerify;
  // A module's client factory: `clickhouse_connect.get_client(…, verify=False)`, splunklib `client.connect(…)`.
  if (CLIENT_FACTORY.test(name) && callee !== name) return PY.sdkVerify;
  // requests' HTTPAdapter.cert_verify(conn, url, verify, cert): an adapter override passing verify=False up.
  if (name === 'cert_verify') return PY.requests;
  if (!VERBS.has(name)) return undefined;
  const receiver = /(\w+)(?:\(\))?\.\w+$/.exec(callee)?.[1];
  return receiver && NON_HTTP_RECEIVER.test(receiver) ? undefined : PY.requests;
}

/** The rule of keyword `kw` passed to `call`. */
function callRule(call: Pick<Call, 'callee' | 'name'>, kw: string): RuleMeta | undefined {
  if (kw === 'verify') return verifyRule(call.callee, call.name);
  if (kw === 'verify_certs') return PY.sdkVerify;
  if (kw === 'cert_reqs') return PY.certNone;
  // `Jira(url, verify_ssl=False)`, `ProxmoxAPI(host, verify_ssl=False)`, `InfluxDBClient(…)`: a client class's own switch.
  if (kw === 'verify_ssl' && /^[A-Z]/.test(call.name) && !AIOHTTP_CALLS.has(call.name)) return PY.sdkVerify;
  // Home Assistant's `async_get_clientsession(hass, verify_ssl=False)` / `async_create_clientsession(…)`: the shared
  // aiohttp session of an integration, built without verification.
  if (kw === 'verify_ssl' && HA_SESSIONS.test(call.name)) return PY.aiohttp;
  return AIOHTTP_CALLS.has(call.name) ? PY.aiohttp : undefined;
}

/**
 * The rule of keyword `kw` at `call`, seen through what the call stands for: the callable of a `partial`, the base
 * class of a `super().__init__(…)` (a subclass of `httpx.AsyncClient` passing `verify=False` up), import aliases and
 * names holding a saved HTTP method.
 */
function ruleFor(lx: Lexed, aliases: Aliases, call: Pick<Call, 'callee' | 'name'>, kw: string): RuleMeta | undefined {
  if (!('open' in call)) return callRule(unalias(call, aliases), kw);
  const full = call as Call;
  const partial = partialTarget(lx, full);
  if (partial) return callRule(unalias(partial, aliases), kw);
  const bases = baseTargets(lx, full);
  if (bases) {
    for (const b of bases) {
      const r = callRule(unalias(b, aliases), kw);
      if (r) return r;
    }
    return undefined;
  }
  // Saved methods last: reading them is a pass over the file, which a call that already has a rule (`cert_reqs=…`
  // has one whatever its callee) or a dotted callee never needs.
  return callRule(unalias(call, aliases, false), kw) ?? callRule(unalias(call, aliases), kw);
}

const isDef = (lx: Lexed, call: Call) => /\bdef\s+\w+\s*$/.test(lx.code.slice(Math.max(0, call.start - 12), call.open));
/** unittest.mock's argument checks (`mock_es.assert_called_once_with(verify_certs=False)`, `call(…)` in
 * `assert_has_calls`): they state what the code under test passed; no client is built there. */
const MOCK_CHECK = /^assert_(?:any_|has_|not_)?call(?:ed|s)?(?:_once)?(?:_with)?$|^(?:(?:unittest\.)?mock\.)?call$/;
const isMockCheck = (call: Call) => MOCK_CHECK.test(call.name === 'call' ? call.callee : call.name);

/**
 * The end of a call opened before the text began (an excerpt, a diff hunk: `    verify_certs=False,\n  )`), for a
 * keyword at `at` in argument position (after a `,` or at the text's start): the first closing bracket at depth 0
 * after it when that is a `)`, or the text's end when the excerpt stops inside the call too. Undefined when a `]` or
 * `}` comes first (a list or dict, not a call) or the keyword is not an argument.
 */
function cutCallEnd(lx: Lexed, at: number): number | undefined {
  const s = lx.code;
  const before = s.slice(Math.max(0, at - 200), at).trimEnd();
  if (before !== '' && !before.endsWith(',')) return undefined;
  let depth = 0;
  // Bounded (a call's arguments, not the file): a file of such lines must not cost a pass over the rest for each.
  const stop = Math.min(s.length, at + CUT_CALL_REACH);
  for (let i = at; i < stop; i++) {
    if (lx.kinds[i] !== Kind.Code) continue;
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return c === ')' ? i + 1 : undefined;
      depth--;
    }
  }
  return stop === s.length ? s.trimEnd().length : undefined;
}
const CUT_CALL_REACH = 4000;

function kwargFindings(lx: Lexed, aliases: Aliases, out: Finding[]): void {
  const ruleOf: CallRule = (call, kw) => ruleFor(lx, aliases, call, kw);
  eachCodeMatch(lx, KWARG, (m) => {
    if (!notAttribute(lx, m.index)) return;
    const call = enclosingCall(lx, m.index);
    if (!call) return;
    const kw = m[1] ?? m[2] ?? m[4];
    // A parameter default counts only when the wrapper hands it to an HTTP call: found there, the default its origin.
    if (isDef(lx, call)) {
      if (kw === 'cert_reqs') return;
      const use = wrapperDefault(lx, call, kw, ruleOf);
      if (use) defaultSinks(lx, m, call, use, out);
      else if (kw === 'verify_ssl' && storedByConstructor(lx, call, kw)) {
        out.push(finding(lx, PY.sdkVerify, m.index, m.index + m[0].length, [call.start, call.end]));
      } else if (kw === 'verify' && storedByConstructor(lx, call, kw) && namesEndpoint(lx, call)) {
        // The same constructor with requests' own keyword, in a file that uses requests or httpx, of a class told
        // where its server is: an API client whose calls pass `verify=self.verify` in methods further on (a
        // `Checker(verify=False)` of one's own, with no server, is not).
        const client = HTTP_MODULE.exec(lx.code)?.[1];
        const r = client === 'httpx' ? PY.httpx : client ? PY.requests : undefined;
        if (r) out.push(finding(lx, r, m.index, m.index + m[0].length, [call.start, call.end]));
      }
      return;
    }
    // `ssl.wrap_socket(sock, server_side=True, cert_reqs=ssl.CERT_NONE)`: a server asking no client certificate.
    if (kw === 'cert_reqs' && /\bserver_side\s*=\s*True\b/.test(lx.code.slice(call.open, call.end))) return;
    const r = ruleOf(call, kw) ?? partialOverHttp(lx, call, kw);
    if (r) out.push(finding(lx, r, m.index, m.index + m[0].length, [call.start, call.end]));
  });
}

/** A parameter that names a server (`host`, `ip`, `base_url`, `endpoint`, `server_address`, `api_root`). */
const ENDPOINT_PARAM =
  /(?:^|[(,_\s])(?:host(?:name)?|ip|url|base|server|endpoint|address|api|uri|domain)(?:_\w+)?\s*(?:[:=,)]|$)/i;

/** The `def` at `call` takes a server's address, or its body builds an `https://` URL. */
function namesEndpoint(lx: Lexed, call: Call): boolean {
  if (ENDPOINT_PARAM.test(lx.code.slice(call.open + 1, call.end - 1))) return true;
  const def = defAt(lx, call);
  return def !== undefined && /https?:\/\//.test(lx.text.slice(def.bodyStart, def.bodyEnd));
}

/** The file imports or uses requests or httpx (group 1 names which): `import requests as r`, `requests.get(`. */
const HTTP_MODULE = /(?:^[ \t]*(?:import|from)[ \t]+|(?<![\w.])(?=(?:requests|httpx)\.\w))(requests|httpx)\b/m;

/**
 * `def __init__(self, host, user, password, verify_ssl=False):` … `self.verify_ssl = verify_ssl`: an API client
 * class of the user's own whose instances skip verification unless told otherwise. Its requests live in methods
 * further on (often another file), so the default itself is the finding.
 */
function storedByConstructor(lx: Lexed, call: Call, kw: string): boolean {
  const def = call.name === '__init__' ? defAt(lx, call) : undefined;
  if (!def) return false;
  const stored = new RegExp(String.raw`^[ \t]*self\.\w+[ \t]*=(?!=)[ \t]*${escapeRe(kw)}[ \t]*$`, 'm');
  return stored.test(lx.code.slice(def.bodyStart, def.bodyEnd));
}

/** A wrapper's default (`def get(url, verify=False)`) reported at each place the body passes it on. */
function defaultSinks(lx: Lexed, m: RegExpExecArray, def: Call, use: WrapperUse | undefined, out: Finding[]): void {
  if (!use) return;
  const value = finding(lx, use.rule, m.index, m.index + m[0].length, [def.start, def.end]);
  const param = /^\w+/.exec(m[0])![0];
  for (const [start, end, cs, ce] of use.sinks) {
    out.push(
      atSink(lx, value, start, end, [cs, ce], throughMessage(use.rule.title, `${param}'s default`, value.range)),
    );
  }
}

const HTTP_METHOD = String.raw`(?:get|post|put|patch|delete|head|options|request|send)`;

/**
 * A partial of a callable that is not recognisably HTTP, which still stands for an HTTP method: installed over one
 * (`session.request = partialmethod(original, verify=False)`, `requests.get = partial(_get, verify=False)`), or of a
 * name bound to one (`_request = requests.Session.request` … `partial(_request, verify=False)`).
 */
function partialOverHttp(lx: Lexed, call: Call, kw: string): RuleMeta | undefined {
  if (kw !== 'verify' || (call.name !== 'partial' && call.name !== 'partialmethod')) return undefined;
  const before = lx.code.slice(Math.max(0, call.start - 120), call.start);
  if (new RegExp(String.raw`\.\s*${HTTP_METHOD}\s*=(?!=)\s*$`).test(before)) return PY.requests;
  const target = partialTarget(lx, call);
  if (!target || target.callee !== target.name) return undefined;
  const bound = new RegExp(
    String.raw`^[ \t]*${escapeRe(target.name)}[ \t]*=(?!=)[ \t]*[\w.]+\.${HTTP_METHOD}[ \t]*$`,
    'm',
  );
  return bound.test(lx.code) ? PY.requests : undefined;
}

/** `def merge_environment_settings(self, url, proxies, stream, verify, cert)` overrides of requests.Session (or their
 * replacements, `Session.merge_environment_settings = no_verify_merge`): the SO idiom that forces verify off. */
const MERGE_DEF = /^([ \t]*)def[ \t]+(\w*merge_environment_settings\w*)[ \t]*\(/gm;
/** `verify = False` or `settings['verify'] = False` as a statement of its own. */
const MERGE_FORCE = /^([ \t]*)(?:(verify)|\w+\[\s*(["'])verify\3\s*\])[ \t]*=(?!=)[ \t]*(?:False\b|0(?![\w.]))/dgm;

/**
 * In such an override, an unconditional `verify = False` (at the body's own indentation; one nested under an `if`
 * keeps the caller's choice, as `if self.verify is False: verify = False` does) turns verification off for every
 * request of the session.
 */
function mergeOverrideFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, MERGE_DEF, (m) => {
    const header = matchingClose(lx, m.index + m[0].length - 1);
    const bodyStart = lx.code.indexOf('\n', header);
    if (bodyStart < 0) return;
    const first = /\n([ \t]+)\S/.exec(lx.code.slice(bodyStart, bodyStart + 2000));
    if (!first || first[1].length <= m[1].length) return;
    const indent = first[1];
    MERGE_FORCE.lastIndex = bodyStart;
    for (let f = MERGE_FORCE.exec(lx.code); f; f = MERGE_FORCE.exec(lx.code)) {
      const lineIndent = f[1];
      // A shallower line before this one ended the def (blank lines do not; comments are blanked in `code`).
      if (lineIndent.length < indent.length || lastCodeIndentBefore(lx, bodyStart, f.index) < indent.length) break;
      if (lineIndent !== indent || lx.kinds[f.index + lineIndent.length] !== Kind.Code) continue;
      const start = f.index + lineIndent.length;
      out.push(finding(lx, PY.requests, start, f.index + f[0].length, lineAt(lx, start)));
    }
  });
}

/** The smallest indentation of a code line in (from, to): below the body's means the def ended before `to`. */
function lastCodeIndentBefore(lx: Lexed, from: number, to: number): number {
  let min = Infinity;
  for (const line of lx.code.slice(from + 1, to).split('\n')) {
    if (line.trim() === '') continue;
    min = Math.min(min, /^[ \t]*/.exec(line)![0].length);
  }
  return min;
}

/** `verify_certs=False` (a call, or a wrapper default passed on), `tlsAllowInvalidCertificates=True`, `.verify_ssl = False`. */
function sdkFindings(lx: Lexed, aliases: Aliases, out: Finding[]): void {
  const ruleOf: CallRule = (call, kw) => ruleFor(lx, aliases, call, kw);
  // An excerpt cuts few calls: the look for a cut call's end is made a few times per file only.
  let cutLooks = 0;
  eachCodeMatch(lx, SDK_KWARG, (m) => {
    if (!notAttribute(lx, m.index)) return;
    const call = enclosingCall(lx, m.index);
    if (!call) {
      // A keyword argument of a call whose opening line is above the text (`verify_certs=False,` … `)`): these
      // keywords belong to client constructors only, so the cut call is one.
      const cut =
        m[1] &&
        ++cutLooks <= MAX_FOLLOWED &&
        /^\s*[,)]/.test(lx.code.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const end = cut ? cutCallEnd(lx, m.index) : undefined;
      if (end !== undefined) out.push(finding(lx, PY.sdkVerify, m.index, m.index + m[0].length, [m.index, end]));
      return;
    }
    if (isMockCheck(call)) return;
    if (isDef(lx, call)) {
      const use = m[1] ? wrapperDefault(lx, call, m[1], ruleOf) : undefined;
      if (use) defaultSinks(lx, m, call, use, out);
      else if (m[1] && storedByConstructor(lx, call, m[1])) {
        out.push(finding(lx, PY.sdkVerify, m.index, m.index + m[0].length, [call.start, call.end]));
      }
      return;
    }
    out.push(finding(lx, PY.sdkVerify, m.index, m.index + m[0].length, [call.start, call.end]));
  });
  if (lx.code.includes('mongo')) mongoUriFindings(lx, out);
  eachCodeMatch(lx, SDK_ATTRIBUTE, (m) => {
    if (enclosingCall(lx, m.index)) return;
    const value = finding(lx, PY.sdkVerify, m.index + 1, m.index + m[0].length, statementAt(lx, m.index + 1));
    const sinks = configurationSinks(lx, m.index);
    if (sinks.length === 0) out.push(value);
    for (const s of sinks) {
      const title = throughMessage(PY.sdkVerify.title, s.name, value.range);
      out.push(atSink(lx, value, s.start, s.end, [s.call.start, s.call.end], title));
    }
  });
}

/** Those parameters inside a string of a file naming MongoDB (`mongodb://`, `pymongo`, `MongoClient`). */
function mongoUriFindings(lx: Lexed, out: Finding[]): void {
  for (const p of mongoUriParameters(lx)) out.push(finding(lx, PY.sdkVerify, p.start, p.end, statementAt(lx, p.start)));
}

/**
 * `configuration.verify_ssl = False` … `ApiClient(configuration)`: the calls after the assignment, in the same
 * function (or both at module level), that take the configuration object as an argument.
 */
function configurationSinks(lx: Lexed, dot: number): (Sink & { name: string })[] {
  const receiver = /([A-Za-z_][\w.]*)$/.exec(lx.code.slice(Math.max(0, dot - 80), dot))?.[1];
  if (!receiver || (receiver.includes('.') && !/^self\.\w+$/.test(receiver))) return [];
  const scope = functionStartAt(lx, dot);
  return sinksOf(lx, receiver, undefined, PY_FLOW, dot)
    .filter((s) => functionStartAt(lx, s.start) === scope)
    .map((s) => ({ ...s, name: receiver }));
}

/** Other clients' keywords: tornado `validate_cert=False`, httplib2 `disable_ssl_certificate_validation=True` (a call's
 * keyword, or the attribute set on an `Http` object; a parameter default of a `def` is not a finding), and pycurl. */
function otherClientFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, OTHER_KWARG, (m) => {
    const attribute = lx.code[m.index - 1] === '.';
    if (!attribute && !notAttribute(lx, m.index)) return;
    const call = attribute ? undefined : enclosingCall(lx, m.index);
    if (!attribute && (!call || isDef(lx, call))) return;
    const r = m[1] ? PY.validateCert : PY.httplib2;
    out.push(finding(lx, r, m.index, m.index + m[0].length, call ? [call.start, call.end] : statementAt(lx, m.index)));
  });
  if (lx.code.includes('ssl_cert_reqs')) redisFindings(lx, out);
  if (lx.code.includes('ssl_check_hostname')) redisFindings(lx, out, REDIS_CHECK_HOSTNAME, PY.redisCheckHostname);
  if (lx.code.includes('ssl_verify_cert')) redisFindings(lx, out, MYSQL_VERIFY_CERT, PY.mysqlVerifyCert);
  if (lx.code.includes('server_cert_validation')) winrmFindings(lx, out);
  if (lx.code.includes('.identification.') || lx.code.includes('certificate.verification')) librdkafkaFindings(lx, out);
  if (lx.code.includes('OPT_X_TLS_REQUIRE_CERT') || lx.code.includes('Tls(')) {
    pushMatches(lx, LDAP_REQUIRE_CERT, PY.ldapRequireCertNever, out);
  }
  pushMatches(lx, PAHO_INSECURE, PY.pahoInsecure, out, 1, 1);
  pushMatches(lx, PYVMOMI, PY.pyvmomiNoVerify, out, 1, 1);
  if (lx.code.includes('insecure-skip-tls-verify')) kubeconfigTextFindings(lx, out);
  eachCodeMatch(lx, PYCURL, (m) => {
    const r = m[1] === 'PEER' ? PY.pycurlPeer : PY.pycurlHost;
    out.push(finding(lx, r, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  });
}

/** confluent-kafka (librdkafka) settings in a config dict: group 1 `enable.ssl.certificate.verification` set False or
 * "false", group 2 `ssl.endpoint.identification.algorithm` set "none" or "". The key's quote is group 3 / 4. */
const LIBRDKAFKA =
  /(["'])(enable\.ssl\.certificate\.verification)\1\s*:\s*(?:False\b|(["'])false\3)|(["'])(ssl\.endpoint\.identification\.algorithm)\4\s*:\s*(["'])(?:none)?\6/dg;

/** `{"enable.ssl.certificate.verification": False}` / `{"ssl.endpoint.identification.algorithm": "none"}` in code. */
function librdkafkaFindings(lx: Lexed, out: Finding[]): void {
  LIBRDKAFKA.lastIndex = 0;
  for (let m = LIBRDKAFKA.exec(lx.code); m; m = LIBRDKAFKA.exec(lx.code)) {
    // The key is a whole string (its quote opens one) and the `:` is code.
    if (lx.kinds[m.index - 1] === Kind.String || lx.kinds[m.index + m[0].indexOf(':')] !== Kind.Code) continue;
    const r = m[2] ? PY.kafkaVerificationOff : CFG.kafkaEndpointIdentification;
    out.push(finding(lx, r, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  }
}

/** paho-mqtt: `client.tls_insecure_set(True)` (group 1). */
const PAHO_INSECURE = /\.\s*(tls_insecure_set\s*\(\s*(?:True|1)\s*\))/dg;
/** pyVmomi: `disableSslCertValidation=True` (a keyword, not a `def` default) and `SmartConnectNoSSL(` (group 1). */
const PYVMOMI = /\b(disableSslCertValidation\s*=\s*True\b|SmartConnectNoSSL)(?=\s*[,)(])/dg;

/** `insecure-skip-tls-verify: true` inside a string, or as a quoted dict key whose value is code `True`. */
function kubeconfigTextFindings(lx: Lexed, out: Finding[]): void {
  KUBECONFIG_TEXT.lastIndex = 0;
  for (let m = KUBECONFIG_TEXT.exec(lx.code); m; m = KUBECONFIG_TEXT.exec(lx.code)) {
    const inString = lx.kinds[m.index] === Kind.String;
    const key = m[1] !== '' && inString && lx.kinds[m.index + m[0].length - 1] === Kind.Code;
    if (!inString || (m[1] !== '' && !key) || (m[1] === '' && !/(?:true|yes|on)$/.test(m[0]))) continue;
    const start = key ? m.index - 1 : m.index; // a dict key is reported with its opening quote
    out.push(finding(lx, PY.kubeconfigText, start, m.index + m[0].length, statementAt(lx, start)));
  }
}

/** `ssl_cert_reqs=None` (a call's keyword, not a `def` default), `"ssl_cert_reqs": ssl.CERT_NONE`, `?ssl_cert_reqs=none`
 * (and, with `re` and `r`, the same three forms of `ssl_check_hostname=False`). */
function redisFindings(lx: Lexed, out: Finding[], re = REDIS_CERT_REQS, r = PY.redisCertNone): void {
  re.lastIndex = 0;
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    const kind = lx.kinds[m.index];
    const inUrl = !m[0].startsWith('"') && !m[0].startsWith("'") && kind === Kind.String;
    if (inUrl) {
      // Only inside a string: a connection URL's query (`?…&ssl_cert_reqs=none`).
      if (!/[?&]$/.test(lx.code[m.index - 1] ?? '')) continue;
    } else if (m[1]) {
      // A dict key: the quote opens a string and the separator is code.
      if (lx.kinds[m.index - 1] === Kind.String || lx.kinds[m.index + m[0].indexOf(':')] !== Kind.Code) continue;
    } else {
      if (kind !== Kind.Code) continue;
      const call = enclosingCall(lx, m.index);
      if (call && isDef(lx, call)) continue;
      // caldav's `DAVClient(url, ssl_verify_cert=False)`: the keyword of another client than a MySQL driver's.
      if (call && r === PY.mysqlVerifyCert && !MYSQL_CALL.test(call.callee)) {
        out.push(finding(lx, PY.sdkVerify, m.index, m.index + m[0].length, statementAt(lx, m.index)));
        continue;
      }
    }
    if (!inUrl && serverOptions(lx, m.index)) continue;
    out.push(finding(lx, r, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  }
}

/** pywinrm's keyword given `'ignore'` or a name (group 2 the quote, 3 the name). */
const WINRM_IGNORE = /(?<![\w.])(server_cert_validation)\s*=(?!=)\s*(?:(["'])ignore\2|([A-Za-z_]\w*)\b(?!\s*[.([]))/dg;

/**
 * `winrm.Session(…, server_cert_validation='ignore')`, or a name bound to `'ignore'` in the file (a constant, a
 * parameter's default: `def __init__(…, validation='ignore')`) passed as the keyword: found at the keyword, the
 * binding related. A `def`'s own default is not a call.
 */
function winrmFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, WINRM_IGNORE, (m) => {
    const call = enclosingCall(lx, m.index);
    if (!call || isDef(lx, call)) return;
    const end = m.index + m[0].length;
    const f = finding(lx, PY.winrmIgnore, m.index, end, statementAt(lx, m.index));
    if (!m[3]) return void out.push(f);
    const binding = new RegExp(`(?<![\\w.])${escapeRe(m[3])}\\s*(?::[^=\\n,)]{1,30})?=(?!=)\\s*(["'])ignore\\1`, 'g');
    const b = [...lx.code.matchAll(binding)].find((x) => lx.kinds[x.index] === Kind.Code);
    if (b) out.push(namingValue(lx, f, b.index, b.index + b[0].length));
  });
}

/** The MySQL drivers' connect calls: `pymysql.connect`, `mysql.connector.connect`, `MySQLdb.connect`, `aiomysql.create_pool`. */
const MYSQL_CALL = /mysql|MySQL|connector|\bconnect$|Connection$|create_engine$|create_pool$|Pool$/;

/** A server's certificate and key given a value (not `None`): `"ssl_certfile": cert_file`, `ssl_keyfile=key`. */
const SERVER_PAIR = /\bssl_certfile["']?\s*[:=]\s*(?!None\b)[\w"'(]/;
const SERVER_KEY = /\bssl_keyfile["']?\s*[:=]\s*(?!None\b)[\w"'(]/;

/**
 * The dict or call around `at` configures a TLS server (uvicorn, hypercorn): `ssl_version=PROTOCOL_TLS_SERVER`, a
 * `uvicorn.run(…)` / `uvicorn.Config(…)`, or, in a file naming such a server, a dict holding its certificate and key.
 * There `ssl_cert_reqs=CERT_NONE` only says the server asks no client certificate: nothing goes unverified.
 */
function serverOptions(lx: Lexed, at: number): boolean {
  const open = enclosingOpen(lx, at, '{(', 4000);
  if (open < 0) return false;
  const body = lx.code.slice(open, matchingClose(lx, open));
  if (body.includes('PROTOCOL_TLS_SERVER')) return true;
  const call = lx.code[open] === '(' ? enclosingCall(lx, open + 1) : undefined;
  if (call && /^(?:uvicorn|hypercorn)\.(?:run|Config)$/.test(call.callee)) return true;
  // A dict only: a call names its client (`redis.Redis(…, ssl_certfile=…, ssl_keyfile=…)` is one with a client certificate).
  return !call && /\b(?:uvicorn|hypercorn)\b/i.test(lx.text) && SERVER_PAIR.test(body) && SERVER_KEY.test(body);
}

/**
 * `verify=VERIFY` where `VERIFY = False` (a module constant or a local variable) in the same file: a finding at each
 * call's keyword, with the constant as its origin (the fix rewrites the constant once for every call).
 */
function constantFindings(lx: Lexed, aliases: Aliases, out: Finding[]): void {
  // Only names bound to False/0 at the start of some line can qualify: one pass finds them, so a file full of
  // `ssl=context` keywords never looks up an enclosing call for each.
  let candidates: Set<string> | undefined;
  eachCodeMatch(lx, KWARG_NAME, (m) => {
    if (!notAttribute(lx, m.index) || /^(?:True|False|None)$/.test(m[2])) return;
    candidates ??= falseBindings(lx.code);
    if (!candidates.has(m[2])) return;
    const call = enclosingCall(lx, m.index);
    if (!call || isDef(lx, call)) return;
    const r = ruleFor(lx, aliases, call, m[1]);
    const c = r && falseConstant(lx, m[2]);
    if (!r || !c) return;
    const value = finding(lx, r, c.start, c.end, lineAt(lx, c.start));
    const sink = [m.index, m.index + m[0].length] as const;
    out.push(atSink(lx, value, ...sink, [call.start, call.end], throughMessage(r.title, m[2], value.range)));
  });
}

/** A module setting named for verification: `API_VERIFY_SSL`, `SSL_VERIFY`, `VERIFY_CERTS`, `HTTPS_VERIFY`. */
const SWITCH_NAME = /^[A-Z][A-Z0-9_]*$/;
/** Literal-first: the file holds such a setting at all (a pass over the bindings otherwise costs every file), with
 * or without a `: bool` annotation. */
const EXPORTED_SWITCH = /VERIFY[A-Z0-9_]*[ \t]*(?::[ \t]*bool[ \t]*)?=[ \t]*(?:False|0)\b/;
const SWITCH_WORDS = /(?:SSL|TLS|CERTS?|HTTPS)_?VERIFY|VERIFY_?(?:SSL|TLS|CERTS?|HTTPS)/;

/**
 * `SCENESCAPE_API_VERIFY_SSL = False` (or `: bool = False`, or `= 0`) at module level, named for verification
 * (`VERIFY_SSL`, `SSL_VERIFY`, `SSLVERIFY`, `VERIFY_CERTS`, `TLS_VERIFY`, `HTTPS_VERIFY`… anywhere in the name) and
 * used nowhere else in the file (an attribute `settings.X_VERIFY_SSL` is another module's name): a setting exported
 * to the modules that make the calls, so it reaches no call seen here and is found on the value (issue 18's sink
 * rule). A name that is used in the file is left to its uses (a call's keyword is a sink above). This one check
 * replaces two that overlapped (the data-flow work's and the rules work's, whose regex only knew names ending in one
 * of seven words, `False` only, and ran on every file saying VERIFY); the dedupe used to hide the double finding.
 */
function exportedSwitches(lx: Lexed, out: Finding[]): void {
  for (const name of falseBindings(lx.code)) {
    if (!SWITCH_NAME.test(name) || !SWITCH_WORDS.test(name)) continue;
    const c = falseConstant(lx, name);
    if (!c || (c.start > 0 && lx.code[c.start - 1] !== '\n')) continue;
    const uses = lx.code.match(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g'))?.length ?? 0;
    if (uses !== 1) continue;
    const title = `${PY.sdkVerify.title} (${name}, a module setting read elsewhere)`;
    out.push(finding(lx, PY.sdkVerify, c.start, c.end, lineAt(lx, c.start), title));
  }
}

/** `"verify": False` as a dict entry (group 1: the key's quote). */
const OPTIONS_VERIFY = /(["'])verify\1\s*:\s*(?:False\b|0(?![\w.]))/g;
/** The clients that take requests' switch in an `options={…}` dict: the jira library's `JIRA(server, options={…})`. */
const OPTIONS_CLIENT = /^(?:JIRA|Jira)$/;

/**
 * `JIRA(options={"server": url, "verify": False})`, or the dict bound to a name and passed as `options=options`: the
 * entry is the finding, moved to the call when the dict is named (objectSinks). A `"verify": False` in a dict no
 * such client takes (`scrapy.Request(meta={…})`) is not read.
 */
function clientOptionsFindings(lx: Lexed, out: Finding[]): void {
  OPTIONS_VERIFY.lastIndex = 0;
  for (let m = OPTIONS_VERIFY.exec(lx.code); m; m = OPTIONS_VERIFY.exec(lx.code)) {
    if (lx.kinds[m.index] !== Kind.String || lx.kinds[m.index - 1] === Kind.String) continue;
    if (lx.kinds[m.index + m[0].indexOf(':')] !== Kind.Code) continue;
    const open = enclosingOpen(lx, m.index, '{', 4000);
    if (open < 0) continue;
    const before = lx.code.slice(Math.max(0, open - 80), open);
    const inline = /\boptions\s*=\s*$/.test(before) ? enclosingCall(lx, open) : undefined;
    const named = /(?:^|\n)[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*$/.exec(before)?.[1];
    const taken =
      inline !== undefined
        ? OPTIONS_CLIENT.test(inline.name)
        : named !== undefined &&
          new RegExp(String.raw`\b(?:JIRA|Jira)\s*\([^)]*\boptions\s*=\s*${escapeRe(named)}\b`).test(lx.code);
    if (!taken) continue;
    out.push(finding(lx, PY.sdkVerify, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  }
}

/** `LDAP_REQUIRE_CERT = ssl.CERT_NONE` at module level (group 1 the name, group 2 the value). */
const CERT_NONE_SETTING = /^([A-Z][A-Z0-9_]*)[ \t]*=(?!=)[ \t]*((?:ssl\.)?(?:VerifyMode\.)?CERT_NONE)\b/gm;
/** Names of a client's certificate requirement; a server's (`SERVER_CERT_REQS`, `CLIENT_AUTH`) asks for client certificates. */
const CERT_SETTING_NAME = /CERT|VERIFY|REQ/;
const SERVER_SETTING_NAME = /SERVER|LISTEN|CLIENT_AUTH|CLIENT_CERT/;

/**
 * A settings module's `LDAP_REQUIRE_CERT = ssl.CERT_NONE` (Django-style settings read by another module): named for a
 * certificate requirement and used nowhere else in the file, so it reaches no call seen here and is found on the
 * value, as `exportedSwitches` does for `VERIFY_SSL = False`. Passed here as `cert_reqs=NAME` it is found at that call.
 */
function certNoneSettings(lx: Lexed, aliases: Aliases, out: Finding[]): void {
  eachCodeMatch(lx, CERT_NONE_SETTING, (m) => {
    const name = m[1];
    if (!CERT_SETTING_NAME.test(name) || SERVER_SETTING_NAME.test(name)) return;
    const start = m.index;
    const end = m.index + m[0].length;
    const rule = name.includes('LDAP') ? PY.ldapRequireCertNever : PY.certNone;
    const uses = [...lx.code.matchAll(new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g'))].filter(
      (u) => lx.kinds[u.index] === Kind.Code,
    );
    if (uses.length === 1) {
      out.push(
        finding(lx, rule, start, end, lineAt(lx, start), `${rule.title} (${name}, a module setting read elsewhere)`),
      );
      return;
    }
    const value = finding(lx, PY.certNone, start, end, lineAt(lx, start));
    for (const u of uses) {
      const kw = /cert_reqs[ \t]*=[ \t]*$/.exec(lx.code.slice(Math.max(0, u.index - 30), u.index));
      const call = kw ? enclosingCall(lx, u.index) : undefined;
      if (!kw || !call || isDef(lx, call) || !ruleFor(lx, aliases, call, 'cert_reqs')) continue;
      const at = u.index - kw[0].length;
      const title = throughMessage(PY.certNone.title, name, value.range);
      out.push(atSink(lx, value, at, u.index + name.length, [call.start, call.end], title));
    }
  });
}

/** `**opts` spread into an HTTP call (or inside a wrapper of one): where `opts` gets `"verify": False`. */
function spreadFindings(lx: Lexed, aliases: Aliases, out: Finding[]): void {
  const done = new Map<string, Finding[]>();
  let defs: { at: number; name: string }[] | undefined;
  const patched = new Map<string, boolean>();
  const isWrapper = (name: string) =>
    VERBS.has(name) || (patched.get(name) ?? patched.set(name, isMonkeypatch(lx, name)).get(name)!);
  eachCodeMatch(lx, SPREAD, (m) => {
    const call = enclosingCall(lx, m.index);
    if (!call || isDef(lx, call)) return;
    defs ??= [...lx.code.matchAll(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/gm)].map((d) => ({
      at: d.index!,
      name: d[1],
    }));
    const r =
      ruleFor(lx, aliases, call, 'verify') ?? (insideHttpWrapper(defs, m.index, isWrapper) ? PY.requests : undefined);
    if (!r) return;
    // A parameter (`**kwargs`) is read in its own function only; other names (module dicts) in the whole file, once.
    const scope = parameterScope(lx, m.index, m[1]);
    let values = scope ? undefined : done.get(m[1]);
    if (!values) {
      values = [];
      dictFindings(lx, m[1], r, [call.start, call.end], values, scope);
      if (!scope) done.set(m[1], values);
    }
    // Found at the spread, one per call, each value the origin of its own finding.
    for (const v of values) {
      const sink = atSink(lx, v, m.index, m.index + m[0].length, [call.start, call.end], '');
      out.push({ ...sink, ruleId: r.id, severity: r.severity, message: throughMessage(r.title, m[1], v.range) });
    }
  });
}

/** `kw["verify"] = False`, `kwargs.setdefault("verify", False)`, `kw.update(verify=False)` as a statement (group 1 the dict). */
const FORCED_KEYWORD =
  /^[ \t]*([A-Za-z_]\w*)[ \t]*(?:\[[ \t]*(["'])verify\2[ \t]*\][ \t]*=(?!=)[ \t]*(?:False\b|0(?![\w.]))|\.setdefault\([ \t]*(["'])verify\3[ \t]*,[ \t]*(?:False\b|0(?![\w.]))[ \t]*\)|\.update\([ \t]*verify[ \t]*=[ \t]*(?:False\b|0(?![\w.]))[ \t]*\))/gm;

/**
 * A function taking `**kw` that forces `kw["verify"] = False` and hands `kw` on nowhere in the text (an excerpt cut
 * before the `return original(self, *a, **kw)` of a patched `Session.request`), in a file using requests or httpx:
 * the forced keyword is the finding. With the spread in view, `spreadFindings` reports it at the call (or, for a
 * call that is not HTTP, stays quiet).
 */
function forcedKeywordFindings(lx: Lexed, out: Finding[]): void {
  const client = HTTP_MODULE.exec(lx.code)?.[1];
  if (!client) return;
  eachCodeMatch(lx, FORCED_KEYWORD, (m) => {
    const name = m[1];
    const start = m.index + m[0].indexOf(name);
    const scope = parameterScope(lx, start, name);
    if (!scope) return;
    const header = lx.code.slice(scope[0], start);
    const spread = String.raw`\*\*${escapeRe(name)}\b`;
    // The parameter itself is one `**kw`; another is a use of the dict.
    const before = header.match(new RegExp(spread, 'g'))?.length ?? 0;
    if (before !== 1 || new RegExp(spread).test(lx.code.slice(start, scope[1]))) return;
    const r = client === 'httpx' ? PY.httpx : PY.requests;
    out.push(finding(lx, r, start, m.index + m[0].length, statementAt(lx, start)));
  });
}

/** True when `offset` is in a function that overrides or replaces an HTTP method (`def request(self, …)`, monkeypatch). */
function insideHttpWrapper(
  defs: readonly { at: number; name: string }[],
  offset: number,
  isWrapper: (name: string) => boolean,
): boolean {
  let lo = 0;
  let hi = defs.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (defs[mid].at < offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last >= 0 && isWrapper(defs[last].name);
}

/** `sslopt={"cert_reqs": ssl.CERT_NONE}`, `{"check_hostname": False}`, `kw["cert_reqs"] = "CERT_NONE"` and urllib3
 * `assert_hostname=False`. */
function optionFindings(lx: Lexed, out: Finding[]): void {
  SSLOPT.lastIndex = 0;
  for (let m = SSLOPT.exec(lx.code); m; m = SSLOPT.exec(lx.code)) {
    // The key must be a whole string literal: its opening quote (just before) starts a string, its closing quote matches.
    const start = m.index - 1;
    const sep = m.index + m[0].search(/[:\]]/);
    if (
      lx.code[start] !== (m[2] ?? m[6]) ||
      lx.kinds[start] !== Kind.String ||
      lx.kinds[start - 1] === Kind.String ||
      lx.kinds[sep] !== Kind.Code
    ) {
      continue;
    }
    if (m[3] && m[3] !== ':') {
      // `manager_kwargs["cert_reqs"] = "CERT_NONE"`: a urllib3 keyword dict filled item by item (no other library
      // reads that key); reported from the dict's name, as the statement it is.
      const item = calleeStart(lx, lx.code.lastIndexOf('[', start));
      out.push(finding(lx, PY.certNone, item, m.index + m[0].length, statementAt(lx, item)));
      continue;
    }
    // tornado's `HTTPServer(app, ssl_options={…, "cert_reqs": ssl.CERT_NONE})`: the server's own options.
    if (m[1] && SERVER_CALL.test(enclosingCall(lx, Math.max(0, enclosingOpen(lx, start, '{', 4000)))?.name ?? '')) {
      continue;
    }
    out.push(
      finding(lx, m[1] ? PY.sslOptions : PY.checkHostname, start, m.index + m[0].length, statementAt(lx, start)),
    );
  }
  if (!lx.code.includes('assert_hostname')) return;
  eachCodeMatch(lx, ASSERT_HOSTNAME, (m) => {
    const call = m[1] ? undefined : enclosingCall(lx, m.index);
    if (call && (isDef(lx, call) || isMockCheck(call))) return;
    const start = m[1] ? m.index + 1 : m.index;
    out.push(
      finding(
        lx,
        PY.assertHostname,
        start,
        m.index + m[0].length,
        call ? [call.start, call.end] : statementAt(lx, start),
      ),
    );
  });
}

/** `session.verify = VERIFY` where `VERIFY = False` in the same file: the constant is the finding. */
const ATTRIBUTE_NAME = withLiterals(/\.verify\s*=(?!=)\s*([A-Za-z_]\w*)\s*(?:#|$)/gm, ['.verify']);

function attributeConstants(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, ATTRIBUTE_NAME, (m) => {
    if (/^(?:True|False|None)$/.test(m[1]) || enclosingCall(lx, m.index)) return;
    const c = falseConstant(lx, m[1]);
    if (!c) return;
    // The sink is the session's switch, `verify = VERIFY` (the attribute rule's range), the origin the constant.
    const value = finding(lx, PY.sessionVerify, c.start, c.end, lineAt(lx, c.start));
    const end = m.index + m[0].search(/[ \t]*(?:#|$)/);
    const title = throughMessage(PY.sessionVerify.title, m[1], value.range);
    out.push(atSink(lx, value, m.index + 1, end, statementAt(lx, m.index + 1), title));
  });
}

function attributeFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, ATTRIBUTE, (m) => {
    if (enclosingCall(lx, m.index)) return; // `f(x.verify = False)` is not Python; a keyword argument is handled above
    const r = m[1] ? PY.sessionVerify : m[2] ? PY.verifyMode : PY.checkHostname;
    const start = m.index + 1;
    if (!m[1] && serverContext(lx, m.index)) return;
    out.push(finding(lx, r, start, m.index + m[0].length, statementAt(lx, start)));
  });
}

/**
 * `ctx.verify_mode = ssl.CERT_NONE` (or `check_hostname = False`) where `ctx` was made for a server:
 * `ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)` or `create_default_context(ssl.Purpose.CLIENT_AUTH)`. There CERT_NONE only
 * says no client certificate is asked for, and a server checks no host name.
 */
function serverContext(lx: Lexed, dot: number): boolean {
  const receiver = /([A-Za-z_][\w.]*)$/.exec(lx.code.slice(Math.max(0, dot - 80), dot))?.[1];
  if (!receiver || (!lx.code.includes('PROTOCOL_TLS_SERVER') && !lx.code.includes('CLIENT_AUTH'))) return false;
  // The bindings of the name in this function before the assignment (test suites reuse `ctx` for clients and
  // servers): every one must make a server context, an `if`'s client arm included.
  const scope = functionStartAt(lx, dot);
  const bound = new RegExp(String.raw`^[ \t]*${escapeRe(receiver)}[ \t]*=(?!=)[ \t]*([^\n]*)`, 'gm');
  const made = [...lx.code.slice(Math.max(0, scope), dot).matchAll(bound)].filter(
    (b) => functionStartAt(lx, Math.max(0, scope) + b.index + b[0].indexOf(receiver)) === scope,
  );
  return made.length > 0 && made.every((b) => SERVER_MADE.test(b[1]));
}

/** `ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`, `ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)`. */
const SERVER_MADE =
  /^(?:ssl\.)?(?:SSLContext[ \t]*\([ \t]*(?:protocol[ \t]*=[ \t]*)?(?:ssl\.)?PROTOCOL_TLS_SERVER\b|create_default_context[ \t]*\([^)\n]*Purpose\.CLIENT_AUTH\b)/;

/** Calls that start a TLS server: `HTTPServer(app, ssl_options={…})`, `app.listen(…, ssl_options=…)`, `start_server`. */
const SERVER_CALL =
  /^(?:HTTPServer|HTTPSServer|TCPServer|listen|bind_sockets|start_server|serve|run_app|run_simple|run)$/;

function contextFindings(lx: Lexed, out: Finding[]): void {
  const overridden: number[] = [];
  const installedNames = new Set<string>();
  eachCodeMatch(lx, OVERRIDE, (m) => {
    const rhs = m[1];
    if (/^(?:ssl\.)?create_default_context$/.test(rhs)) return;
    overridden.push(groupStart(m, 1));
    installedNames.add(rhs);
    out.push(finding(lx, PY.defaultContext, m.index, groupEnd(m, 1), lineAt(lx, m.index)));
  });
  eachCodeMatch(lx, UNVERIFIED, (m) => {
    if (
      overridden.includes(m.index) ||
      savedForInstall(lx, m.index, installedNames) ||
      /\bimport\b|\bdef\s+_create_unverified_context/.test(lx.code.slice(...lineAt(lx, m.index)))
    ) {
      return;
    }
    const call = m[1] ? undefined : enclosingCallAfter(lx, m.index + m[0].length);
    const end = call ?? m.index + m[0].length;
    out.push(finding(lx, PY.unverified, m.index, end, statementAt(lx, m.index)));
  });
}

/**
 * `_create_unverified_https_context = ssl._create_unverified_context` (the reference, no call) whose name is later
 * installed as `ssl._create_default_https_context = _create_unverified_https_context`: the install is the finding
 * (the usual `try: … except AttributeError: … else: …` idiom), so the reference is not a second one.
 */
function savedForInstall(lx: Lexed, at: number, installed: ReadonlySet<string>): boolean {
  if (installed.size === 0) return false;
  const [ls] = lineAt(lx, at);
  const head = /^[ \t]*([A-Za-z_][\w.]*)[ \t]*=[ \t]*$/.exec(lx.code.slice(ls, at));
  const tail = /^(?:ssl\.)?_create_unverified_context[ \t]*(?:\n|$)/.test(lx.code.slice(at, at + 60));
  return head !== null && tail && installed.has(head[1]);
}

/** End of a call whose `(` directly follows `at` (for `_create_unverified_context(purpose)`), else undefined. */
function enclosingCallAfter(lx: Lexed, at: number): number | undefined {
  const m = /^\s*\(/.exec(lx.code.slice(at, at + 20));
  if (!m) return undefined;
  const call = enclosingCall(lx, at + m[0].length);
  return call?.end;
}

/** Values that switch verification off; git disables it whenever GIT_SSL_NO_VERIFY is set, to any literal. */
const ENV_VALUE: Record<string, RegExp> = {
  PYTHONHTTPSVERIFY: /^(['"]?)0\1(?![\w.])/,
  CURL_CA_BUNDLE: /^(['"])\1/,
  GIT_SSL_NO_VERIFY: /^(?:(['"])[^'"\n]{0,5}\1|\d\b)/,
};
const ENV_RULE: Record<string, RuleMeta> = {
  PYTHONHTTPSVERIFY: PY.httpsVerifyEnv,
  CURL_CA_BUNDLE: PY.curlCaBundleEnv,
  GIT_SSL_NO_VERIFY: ENV.gitNoVerify,
};

function envFindings(lx: Lexed, out: Finding[]): void {
  ENV_KEY.lastIndex = 0;
  for (let m = ENV_KEY.exec(lx.code); m; m = ENV_KEY.exec(lx.code)) {
    const name = m[2] ?? m[3];
    const keyEnd = m.index + m[0].length;
    const sep = /^(\s*\]\s*=(?!=)\s*|\s*,\s*|\s*:\s*|)/.exec(lx.code.slice(keyEnd, keyEnd + 20))![0];
    if (
      m[2] &&
      (sep === '' || lx.kinds[m.index - 1] === Kind.String || lx.kinds[keyEnd + sep.search(/\S/)] !== Kind.Code)
    ) {
      continue;
    }
    if (m[3] && lx.kinds[m.index] !== Kind.Code) continue;
    const value = ENV_VALUE[name].exec(lx.code.slice(keyEnd + sep.length, keyEnd + sep.length + 8));
    if (!value) continue;
    const [start, end] = envExtent(lx, m.index, keyEnd + sep.length + value[0].length, sep);
    out.push(finding(lx, ENV_RULE[name], start, end, statementAt(lx, start)));
  }
}

/** The exact text to report: `os.environ['X'] = '0'`, the whole `setdefault('X', '0')` call, or the `'X': '0'` pair. */
function envExtent(lx: Lexed, keyStart: number, valueEnd: number, sep: string): [number, number] {
  if (/\]/.test(sep)) {
    const bracket = lx.code.lastIndexOf('[', keyStart);
    return [calleeStart(lx, bracket), valueEnd];
  }
  if (/,/.test(sep)) {
    const call = enclosingCall(lx, keyStart);
    if (call) return [call.start, call.end];
  }
  return [keyStart, valueEnd];
}

/** Pinned obsolete protocols: `ssl.PROTOCOL_TLSv1`, `ctx.minimum_version = TLSVersion.TLSv1_1`. */
/** Calls whose protocol argument pins the connection (a mapping table or a comparison pins nothing). */
const PINNING_CALLS = new Set([
  'SSLContext',
  'wrap_socket',
  'get_server_certificate',
  'PoolManager',
  'HTTPSConnectionPool',
  'connection_from_url',
  'init_poolmanager',
  'proxy_from_url',
  'Context',
]);

/** `ssl.SSLContext(ssl.PROTOCOL_TLSv1)`, `ssl_version=ssl.PROTOCOL_TLSv1`, `self.ssl_version = ssl.PROTOCOL_SSLv3`. */
function pinsProtocol(lx: Lexed, at: number): boolean {
  if (/(?:ssl_version|tls_version|protocol)["']?\]?\s*=\s*$/.test(lx.code.slice(Math.max(0, at - 40), at))) return true;
  const call = enclosingCall(lx, at);
  // paho-mqtt's `tls_set(ca, cert, key, cert_reqs, tls_version, ciphers)`: a protocol constant there is the version.
  if (call?.name === 'tls_set') return true;
  return call !== undefined && PINNING_CALLS.has(call.name) && lx.code.slice(call.open + 1, at).trim() === '';
}

function protocolFindings(lx: Lexed, out: Finding[]): void {
  eachCodeMatch(lx, PROTOCOL, (m) => {
    if (!pinsProtocol(lx, m.index)) return;
    out.push(finding(lx, PY.obsoleteProtocol, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  });
  eachCodeMatch(lx, TLS_VERSION, (m) =>
    out.push(finding(lx, PY.obsoleteProtocol, m.index + 1, m.index + m[0].length, statementAt(lx, m.index + 1))),
  );
}

/** `urllib3.disable_warnings(...)` is not a finding itself; it is shown next to each finding of the file. */
function withDisableWarnings(lx: Lexed, findings: Finding[]): Finding[] {
  const related: { range: ReturnType<typeof rangeOf>; message: string }[] = [];
  eachCodeMatch(lx, DISABLE_WARNINGS, (m) => {
    const call = enclosingCall(lx, m.index + m[0].length);
    related.push({
      range: rangeOf(lx, m.index, call?.end ?? m.index + m[0].length),
      message: 'urllib3.disable_warnings() hides the InsecureRequestWarning this code would print',
    });
  });
  return related.length ? findings.map((f) => ({ ...f, related: [...(f.related ?? []), ...related] })) : findings;
}

/** redis-py's and httplib2's keywords (one pass for both). */
const OTHER_SSL = /ssl_cert(?:_reqs|ificate_validation)/;

/** Scans Python source. */
export function scanPython(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  // Each matcher runs only when its literal is present, and the file is lexed only when one will run: cheap tests
  // that keep big-file re-scans and whole-tree scans fast (`present`: kept across a re-scan's edit, match.ts).
  const has = (s: string) => present(text, s);
  const flags =
    has('False') || has('CERT_NONE') || /verify\s*=\s*0/.test(text) || has('tlsAllowInvalid') || has('tlsInsecure');
  // Rare-letter heads first (`present` searches from them): `SSL_VE`, `kip-tl`; `ssl_cert_reqs` and httplib2's keyword share `ssl_ce`.
  const others =
    has('SSL_VERIFY') ||
    has('insecure-skip-tls-verify') ||
    has('validate_cert') ||
    gate(OTHER_SSL, text) ||
    has('tls_insecure_set') ||
    has('SslCertValidation') ||
    has('SmartConnectNoSSL') ||
    has('ssl_check_hostname') ||
    has('ssl_verify_cert') ||
    has('server_cert_validation') ||
    has('.identification.') ||
    has('certificate.verification') ||
    has('X_TLS_REQUIRE') ||
    (has('Tls(') && has('CERT_NONE'));
  const contexts = has('_create_');
  const env = has('PYTHONHTTPSVERIFY') || has('CURL_CA_BUNDLE') || has('GIT_SSL_NO_VERIFY');
  const protocols = has('PROTOCOL_') || has('TLSVersion.');
  if (!flags && !contexts && !env && !protocols && !others) return [];
  const lx = fromOpeningDocstring(text, lex(text, SYNTAX.python));
  const out: Finding[] = [];
  if (flags) {
    const aliases = aliasesOf(lx);
    kwargFindings(lx, aliases, out);
    attributeFindings(lx, out);
    if (has('.verify')) attributeConstants(lx, out);
    optionFindings(lx, out);
    constantFindings(lx, aliases, out);
    if (has('VERIF') && EXPORTED_SWITCH.test(lx.code)) exportedSwitches(lx, out);
    if (has('CERT_NONE')) certNoneSettings(lx, aliases, out);
    if (has('options') && OPTIONS_VERIFY.test(lx.code)) clientOptionsFindings(lx, out);
    if (has('**') && dictSetsVerify(lx.code)) {
      spreadFindings(lx, aliases, out);
      forcedKeywordFindings(lx, out);
    }
    if (has('merge_environment_settings')) mergeOverrideFindings(lx, out);
    if (has('verify_certs') || has('verify_ssl') || has('ssl_verify') || has('tlsAllowInvalid') || has('tlsInsecure')) {
      sdkFindings(lx, aliases, out);
    }
  }
  if (others) otherClientFindings(lx, out);
  if (contexts) contextFindings(lx, out);
  if (env) envFindings(lx, out);
  if (protocols) protocolFindings(lx, out);
  const unique = dropExpectedFailuresPython(
    lx,
    afterOpeningDocstring(lx, dedupe(countReaches(objectSinks(lx, stringSinks(lx, out, PY_FLOW, inUrl), PY_FLOW)))),
  );
  return unique.length && has('disable_warnings') ? withDisableWarnings(lx, unique) : unique;
}

/**
 * Findings after the first triple quote when the text began inside a string (see `openingDocstringEnd`): what comes
 * before that quote is the end of a docstring (`export PYTHONHTTPSVERIFY=0` in a module docstring's advice).
 */
function afterOpeningDocstring(lx: Lexed, out: Finding[]): Finding[] {
  const head = out.length ? openingDocstringEnd(lx) : -1;
  if (head < 0) return out;
  return out.filter((f) => (lx.lineStarts[f.range.start.line] ?? 0) + f.range.start.character >= head);
}

/**
 * The offset of the first triple quote of a text whose last string is a triple-quoted one left open to the end: such
 * a text began inside a string (an excerpt, a file cut by a tool), so that first quote closes it. -1 otherwise.
 */
export function openingDocstringEnd(lx: Lexed): number {
  const s = lx.code;
  if (s.length === 0 || lx.kinds[s.length - 1] !== Kind.String) return -1;
  let open = s.length - 1;
  while (open > 0 && lx.kinds[open - 1] === Kind.String) open--;
  if (!((s[open] === '"' || s[open] === "'") && s.startsWith(s[open].repeat(3), open))) return -1;
  // Closed at the very end of the text (`…\n"""` as its last characters): not left open.
  if (s.length - open >= 6 && s.endsWith(s[open].repeat(3))) return -1;
  const first = Math.min(...[s.indexOf('"""'), s.indexOf("'''")].filter((i) => i >= 0));
  // Only when what precedes it cannot be Python (prose, a shell line): a docstring being typed at the end of a file
  // leaves the code above it code.
  // Or when the quote goes on as the end of an expression (`""" % (cust)`, `""".format(name)`): a string closes there.
  return NOT_PYTHON.test(s.slice(0, first)) || CLOSES_EXPRESSION.test(s.slice(first + 3, first + 40)) ? first : -1;
}

/** What follows a closing triple quote on its line, never an opening one: an operator or method applied to the string. */
const CLOSES_EXPRESSION = /^[ \t]*(?:%[ \t]*[(\w]|\.(?:format|strip|lstrip|rstrip|splitlines|split|encode)\s*\()/;

/**
 * The text lexed again with what precedes the closing quote blanked (lines kept) when it began inside a triple-quoted
 * string (see `openingDocstringEnd`): otherwise that quote opens a string running to the end, and the code after it
 * (`tls = Tls(validate=ssl.CERT_NONE)`) is never read as code.
 */
function fromOpeningDocstring(text: string, lx: Lexed): Lexed {
  const head = openingDocstringEnd(lx);
  if (head < 0) return lx;
  const end = head + 3;
  return lex(text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end), SYNTAX.python);
}

/**
 * A line no Python statement looks like: prose (five bare words in a row, one of them an English word no code chains
 * bare: `the`, `you`, `may`…), or a shell command (`export X=0`, `echo "…" >> ~/.npmrc`).
 */
const NOT_PYTHON =
  /^(?=[^\n]*\b(?:the|you|your|this|may|can|should|will|are|of|to|be|it|an|that|without)\b)[ \t]*(?:[A-Za-z][\w'-]*[,;:]?[ \t]+){4}[A-Za-z]|^[ \t]*(?:export|echo|RUN|apt-get|curl|wget|npm|git|cd)[ \t]+[^=(\n]/m;

/** One finding per rule and place (a dict can be reached through several spreads). */
function dedupe(out: Finding[]): Finding[] {
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/**
 * One of these is in every PREFILTER match (see RuleFamily.needles): `verif` for verify and _create_unverified_context,
 * `VERIFY` for PYTHONHTTPSVERIFY and GIT_SSL_NO_VERIFY, `_hostn` for check_hostname and assert_hostname, `https_`
 * for _create_default_https_context, `validate_cert` for tornado's keyword (httplib2's has `ssl`, pycurl's `VERIFY`),
 * pymongo's `tlsAllowInvalid…` / `tlsInsecure` keywords (a `MongoClient(uri, tls=True, …)` call says neither `ssl`
nor `verif`), and the heads of the other upper-case words. On the bench tree's 55 MB of Python
 * (CPU, same run): the prefilter alone 151 ms, with these first 105 ms (the prefilter still runs on the ~550 files
 * that mention `ssl` or `verif`). Chosen as RuleFamily.needles says.
 */
const NEEDLES = [
  'verif',
  'ssl',
  'VERIFY',
  '_hostn',
  'CERT_N',
  'CURL_C',
  'https_',
  // PROTOCOL_TLSv1/_1 and PROTOCOL_SSLv* in full: `PROTOC` let 103 files (7.3 MB) of the scan bench's tree through
  // to the prefilter for nothing (`PROTOCOL_TLS_CLIENT` and the like).
  'PROTOCOL_TLSv1',
  'PROTOCOL_SSLv',
  'TLSVer',
  'validate_cert',
  'ure_se',
  'SslCer',
  'NoSSL',
  'tlsAllowInv',
  'tlsInsecure',
  'X_TLS_',
  // pywinrm's `server_cert_validation=` keyword: probed from `valida`, the search `validate_cert` already makes.
  'cert_validation',
];

/** The Python family (`.py`, `.pyw`, `.pyi`, Jupyter-exported scripts). */
export const python: RuleFamily = defineFamily({
  id: 'python',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: PY,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'python' || /\.pyw?$/i.test(path),
  scan: (text) => scanPython(text),
});
