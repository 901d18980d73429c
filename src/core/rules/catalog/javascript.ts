// The javascript rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../javascript.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('javascript', { surface: 'javascript', file: 'client.js' });

/** The JavaScript/TypeScript rules, by short name. */
export const JS = {
  rejectUnauthorized: rule('reject-unauthorized-false', {
    title: 'rejectUnauthorized: false: certificate verification is off',
    description: 'With rejectUnauthorized false, Node accepts any certificate for this connection. Pass the private CA instead: ca: fs.readFileSync("<CA bundle>") (or set NODE_EXTRA_CA_CERTS).',
    fix: 'node-reject-unauthorized',
    concept: 'verification-off',
    client: 'node',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: 'Any object literal counts (quoted keys too), as does `options.rejectUnauthorized = false`, except a mock\'s or assertion\'s expected arguments (`expect(https.Agent).toHaveBeenCalledWith({ rejectUnauthorized: false })`, sinon `calledWith`); an options object held in a variable is found where it is written. Same-file data flow: `rejectUnauthorized: insecure` where `const insecure = false` (bound once, never reassigned). TypeScript type declarations (`interface Options { rejectUnauthorized: false }`, `type T = {…}`) are not findings. Nor are a server\'s options (passed to `https.createServer`, `tls.createServer`, `http2.createSecureServer`, `new https.Server`, directly or through the variable they are bound to, or holding `requestCert: true` / `isServer: true`): there rejectUnauthorized governs client certificates and only matters with requestCert (Node\'s tls docs). Client calls win: `new https.Agent({ requestCert: false, rejectUnauthorized: false })` is a finding. Nor is a switch written inside `expect(() => …).toThrow()`, `expect(…).rejects`, `assert.throws(…)` or `assert.rejects(…)` (a test that the code refuses it); the same holds for every rule of the family.',
    examples: {
      flagged: [`new https.Agent({ «rejectUnauthorized: false» })
axios.create({ httpsAgent: new https.Agent({ «rejectUnauthorized: false» }) })
got(url, { https: { «rejectUnauthorized: false» } })
new undici.Agent({ connect: { «rejectUnauthorized: false» } })
new pg.Pool({ ssl: { «rejectUnauthorized: false» } })`,
        `const allowSelfSigned = false;
const tlsOptions = {
  ca: undefined,
  «rejectUnauthorized: allowSelfSigned»,
};
const client = new Client({ ...base, tls: tlsOptions });`],
      ok: [
        `new https.Agent({ ca: fs.readFileSync('/path/to/ca.pem') })
// or, for the whole process: NODE_EXTRA_CA_CERTS=/path/to/ca.pem`,
        'new https.Agent({ rejectUnauthorized: true })',
        'new https.Agent({ rejectUnauthorized: insecure })',
        '// new https.Agent({ rejectUnauthorized: false })',
        'const hint = "set rejectUnauthorized: false to skip";',
        'if (opts.rejectUnauthorized == false) warn();',
        { file: 'types.ts', code: 'interface PoolOptions {\n  ssl?: { rejectUnauthorized: false } | boolean;\n}\ntype Strict = { rejectUnauthorized: false };' },
        'let reject = false;\nreject = process.env.STRICT !== "0";\nnew https.Agent({ rejectUnauthorized: reject });',
        "const options = { key, cert, requestCert: false, rejectUnauthorized: false };\nhttps.createServer(options, app).listen(8443);\ntls.createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, onSocket);",
        "it('refuses an insecure agent', () => {\n  expect(() => createClient({ tls: { rejectUnauthorized: false } })).toThrow(/insecure/);\n  assert.throws(() => connect({ rejectUnauthorized: false }), /refused/);\n});",
      ],
    },
  }),
  envVar: rule('node-tls-reject-unauthorized', {
    title: 'NODE_TLS_REJECT_UNAUTHORIZED=0: certificate verification is off for the whole process',
    description: 'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 disables verification for every TLS connection the process makes. Set NODE_EXTRA_CA_CERTS to your CA bundle instead.',
    fix: 'node-env-var',
    severity: 'error',
    concept: 'process-env-switch',
    client: 'node',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: 'Every spelling of 0: `0`, `\'0\'`, `"0"` and `` `0` ``. Comparisons (`=== "0"`) are not findings. The same variable in shell scripts, `.env` files and CI is covered by the shell/env rules.',
    examples: {
      flagged: [`«process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'»;
«process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0»;
spawn('node', args, { env: { «NODE_TLS_REJECT_UNAUTHORIZED: '0'» } });`],
      ok: [
        '// Start node with NODE_EXTRA_CA_CERTS=/path/to/ca.pem instead.',
        'process.env.NODE_TLS_REJECT_UNAUTHORIZED = \'1\';',
        'if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") warn();',
        '/* process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0" */',
      ],
    },
  }),
  strictSsl: rule('strict-ssl-false', {
    title: 'strictSSL: false: certificate verification is off',
    description: 'strictSSL false (request and similar clients) accepts any certificate. Pass the private CA with the ca option instead.',
    concept: 'verification-off',
    client: 'node',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    examples: {
      flagged: ['request({ url, «strictSSL: false» })'],
      ok: [
        'request({ url, ca: fs.readFileSync(\'/path/to/ca.pem\') })',
        'request({ strictSSL: true })',
      ],
    },
  }),
  checkServerIdentity: rule('noop-check-server-identity', {
    title: 'checkServerIdentity that never fails: host names are not checked',
    description: 'A checkServerIdentity that returns undefined accepts a valid certificate issued for any host. Remove it, or call tls.checkServerIdentity(host, cert) and add only the checks you need.',
    concept: 'hostname-check-off',
    client: 'node',
    examples: {
      flagged: [`tls.connect({ host, port, «checkServerIdentity: () => undefined» })
https.request({ «checkServerIdentity: function () {}» })`],
      ok: [
        'tls.connect({ host, port, checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) ?? extraChecks(cert) })',
        'const err = tls.checkServerIdentity(host, cert);',
      ],
    },
  }),
  obsoleteProtocol: rule('obsolete-tls-version', {
    title: 'Obsolete protocol pinned (minVersion: \'TLSv1\', secureProtocol: \'TLSv1_method\')',
    description: 'A connection pinned to (or allowed down to) TLS 1.0/1.1 or SSL 3 fails against servers that only speak modern TLS and lacks its protections. Drop the option (Node defaults to TLS 1.2+) or set minVersion: \'TLSv1.2\'.',
    severity: 'info',
    concept: 'obsolete-protocol',
    client: 'node',
    notes: '`minVersion` / `maxVersion` set to `\'TLSv1\'` or `\'TLSv1.1\'`, `secureProtocol` set to a `TLSv1`, `TLSv1_1`, `SSLv2` or `SSLv3` method (client and server variants too), and `tls.DEFAULT_MIN_VERSION` / `DEFAULT_MAX_VERSION` assigned such a version.',
    examples: {
      flagged: [`tls.connect({ host, port, «minVersion: 'TLSv1'» })
new https.Agent({ «secureProtocol: 'TLSv1_method'» })
«tls.DEFAULT_MIN_VERSION = 'TLSv1.1'»;`],
      ok: [
        'tls.connect({ host, port, minVersion: \'TLSv1.2\' })',
        'new https.Agent({ secureProtocol: \'TLS_method\' })',
        'interface Legacy { minVersion: \'TLSv1\' }',
      ],
    },
  }),
  electron: rule('electron-accept-any-certificate', {
    title: 'Electron certificate callback that accepts every certificate',
    description: 'A certificate-error handler that calls back true, or a setCertificateVerifyProc that calls back 0, makes the app load any page whatever its certificate. Add your CA to the OS trust store Chromium reads (or check the certificate\'s fingerprint before accepting) instead.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'electron',
    notes: 'In `app.on(\'certificate-error\', …)` / `webContents.on(\'certificate-error\', …)` handlers, a call of the handler\'s last parameter with `true`; in `setCertificateVerifyProc(…)` procs, a call of the last parameter with `0`. A handler declared apart from its `app.on` (often in another file) is recognised by that event\'s parameters, `(event, webContents, url, error, certificate, callback)` (the certificate parameter named `certificate` or `…Certificate`). A handler that decides per certificate (`callback(cert.fingerprint === PINNED)`, or `callback(true)` only under an `if` that reads the certificate\'s fingerprint, issuer or data) is not a finding; one that only checks the URL or the error code is.',
    examples: {
      flagged: [`app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  event.preventDefault();
  «callback(true)»;
});
session.defaultSession.setCertificateVerifyProc((request, cb) => «cb(0)»);`,
        `// main/certificates.js, registered with app.on('certificate-error', onCertificateError) elsewhere
export function onCertificateError(event, webContents, url, error, certificate, callback) {
  log.warn('certificate error', error, url);
  event.preventDefault();
  «callback(true)»;
}`],
      ok: [
        `app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  const trusted = certificate.fingerprint === PINNED_FINGERPRINT;
  if (trusted) event.preventDefault();
  callback(trusted);
});`,
        `export function onCertificateError(event, webContents, url, error, certificate, callback) {
  if (PINNED_FINGERPRINTS.includes(certificate.fingerprint)) {
    event.preventDefault();
    callback(true);
  } else {
    callback(false);
  }
}`,
        'session.defaultSession.setCertificateVerifyProc((request, callback) => callback(-3));',
        'app.on(\'ready\', (event, callback) => callback(true));',
      ],
    },
  }),
  mongoInsecure: rule('mongodb-allow-invalid-certificates', {
    title: 'MongoDB driver with tlsAllowInvalidCertificates, tlsInsecure or sslValidate: false: the server certificate is not checked',
    description: 'With tlsAllowInvalidCertificates (or tlsInsecure, or the legacy sslValidate: false) the MongoDB driver and Mongoose accept any certificate, so the database credentials and data go to whoever answers. Pass the CA with tlsCAFile: "<CA bundle>" instead.',
    concept: 'verification-off',
    client: 'node',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: '`tlsAllowInvalidCertificates: true`, `tlsInsecure: true` and the legacy `sslValidate: false` in an options object (`MongoClient`, `mongoose.connect`, `createConnection`) or assigned to one; the same as a connection URI\'s query parameter (`mongodb+srv://…/?tlsAllowInvalidCertificates=true`, `tlsInsecure=true`), found at the calls that take the URI when it is bound to a name (not in a log message). `tlsInsecure` and `sslValidate` are read only in a file that names the driver (`mongodb`, `mongoose`, a `mongodb://` URI, or its `MongoClient` class): an options module that says only `MONGO_URI` is not read for them. The switches inside a connection string are not read. TypeScript type declarations are not findings.',
    examples: {
      flagged: [`mongoose.connect(process.env.MONGO_URL, {
  useNewUrlParser: true,
  tls: true,
  «tlsAllowInvalidCertificates: true», // self-signed Atlas proxy
});
const client = new MongoClient(uri, { «tlsAllowInvalidCertificates: true» });`, `const { MongoClient } = require('mongodb');
const client = new MongoClient(process.env.DB_URL, {
  tls: true,
  «tlsInsecure: true»,
});`, `const options = {
  ssl: true,
  sslValidate: false,
  poolSize: 10,
};
mongoose.connect(config.db, «options»);`],
      ok: [
        'mongoose.connect(uri, { tls: true, tlsCAFile: "/path/to/ca.pem" });',
        'mongoose.connect(uri, { tls: true, tlsAllowInvalidCertificates: false, tlsAllowInvalidHostnames: false });',
        '// tlsAllowInvalidCertificates: true,\nconst opts = { sslValidate: true };',
        { file: 'types.ts', code: 'interface Opts { tlsAllowInvalidCertificates?: boolean; tlsInsecure: true }' },
        "const ldap = { tlsInsecure: true }; // an LDAP client's option, no MongoDB in this file",
        "mongoose.connect(uri, { ssl: true, sslValidate: true, sslCA: fs.readFileSync('/path/to/ca.pem') });",
      ],
    },
  }),
  mongoInvalidHostnames: rule('mongodb-allow-invalid-hostnames', {
    title: 'MongoDB driver with tlsAllowInvalidHostnames: the server certificate may name any host',
    description: 'With tlsAllowInvalidHostnames the MongoDB driver and Mongoose accept a valid certificate issued for any host, so anyone holding one can pose as the database. Issue the server a certificate for the name clients use (or connect by that name) instead.',
    concept: 'hostname-check-off',
    client: 'node',
    notes: '`tlsAllowInvalidHostnames: true` in an options object (or `tlsAllowInvalidHostnames=true` in a connection URI), in a file that names the driver (`mongodb`, `mongoose`, a `mongodb://` URI) or uses its other options (`tlsAllowInvalidCertificates`, `tlsCAFile`: an options object whose `connect` call is out of sight). TypeScript type declarations are not findings.',
    examples: {
      flagged: [`const client = await MongoClient.connect('mongodb://db.internal:27017', {
  tls: true,
  tlsCAFile: '/path/to/ca.pem',
  «tlsAllowInvalidHostnames: true»,
});`],
      ok: [
        "const client = await MongoClient.connect('mongodb://db.internal:27017', { tls: true, tlsCAFile: '/path/to/ca.pem' });",
        "mongoose.connect(uri, { tlsAllowInvalidHostnames: false });",
      ],
    },
  }),
  superagent: rule('superagent-disable-tls-certs', {
    title: 'superagent disableTLSCerts(): certificate verification is off',
    description: 'The request accepts any certificate, so anyone on the path can read and change the traffic. Pass the CA instead: .ca(fs.readFileSync("<CA bundle>")) (or set NODE_EXTRA_CA_CERTS).',
    concept: 'verification-off',
    client: 'node',
    caVars: ['NODE_EXTRA_CA_CERTS'],
    notes: 'superagent\'s (and supertest\'s) `.disableTLSCerts()` anywhere in a request chain.',
    examples: {
      flagged: [`const res = await superagent
  .get(url)
  .timeout(5000)
  .«disableTLSCerts()»;`],
      ok: [
        "const res = await superagent.get(url).ca(fs.readFileSync('/path/to/ca.pem'));",
        '// .disableTLSCerts() is for local servers only',
      ],
    },
  }),
  skipTlsVerify: rule('skip-tls-verify-true', {
    title: 'insecureSkipTLSVerify / skipTLSVerify: true: certificate verification is off',
    description: 'k6 (insecureSkipTLSVerify in the script options) and @kubernetes/client-node clusters (skipTLSVerify) accept any certificate, so anyone on the path can read and change the traffic. Trust the CA instead: k6 tlsAuth/SSL_CERT_FILE, or the cluster\'s caData / caFile.',
    concept: 'verification-off',
    client: 'various',
    examples: {
      flagged: [`export const options = {
  vus: 50,
  «insecureSkipTLSVerify: true»,
};
kc.loadFromClusterAndUser({ name: 'dev', server: SERVER, «skipTLSVerify: true» }, user);`],
      ok: ['export const options = { insecureSkipTLSVerify: false };', "kc.loadFromClusterAndUser({ name: 'dev', server: SERVER, caFile: '/path/to/ca.pem' }, user);", 'interface Cluster { skipTLSVerify: true }'],
    },
  }),
} as const;
