// Issue 18's sink rule in a real VS Code: a constant that reaches a call (`VERIFY = False` … `verify=VERIFY`) is
// reported at the call, its related information points at the constant, and the quick fix, applied through the
// code-action API as the lightbulb does, rewrites the constant (not the call). Walked once with hover and lightbulb
// for the screenshots.
import * as assert from 'assert';
import * as fs from 'fs';
import * as tls from 'tls';
import * as vscode from 'vscode';
import {
  activateExtension,
  pageSteps,
  RESOLVE_ALL,
  screenshot,
  sleep,
  tlsDiagnostics,
  waitFor,
  workspacePath,
} from '../helpers';

const FILE = 'fixes/verify_constant.py';
const BUNDLE = 'fixes/certs/bundle.pem';
const RULE = 'python.requests-verify-false';
const TEXT = `import requests

VERIFY = False  # the staging proxy re-signs everything

r = requests.get("https://api.example.invalid/v1", verify=VERIFY)
print(r.status_code)
`;
const FIXED = `import requests
from pathlib import Path

VERIFY = str(Path(__file__).resolve().parent / "certs/bundle.pem")  # the staging proxy re-signs everything

r = requests.get("https://api.example.invalid/v1", verify=VERIFY)
print(r.status_code)
`;

async function setOutDir(value: string | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('tlsDoctor')
    .update('devcert.outDir', value, vscode.ConfigurationTarget.Workspace);
}

describe('sinks: a constant reaching a call', function () {
  this.timeout(90_000);

  before(async () => {
    await activateExtension();
    await setOutDir('fixes/certs');
    fs.mkdirSync(workspacePath('fixes/certs'), { recursive: true });
    fs.writeFileSync(workspacePath(BUNDLE), tls.rootCertificates.join('\n'));
    fs.writeFileSync(workspacePath(FILE), TEXT);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspacePath(FILE), { force: true });
    await setOutDir(undefined);
  });

  it('is found at verify=VERIFY with the constant as related information; the quick fix rewrites the constant', async () => {
    const uri = vscode.Uri.file(workspacePath(FILE));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const [d] = await waitFor(
      () => {
        const found = tlsDiagnostics(uri, RULE);
        return found.length ? found : undefined;
      },
      15_000,
      `${RULE} in ${FILE}`,
    );
    assert.deepStrictEqual(
      [d.range.start.line, d.range.start.character, d.range.end.character],
      [4, 51, 64],
      'at the keyword of the call',
    );
    assert.strictEqual(doc.getText(d.range), 'verify=VERIFY');
    assert.match(d.message, /\(through VERIFY, set on line 3\)$/);
    const related = d.relatedInformation ?? [];
    assert.strictEqual(related.length, 1, 'one related location');
    assert.strictEqual(related[0].location.uri.toString(), uri.toString());
    assert.strictEqual(doc.getText(related[0].location.range), 'VERIFY = False');
    assert.strictEqual(related[0].message, 'verification is turned off by this value');

    // The walk the screenshots show: the hover on the finding, then the lightbulb's menu.
    // Focus the editor with a click on the call's line, put the cursor in the finding, and ask for the hover with
    // the keyboard (ctrl+k ctrl+i) as a user would: it lists the related location under the message.
    await pageSteps([{ do: 'click', selector: '.monaco-editor .view-line', hasText: 'requests\\.get' }]);
    editor.selection = new vscode.Selection(d.range.start.translate(0, 3), d.range.start.translate(0, 3));
    const read = await pageSteps([
      { do: 'press', key: 'Control+k' },
      { do: 'press', key: 'Control+i' },
      { do: 'wait', selector: '.monaco-hover', hasText: 'verification is turned off by this value' },
      { do: 'read', selector: '.monaco-hover' },
    ]);
    if (read) assert.match(read[0].join(' '), /verify_constant\.py\(3, 1\)/, 'the hover names the constant');
    await screenshot('sink-hover-related');
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1_500);
    await screenshot('sink-lightbulb');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    await vscode.commands.executeCommand('editor.action.hideHover');
    // The pointer rests where the click left it, mid-window: a later test's quick pick would open under it and show a
    // row's tooltip over the rows it clicks. Leave it on the status bar.
    await pageSteps([{ do: 'hover', selector: '.part.statusbar' }]);

    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        undefined,
        RESOLVE_ALL,
      )) ?? [];
    const preferred = actions.filter((a) => a.isPreferred);
    assert.strictEqual(preferred.length, 1, `one preferred action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(
      preferred[0].title,
      `Trust a CA bundle instead (${BUNDLE}, not verified against api.example.invalid): rewrites line 3`,
    );
    assert.ok(preferred[0].edit, 'with a bundle in the workspace the edit is known up front');
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit));
    assert.strictEqual(doc.getText(), FIXED, 'the constant is rewritten, the call is not');
    await waitFor(() => tlsDiagnostics(uri, RULE).length === 0, 10_000, `${RULE} gone after the fix`);
    await screenshot('sink-fixed');
  });
});
