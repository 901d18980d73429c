// The SARIF log against the official 2.1.0 JSON schema (draft-04), when one is at hand: the schema is not vendored
// (OASIS licence) and needs a draft-04-capable validator (ajv 6, which eslint brings along). Point
// TLS_DOCTOR_SARIF_SCHEMA at sarif-schema-2.1.0.json (oasis-tcs/sarif-spec, sarif-2.1/schema/) to run it.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../cliHarness';
import { skipBecause } from './tools';

const ROOT = path.resolve(__dirname, '../../..');

interface Ajv6 {
  addMetaSchema(s: object): void;
  compile(s: object): ((data: unknown) => boolean) & { errors?: unknown[] };
}

/** ajv 6 (draft-04 support) from wherever node_modules has it, or undefined. */
function ajv6(): Ajv6 | undefined {
  for (const dir of [path.join(ROOT, 'node_modules/ajv'), path.join(ROOT, 'node_modules/eslint/node_modules/ajv')]) {
    try {
      if (!JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version.startsWith('6.')) continue;
      const Ajv = require(dir) as new (o: object) => Ajv6;
      const ajv = new Ajv({ schemaId: 'id', allErrors: true });
      ajv.addMetaSchema(JSON.parse(fs.readFileSync(path.join(dir, 'lib/refs/json-schema-draft-04.json'), 'utf8')));
      return ajv;
    } catch {
      /* not this one */
    }
  }
  return undefined;
}

describe('SARIF against the 2.1.0 JSON schema', () => {
  const schemaFile = process.env.TLS_DOCTOR_SARIF_SCHEMA;
  const ajv = schemaFile ? ajv6() : undefined;
  const skipReason = !schemaFile
    ? 'set TLS_DOCTOR_SARIF_SCHEMA to sarif-schema-2.1.0.json'
    : !ajv
      ? 'no ajv 6 in node_modules'
      : undefined;
  beforeEach(function () {
    if (skipReason) skipBecause(this, skipReason);
  });

  it('validates with fingerprints, fixes, baseline states and suppressions; a broken log does not', async () => {
    const validate = ajv!.compile(JSON.parse(fs.readFileSync(schemaFile!, 'utf8')));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-sarif-schema-'));
    try {
      fs.writeFileSync(path.join(dir, 'c.py'), 'import requests\nrequests.get(URL, verify=False)\n');
      fs.writeFileSync(
        path.join(dir, 'a.ts'),
        'new https.Agent({ rejectUnauthorized: false });\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";\n',
      );
      fs.writeFileSync(path.join(dir, 'd.sh'), 'curl -k https://x.example.com/\n');
      await runCli(['scan', '--write-baseline', 'b.json'], dir);
      fs.appendFileSync(path.join(dir, 'c.py'), 'requests.post(URL, verify=False)\n');
      const log = JSON.parse((await runCli(['scan', '--format', 'sarif', '--baseline', 'b.json'], dir)).stdout);
      const results = log.runs[0].results as { baselineState: string; fixes?: unknown[]; suppressions?: unknown[] }[];
      assert.ok(
        results.some((r) => r.baselineState === 'new') &&
          results.some((r) => r.suppressions) &&
          results.every((r) => r.fixes),
      );
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
      results[0].baselineState = 'bogus';
      assert.ok(!validate(log), 'the validator does reject a bad log');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
