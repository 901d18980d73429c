// Notebook cells in a real VS Code: a .ipynb opened in the notebook editor gets live diagnostics on its cell
// documents (scheme vscode-notebook-cell), at the cell's own line and column, including the shell magics of a Python
// cell, and a fix typed into a cell clears its diagnostic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, screenshot, tlsDiagnostics, waitFor } from './helpers';

function codes(uri: vscode.Uri): string[] {
  return tlsDiagnostics(uri)
    .map((d) => `${typeof d.code === 'object' ? String(d.code.value) : String(d.code)}@${d.range.start.line}`)
    .sort();
}

describe('diagnostics: notebook cells', function () {
  this.timeout(60_000);
  let nb: vscode.NotebookDocument;

  before(async () => {
    await activateExtension();
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder is open');
    nb = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'notebooks/billing-export.ipynb'));
    await vscode.window.showNotebookDocument(nb);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows the verify=False of a code cell on that cell, at its line in the cell', async () => {
    const cell = nb.cellAt(1);
    assert.strictEqual(cell.document.uri.scheme, 'vscode-notebook-cell');
    assert.strictEqual(cell.document.languageId, 'python');
    await waitFor(() => codes(cell.document.uri).length > 0, 15_000, 'diagnostics on cell 2');
    assert.deepStrictEqual(codes(cell.document.uri), ['python.requests-verify-false@7']);
    const d = tlsDiagnostics(cell.document.uri)[0];
    assert.strictEqual(cell.document.getText(d.range), 'verify=False');
  });

  it('reads the shell magics of a Python cell (!curl -k, %pip --trusted-host, %env)', async () => {
    const cell = nb.cellAt(2);
    await waitFor(() => codes(cell.document.uri).length >= 3, 15_000, 'diagnostics on cell 3');
    const found = codes(cell.document.uri);
    assert.ok(found.includes('shell.curl-insecure@2'), found.join(', '));
    assert.ok(found.includes('shell.pip-trusted-host@0'), found.join(', '));
    assert.ok(
      found.every((c) => !c.endsWith('@3')),
      `the string "verify=False" in print() is not a finding: ${found.join(', ')}`,
    );
    await screenshot('notebook-cell-diagnostics');
  });

  it('clears a cell diagnostic when the cell is fixed', async () => {
    const cell = nb.cellAt(1);
    const doc = cell.document;
    const at = doc.getText().indexOf('verify=False');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      doc.uri,
      new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'verify=False'.length)),
      'verify="/etc/ssl/corp-ca.pem"',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => codes(doc.uri).length === 0, 15_000, 'cell diagnostics cleared');
  });
});
