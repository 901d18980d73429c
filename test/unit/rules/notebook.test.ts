// Jupyter notebooks: code cells are scanned by their language's families (and the shell magics of Python cells);
// findings point into the .ipynb file and name the cell and line, in text, JSON and SARIF.
import * as assert from 'assert';
import * as fs from 'fs';
import { notebookCells } from '../../../src/core/text/notebook';
import { isScannable, scanText, walkFiles } from '../../../src/core/scan/index';
import { toJson, toText } from '../../../src/core/report/index';
import { toSarif } from '../../../src/core/report/sarif';

const FIXTURE = 'test/fixtures/workspace/notebooks/billing-export.ipynb';

/** A notebook's JSON (nbformat 4) from cells given as [type, source lines]. */
function nb(cells: [string, string[] | string][], language = 'python'): string {
  return JSON.stringify(
    {
      cells: cells.map(([t, source]) => ({
        cell_type: t,
        metadata: {},
        source,
        ...(t === 'code' ? { outputs: [], execution_count: null } : {}),
      })),
      metadata: { kernelspec: { name: 'k', display_name: 'k', language } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

describe('rules: Jupyter notebooks', () => {
  const raw = fs.readFileSync(FIXTURE, 'utf8');
  const lines = raw.split('\n');
  const found = scanText(raw, 'notebooks/billing-export.ipynb');

  it('finds the switches of every code cell, Python and shell magics, at their place in the .ipynb', () => {
    const got = found.map((f) => [
      f.ruleId,
      f.range.start.line + 1,
      f.range.start.character + 1,
      f.cell!.index + 1,
      f.cell!.line + 1,
      f.cell!.character + 1,
    ]);
    assert.deepStrictEqual(got, [
      ['python.requests-verify-false', 24, 10, 2, 8, 5],
      ['shell.pip-trusted-host', 35, 19, 3, 1, 14],
      ['env.pythonhttpsverify-off', 36, 11, 3, 2, 6],
      ['shell.curl-insecure', 37, 12, 3, 3, 7],
      ['python.ssl-options-cert-none', 57, 61, 5, 1, 47],
    ]);
    for (const f of found.slice(0, 4)) {
      assert.strictEqual(
        lines[f.range.start.line].slice(f.range.start.character, f.range.end.character),
        f.value,
        'the range covers the text in the file',
      );
    }
    assert.strictEqual(
      lines[56].slice(found[4].range.start.character, found[4].range.end.character),
      '\\"cert_reqs\\": ssl.CERT_NONE',
      'escaped quotes are inside the range',
    );
    assert.strictEqual(found[4].value, '"cert_reqs": ssl.CERT_NONE', 'the value is the code as the cell shows it');
  });

  it('names the cell and line in the message, keeps related locations and honours suppression comments in cells', () => {
    assert.match(found[0].message, /\[cell 2, line 8\]$/);
    assert.strictEqual(found[0].related?.length, 1, 'urllib3.disable_warnings() of the same cell');
    assert.strictEqual(
      lines[found[0].related![0].range.start.line].trim().startsWith('"urllib3.disable_warnings()'),
      true,
    );
    assert.ok(
      !found.some((f) => f.ruleId === 'python.session-verify-false'),
      'the # tls-doctor: ignore in cell 4 applies',
    );
    assert.ok(
      !found.some((f) => f.cell!.index === 2 && f.ruleId.startsWith('python.')),
      'a string that mentions verify=False is not a finding',
    );
  });

  it('reports cell and line in text, JSON (a cell field) and SARIF (a logical location next to the .ipynb region)', () => {
    const results = found.map((finding) => ({ file: 'notebooks/billing-export.ipynb', finding }));
    assert.match(
      toText(results, { filesScanned: 1, filesSkipped: 0 }),
      /^notebooks\/billing-export\.ipynb:24:10 warning python\.requests-verify-false .*\[cell 2, line 8\]$/m,
    );
    const json = JSON.parse(toJson(results)) as { findings: { line: number; cell: unknown }[] };
    assert.deepStrictEqual(json.findings[0].cell, { index: 2, line: 8, column: 5 });
    assert.strictEqual(json.findings[0].line, 24);
    const sarif = JSON.parse(toSarif(results)) as {
      runs: {
        results: {
          locations: {
            physicalLocation: { region: { startLine: number } };
            logicalLocations: { name: string; fullyQualifiedName: string }[];
          }[];
        }[];
      }[];
    };
    const loc = sarif.runs[0].results[0].locations[0];
    assert.strictEqual(loc.physicalLocation.region.startLine, 24);
    assert.deepStrictEqual(
      loc.logicalLocations.map((l) => [l.name, l.fullyQualifiedName]),
      [['cell 2, line 8', 'notebooks/billing-export.ipynb#cell=2:8:5']],
    );
  });

  it('is picked up by the walker and scanned by the CLI path', () => {
    assert.ok(isScannable('x/analysis.ipynb') && isScannable('X.IPYNB'));
    const files = [...walkFiles(['test/fixtures/workspace/notebooks'], { accept: (p) => isScannable(p) })].map((e) =>
      e.path.replace(/\\/g, '/'),
    );
    assert.deepStrictEqual(files, [FIXTURE]);
  });

  it('reads cells: string or list sources, escapes, markdown skipped, %%bash cells as shell, other kernels by language', () => {
    const text = nb([
      ['markdown', ['requests.get(u, verify=False)']],
      ['code', 'x = requests.get(u,\n    verify=False)'],
      ['code', ['%%bash\n', 'curl -k https://x\n']],
    ]);
    const cells = notebookCells(text);
    assert.deepStrictEqual(
      cells.map((c) => [c.index, c.language, c.text]),
      [
        [1, 'python', 'x = requests.get(u,\n    verify=False)'],
        [2, 'shell', '%%bash\ncurl -k https://x\n'],
      ],
    );
    assert.deepStrictEqual(
      scanText(text, 'a.ipynb').map((f) => [f.ruleId, f.cell!.index, f.cell!.line, f.cell!.character, f.value]),
      [
        ['python.requests-verify-false', 1, 1, 4, 'verify=False'],
        ['shell.curl-insecure', 2, 1, 5, '-k'],
      ],
    );
    const js = nb([['code', ['const a = new https.Agent({ rejectUnauthorized: false });']]], 'javascript');
    assert.deepStrictEqual(
      scanText(js, 'a.ipynb').map((f) => f.ruleId),
      ['javascript.reject-unauthorized-false'],
    );
    const r = nb([['code', ['httr::GET(u, config(ssl_verifypeer = FALSE)) # verify=False']]], 'R');
    assert.deepStrictEqual(scanText(r, 'a.ipynb'), [], 'kernels without a family are skipped');
  });

  it('scans one cell as an editor shows it (the notebook path, the cell language): Python once, plus its shell magics', () => {
    const cell =
      '!curl -k https://x.test/data.csv -o data.csv\nrequests.get(u, verify=False)\n%env NODE_TLS_REJECT_UNAUTHORIZED=0';
    assert.deepStrictEqual(
      scanText(cell, 'notebooks/a.ipynb', { languageId: 'python' }).map((f) => [
        f.ruleId,
        f.range.start.line,
        f.range.start.character,
        f.value,
      ]),
      [
        ['shell.curl-insecure', 0, 6, '-k'],
        ['python.requests-verify-false', 1, 16, 'verify=False'],
        ['env.node-tls-reject-unauthorized', 2, 5, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
      ],
    );
    assert.deepStrictEqual(
      scanText('%%bash\ncurl -k https://x', 'a.ipynb', { languageId: 'shellscript' }).map((f) => f.ruleId),
      ['shell.curl-insecure'],
    );
  });

  it('never throws on what is not a notebook', () => {
    assert.deepStrictEqual(notebookCells('{"cells": 3}'), []);
    assert.deepStrictEqual(notebookCells('not json verify=False'), []);
    assert.deepStrictEqual(scanText('{"cells": [{"cell_type": "code", "source": 7}]} verify=False', 'a.ipynb'), []);
  });
});
