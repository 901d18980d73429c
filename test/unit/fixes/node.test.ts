import * as assert from 'assert';
import { remove, trust, trustResult } from './helpers';

const RULE = 'javascript.reject-unauthorized-false';

describe('fixes: Node', () => {
  it("CommonJS: adds `const fs = require(...)` after the last require, in the file's quote and semicolon style", () => {
    assert.strictEqual(
      trust(
        "const https = require('https');\nconst agent = new https.Agent({ rejectUnauthorized: false });\n",
        'a.js',
        RULE,
      ),
      "const https = require('https');\nconst fs = require('fs');\nconst agent = new https.Agent({ ca: fs.readFileSync('.certs/bundle.pem') });\n",
    );
  });

  it('ESM TypeScript: adds `import * as fs` after a multi-line import, keeping `node:` prefixes and no semicolons', () => {
    assert.strictEqual(
      trust(
        'import https from "node:https"\nimport {\n  a,\n} from "./a"\n\nconst o = {\n  keepAlive: true,\n  rejectUnauthorized: false,\n}\n',
        'a.ts',
        RULE,
      ),
      'import https from "node:https"\nimport {\n  a,\n} from "./a"\nimport * as fs from "node:fs"\n\nconst o = {\n  keepAlive: true,\n  ca: fs.readFileSync(".certs/bundle.pem"),\n}\n',
    );
  });

  it('reuses an existing fs binding: default import, namespace, require, or a named readFileSync (aliased too)', () => {
    assert.strictEqual(
      trust("import fsx from 'fs';\nnew Agent({ rejectUnauthorized: false });\n", 'a.mjs', RULE),
      "import fsx from 'fs';\nnew Agent({ ca: fsx.readFileSync('.certs/bundle.pem') });\n",
    );
    assert.strictEqual(
      trust("import { readFileSync as rf } from 'node:fs';\nnew Agent({ rejectUnauthorized: false });\n", 'a.ts', RULE),
      "import { readFileSync as rf } from 'node:fs';\nnew Agent({ ca: rf('.certs/bundle.pem') });\n",
    );
    assert.strictEqual(
      trust("const { readFileSync } = require('fs')\nnew Agent({ rejectUnauthorized: false })\n", 'a.cjs', RULE),
      "const { readFileSync } = require('fs')\nnew Agent({ ca: readFileSync('.certs/bundle.pem') })\n",
    );
  });

  it('fs/promises is not a synchronous fs: a new import is added', () => {
    assert.strictEqual(
      trust("import fs2 from 'fs/promises';\nnew Agent({ rejectUnauthorized: false });\n", 'a.ts', RULE),
      "import fs2 from 'fs/promises';\nimport * as fs from 'fs';\nnew Agent({ ca: fs.readFileSync('.certs/bundle.pem') });\n",
    );
  });

  it('a file without imports gets one after "use strict" (require in .js, import in .ts); quoted keys keep their form', () => {
    assert.strictEqual(
      trust("'use strict';\nconst o = { 'rejectUnauthorized': false };\n", 'a.js', RULE),
      '\'use strict\';\nconst fs = require("fs");\nconst o = { \'ca\': fs.readFileSync(".certs/bundle.pem") };\n',
    );
    assert.strictEqual(
      trust('const o = { rejectUnauthorized: false }\n', 'a.ts', RULE),
      'import * as fs from "fs";\nconst o = { ca: fs.readFileSync(".certs/bundle.pem") }\n',
    );
    assert.strictEqual(
      trust("const fs = require('fs');\nopts.rejectUnauthorized = false;\n", 'a.js', RULE),
      "const fs = require('fs');\nopts.ca = fs.readFileSync('.certs/bundle.pem');\n",
    );
  });

  it("escapes Windows paths in the file's quote style", () => {
    assert.strictEqual(
      trust(
        "import fs from 'fs';\nnew Agent({ rejectUnauthorized: false });\n",
        'a.ts',
        RULE,
        "C:\\certs\\o'brien\\b.pem",
      ),
      "import fs from 'fs';\nnew Agent({ ca: fs.readFileSync('C:\\\\certs\\\\o\\'brien\\\\b.pem') });\n",
    );
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED in an env object (for a child process) → NODE_EXTRA_CA_CERTS', () => {
    assert.strictEqual(
      trust(
        'spawn("node", [], { env: { NODE_TLS_REJECT_UNAUTHORIZED: "0" } });\n',
        'a.js',
        'javascript.node-tls-reject-unauthorized',
      ),
      'spawn("node", [], { env: { NODE_EXTRA_CA_CERTS: ".certs/bundle.pem" } });\n',
    );
  });

  it('process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0" is deleted and NODE_EXTRA_CA_CERTS is required in the environment', () => {
    const text = 'const a = 1;\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";\nfetch(u);\n';
    const r = trustResult(text, 'a.js', 'javascript.node-tls-reject-unauthorized');
    assert.deepStrictEqual(r?.env, { NODE_EXTRA_CA_CERTS: '.certs/bundle.pem' });
    assert.strictEqual(trust(text, 'a.js', 'javascript.node-tls-reject-unauthorized'), 'const a = 1;\nfetch(u);\n');
  });

  describe('remove the flag', () => {
    it('drops the property with its comma, or the assignment line', () => {
      assert.strictEqual(remove('new Agent({ rejectUnauthorized: false });\n', 'a.js', RULE), 'new Agent({});\n');
      assert.strictEqual(
        remove('new Agent({ keepAlive: true, rejectUnauthorized: false });\n', 'a.js', RULE),
        'new Agent({ keepAlive: true });\n',
      );
      assert.strictEqual(
        remove('const o = {\n  rejectUnauthorized: false,\n  a: 1,\n};\n', 'a.js', RULE),
        'const o = {\n  a: 1,\n};\n',
      );
      assert.strictEqual(remove('o.rejectUnauthorized = false;\ngo();\n', 'a.js', RULE), 'go();\n');
    });
  });
});
