// Database connection strings that accept any server certificate: SQL Server / ADO.NET / ODBC / JDBC
// `TrustServerCertificate=True` (`trustServerCertificate=true` in a JDBC URL, `Trust Server Certificate=yes`), and the
// same switch set as an option (`SqlConnectionStringBuilder.TrustServerCertificate = true`, node-mssql/tedious
// `options: { trustServerCertificate: true }`). The strings live everywhere: code of any language, appsettings.json,
// web.config, .env, YAML, .properties, so this family reads lines, not a language's syntax; comment lines are skipped.
// A redis URL's `ssl_cert_reqs=none` / `ssl_check_hostname=false` in a config file or script is found here too (redis-py's
// rules: Python code is the python family's).
import { docOf } from './env';
import { finding } from './match';
import { lex, SYNTAX } from './lexer';
import { countReaches, ObjectFlow, stringSinks } from './flow';
import { PY_FLOW } from './python';
import { JS_FLOW } from './javascript';
import { defineFamily, NOTES, ruleFactory } from './define';
import { Finding, RuleFamily } from './types';
import { PY } from './catalog/python';

const rule = ruleFactory('connection', { surface: 'connection-string', file: 'appsettings.json' });

/** The connection-string rules. */
export const CONN = {
  trustServerCertificate: rule('sqlserver-trust-server-certificate', {
    title: 'TrustServerCertificate=True: the SQL Server certificate is not validated',
    description:
      "With TrustServerCertificate=True the client encrypts the connection but accepts any certificate the server (or a man in the middle) presents, credentials included. Keep it False and trust the server certificate's CA on the client (the machine store, or HostNameInCertificate= / serverCertificate= for a pinned certificate).",
    concept: 'verification-off',
    client: 'sqlserver',
    notes:
      'In connection strings of any file (code of any language, `appsettings*.json`, `web.config`/`app.config`, `.env`, YAML, `.properties`, INI, TOML): `TrustServerCertificate=True` / `=yes` (any letter case, also `Trust Server Certificate`), a JDBC URL\'s `;trustServerCertificate=true`, and the option set in code: `builder.TrustServerCertificate = true`, mssql-jdbc\'s `ds.setTrustServerCertificate(true)` and `props.setProperty("trustServerCertificate", "true")`, `trustServerCertificate: true` (node-mssql, tedious, Prisma\'s `trustServerCertificate=true`). Comment lines and `=False` are not findings.',
    examples: {
      flagged: [
        '{\n  "ConnectionStrings": {\n    "Default": "Server=sql.corp.example;Database=app;User Id=app;Password=secret;Encrypt=True;«TrustServerCertificate=True»"\n  }\n}',
        {
          file: 'Db.java',
          code: 'String url = "jdbc:sqlserver://db.corp.example:1433;databaseName=app;encrypt=true;«trustServerCertificate=true»";',
        },
        {
          file: 'DataSources.java',
          code: 'SQLServerDataSource ds = new SQLServerDataSource();\nds.«setTrustServerCertificate(true)»;',
        },
        {
          file: 'db.ts',
          code: 'const pool = new sql.ConnectionPool({\n  server: "db.corp.example",\n  options: { encrypt: true, «trustServerCertificate: true» },\n});',
        },
        {
          file: 'Startup.cs',
          code: 'var builder = new SqlConnectionStringBuilder(raw);\nbuilder.«TrustServerCertificate = true»;',
        },
        {
          file: 'db.py',
          code: 'conn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=db;«TrustServerCertificate=yes»;")',
        },
      ],
      ok: [
        '{ "ConnectionStrings": { "Default": "Server=sql.corp.example;Database=app;Encrypt=True;TrustServerCertificate=False" } }',
        {
          file: 'db.ts',
          code: '// options: { trustServerCertificate: true }\nconst opts = { trustServerCertificate: false };',
        },
        { file: '.env', code: '# DB=Server=db;TrustServerCertificate=True\nDB_URL=Server=db;Encrypt=True' },
      ],
    },
  }),
  mysqlVerifyServerCertificate: rule('mysql-verify-server-certificate-false', {
    title: 'verifyServerCertificate=false: the MySQL server certificate is not validated',
    description:
      "MySQL Connector/J's verifyServerCertificate=false (with useSSL=true) encrypts the connection but accepts any certificate, so a man in the middle sees the credentials and the data. Keep it true and give the driver the server's CA: trustCertificateKeyStoreUrl= (or sslMode=VERIFY_CA / VERIFY_IDENTITY with the CA in the trust store).",
    concept: 'verification-off',
    client: 'mysql',
    notes:
      'In a JDBC URL or connection properties of any file this family reads: `verifyServerCertificate=false` (also `:` and quotes, `verifyServerCertificate: false` in YAML). Comment lines and `=true` are not findings.',
    examples: {
      flagged: [
        {
          file: 'Config.java',
          code: 'String url = "jdbc:mysql://db.corp.example:3306/shop?useSSL=true&«verifyServerCertificate=false»";',
        },
        {
          file: 'application.properties',
          code: 'spring.datasource.url=jdbc:mysql://db:3306/app?useSSL=true&«verifyServerCertificate=false»',
        },
      ],
      ok: [
        {
          file: 'Config.java',
          code: 'String url = "jdbc:mysql://db:3306/shop?sslMode=VERIFY_IDENTITY&verifyServerCertificate=true";\n// url += "&verifyServerCertificate=false";',
        },
      ],
    },
  }),
} as const;

/** `TrustServerCertificate` (any case, blanks allowed between the words) set to true/yes, by `=` or `:`. */
const TRUST =
  /(?<![\w-])(["']?)(trust[ \t]?server[ \t]?certificate)\1([ \t]*[=:][ \t]*)(["']?)(?:true|yes)\4(?![\w-])/dgi;
/** mssql-jdbc's data source setter and driver properties: `ds.setTrustServerCertificate(true)`,
 * `props.setProperty("trustServerCertificate", "true")` / `put(…)`. */
const TRUST_SETTER =
  /\bsetTrustServerCertificate\s*\(\s*true\s*\)|(["'])trustServerCertificate\1\s*,\s*(["']?)true\2(?![\w-])/dg;
/**
 * A redis URL's TLS switch in a config file or script (`CELERY_BROKER_URL=rediss://r:6380/0?ssl_cert_reqs=none`,
 * `…&ssl_check_hostname=false`): redis-py and Celery read it from the URL, so it is redis-py's rule wherever the URL
 * is written (group 1 the parameter). Python code is the python family's (it follows the URL to the call).
 */
const REDIS_URL_SWITCH =
  /\b(?:rediss?|valkeys?):\/\/[^\s"'`]*?[?&](ssl_cert_reqs=(?:none|CERT_NONE)|ssl_check_hostname=(?:false|False|0))(?![\w-])/dg;
/** Files whose redis URLs are someone else's: code of a language whose family reads its own strings. */
const CODE_FILE = /\.(?:pyw?|ipynb|[cm]?[jt]sx?|go|rs|rb|php|java|kts?|cs|csx)$/i;
/** MySQL Connector/J's `verifyServerCertificate=false` (group 1: where the finding starts). */
const MYSQL_VERIFY = /(?<![\w-])(["']?)verifyServerCertificate\1[ \t]*[=:][ \t]*(["']?)false\2(?![\w-])/dg;
/** A line that is a comment in the languages and config files this family reads. */
const COMMENT_LINE = /^[ \t]*(?:#|\/\/|--|\*|\/\*|<!--|;|REM\b)/i;

/** The switch in its usual letter cases (`TrustServerCertificate`, JDBC's `trustServerCertificate`, `Trust Server
 * Certificate`); an all-lower-case or all-upper-case key is rare enough to leave to the matcher's own `i` flag. */
const PREFILTER =
  /[tT]rust ?Server ?Certificate(?:[ \t"']*[=:][ \t"']*(?:true|yes|True|TRUE|Yes|YES)|\s*\(\s*true|["']\s*,\s*["']?true)|verifyServerCertificate[ \t"']*[=:][ \t"']*false|[?&]ssl_cert_reqs=(?:none|CERT_NONE)|[?&]ssl_check_hostname=(?:false|False|0)/;
/** One of these is in every PREFILTER match (see RuleFamily.needles): [tT]rustServerCertificate with or without the
 * space, MySQL's `verifyServerCertificate`. All three are searched as `Server` (one pass, rules/needles.ts), and only
 * files with one of them get the prefilter: `Server` alone let 959 of the scan bench's 24,781 files through to it. */
const NEEDLES = ['rustServer', 'rust Server', 'yServer', 'cert_reqs=', 'check_hostname='];

/** Files where connection strings are written: code of every family, and the config files that hold them. */
const FILES =
  /\.(?:cs|csx|vb|fs|java|kts?|scala|groovy|py|[cm]?[jt]sx?|go|php|rb|rs|ps1|psm1|sql|properties|ya?ml|ini|cfg|toml|env|config|sh|bash)$|(?:^|[\\/])(?:appsettings[\w.-]*|local\.settings|secrets|connectionstrings[\w.-]*)\.json$|(?:^|[\\/])\.env(?:\.[\w.-]+)?$/i;
const LANGUAGES = new Set([
  'csharp',
  'java',
  'kotlin',
  'python',
  'javascript',
  'typescript',
  'javascriptreact',
  'typescriptreact',
  'go',
  'php',
  'ruby',
  'rust',
  'powershell',
  'sql',
  'properties',
  'yaml',
  'ini',
  'dotenv',
]);

/** The code languages whose connection strings are followed from a variable to the calls taking it (flow.ts). */
const PYTHON_FILE = /\.pyw?$/i;
const JS_FILE = /\.[cm]?[jt]sx?$/i;
const CSHARP_FILE = /\.csx?$/i;
const JVM_FILE = /\.(?:java|kts?)$/i;
/** C#: a field or local holding the string reaches `UseSqlServer(_cs)`, `new SqlConnection(cs)`; Java/Kotlin:
 * `DriverManager.getConnection(url, …)`; no option objects. */
const CS_FLOW: ObjectFlow = { binding: /(?!)/, opens: '{', nested: /(?!)/ };

/**
 * `conn = f"…TrustServerCertificate=yes"` … `create_engine(f"mssql+pyodbc:///?odbc_connect={conn}")`: in Python,
 * JavaScript/TypeScript, C# and Java/Kotlin, a string bound to a name is reported at each call it reaches (the sink rule), the string its
 * origin. Lexed only when the text has a finding.
 */
function atSinks(text: string, path: string, languageId: string | undefined, out: Finding[]): Finding[] {
  if (out.length === 0) return out;
  const python = languageId === 'python' || PYTHON_FILE.test(path);
  const js = !python && (/^(?:java|type)script(?:react)?$/.test(languageId ?? '') || JS_FILE.test(path));
  const cs = !python && !js && (languageId === 'csharp' || CSHARP_FILE.test(path));
  const jvm = !python && !js && !cs && (languageId === 'java' || languageId === 'kotlin' || JVM_FILE.test(path));
  if (!python && !js && !cs && !jvm) return out;
  const flow: ObjectFlow = python ? PY_FLOW : js ? JS_FLOW : CS_FLOW;
  const lx = lex(text, python ? SYNTAX.python : js ? SYNTAX.js : jvm ? SYNTAX.jvm : SYNTAX.csharp);
  return countReaches(stringSinks(lx, out, flow, () => true));
}

/** Scans any text for TrustServerCertificate switched on, line by line. */
export function scanConnectionStrings(text: string, path = '', languageId?: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const doc = docOf(text);
  const out: Finding[] = [];
  TRUST.lastIndex = 0;
  for (let m = TRUST.exec(text); m; m = TRUST.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (COMMENT_LINE.test(text.slice(lineStart, m.index + 1))) continue;
    const start = m.indices![1]![0];
    out.push(finding(doc, CONN.trustServerCertificate, start, m.index + m[0].length));
  }
  if (text.includes('ServerCertificate(') || text.includes('rustServerCertificate"')) setterFindings(text, doc, out);
  if (text.includes('verifyServerCertificate')) mysqlFindings(text, doc, out);
  if (!CODE_FILE.test(path) && /_(?:cert_reqs|check_hostname)=/.test(text)) redisUrls(text, doc, out);
  return atSinks(text, path, languageId, out);
}

/** The TRUST_SETTER forms, outside comment lines. */
function setterFindings(text: string, doc: ReturnType<typeof docOf>, out: Finding[]): void {
  TRUST_SETTER.lastIndex = 0;
  for (let m = TRUST_SETTER.exec(text); m; m = TRUST_SETTER.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (COMMENT_LINE.test(text.slice(lineStart, m.index + 1))) continue;
    out.push(finding(doc, CONN.trustServerCertificate, m.index, m.index + m[0].length));
  }
}

/** REDIS_URL_SWITCH outside comment lines. */
function redisUrls(text: string, doc: ReturnType<typeof docOf>, out: Finding[]): void {
  REDIS_URL_SWITCH.lastIndex = 0;
  for (let m = REDIS_URL_SWITCH.exec(text); m; m = REDIS_URL_SWITCH.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (COMMENT_LINE.test(text.slice(lineStart, m.index + 1))) continue;
    const [s, e] = m.indices![1]!;
    const rule = m[1].startsWith('ssl_cert_reqs') ? PY.redisCertNone : PY.redisCheckHostname;
    out.push(finding(doc, rule, s, e));
  }
}

/** MySQL Connector/J `verifyServerCertificate=false`, outside comment lines. */
function mysqlFindings(text: string, doc: ReturnType<typeof docOf>, out: Finding[]): void {
  MYSQL_VERIFY.lastIndex = 0;
  for (let m = MYSQL_VERIFY.exec(text); m; m = MYSQL_VERIFY.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (COMMENT_LINE.test(text.slice(lineStart, m.index + 1))) continue;
    out.push(finding(doc, CONN.mysqlVerifyServerCertificate, m.index, m.index + m[0].length));
  }
}

/** The connection-string family: TrustServerCertificate in any file that holds connection strings. */
export const connection: RuleFamily = defineFamily({
  id: 'connection',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: CONN,
  notes: NOTES.text,
  appliesTo: (path, languageId) => (languageId !== undefined && LANGUAGES.has(languageId)) || FILES.test(path),
  scan: (text, path, languageId) => scanConnectionStrings(text, path, languageId),
});
