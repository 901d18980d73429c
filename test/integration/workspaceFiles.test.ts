// The one workspace writer: a new file and a rewrite go in one WorkspaceEdit; the rewritten file is saved (an
// unsaved ignore rule ignores nothing); nothing is written when nothing changes; a folder outside the workspace
// folder is never added to its .gitignore.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { openDocument } from '../../src/extension/documents';
import { rewriteFile, WorkspaceWrite } from '../../src/extension/workspaceFiles';
import { activateExtension, workspacePath } from './helpers';

describe('workspace writer', () => {
  const dir = 'writer-test/certs';

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(workspacePath('writer-test'), { recursive: true, force: true });
  });

  // (ignoreDir's .gitignore text comes from the lazily loaded certs bundle, which only the packaged extension has:
  // its entry is asserted through the real commands in fixes.test.ts and devcert.test.ts.)
  it('creates a file and rewrites another in one edit, and saves the rewritten file', async () => {
    fs.mkdirSync(workspacePath('writer-test'), { recursive: true });
    fs.writeFileSync(workspacePath('writer-test/ignore-me'), 'node_modules/\n');
    const file = vscode.Uri.file(workspacePath(`${dir}/a-bundle.pem`));
    const rewritten = vscode.Uri.file(workspacePath('writer-test/ignore-me'));
    const w = new WorkspaceWrite();
    assert.strictEqual(w.createFile(file, 'PEM\n', 'test bundle'), true);
    assert.strictEqual(await w.rewrite(rewritten, (t) => `${t}/certs/\n`, 'ignore certs'), true);
    assert.ok(w.edit.has(rewritten), 'the rewrite is in the same edit');
    assert.ok(!fs.existsSync(file.fsPath), 'nothing is written before apply');
    assert.strictEqual(await w.apply(), true);
    assert.strictEqual(fs.readFileSync(file.fsPath, 'utf8'), 'PEM\n');
    assert.strictEqual(fs.readFileSync(rewritten.fsPath, 'utf8'), 'node_modules/\n/certs/\n', 'saved to disk');
    assert.strictEqual(openDocument(rewritten)?.isDirty ?? false, false);
  });

  it('writes nothing when nothing changes, and never ignores a folder outside the workspace folder', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const w = new WorkspaceWrite();
    assert.strictEqual(
      await w.ignoreDir(folder, vscode.Uri.file(path.dirname(folder.fsPath))),
      false,
      'outside the folder',
    );
    assert.strictEqual(await w.ignoreDir(folder, folder), false, 'the folder itself');
    assert.strictEqual(
      w.createFile(vscode.Uri.file(workspacePath(`${dir}/a-bundle.pem`)), 'PEM\n', 'same', 'PEM\n'),
      false,
      'identical content',
    );
    assert.strictEqual(w.edit.size, 0, 'no text edit');
    const env = vscode.Uri.file(workspacePath('writer-test/.env'));
    assert.strictEqual(await rewriteFile(env, (t) => `${t}A=1\n`, 'env'), true);
    assert.strictEqual(await rewriteFile(env, (t) => t, 'env'), false);
    assert.strictEqual(fs.readFileSync(env.fsPath, 'utf8'), 'A=1\n');
  });
});
