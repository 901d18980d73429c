// The TLS Endpoints view's empty state, seen on screen: the "empty" suite opens a folder with no files at all, so
// the inventory has no https endpoint and the workbench shows the view's welcome content (package.json viewsWelcome,
// the trusted text with its Scan and Check buttons). The screenshot is kept for review in test-results/screenshots/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, clearNotifications, sleep, workspacePath } from '../helpers';
import { reviewShot } from '../native';

describe('empty workspace: the TLS Endpoints view shows its welcome content', () => {
  before(async () => {
    await activateExtension();
  });

  it('has no endpoints in a folder with no files', async () => {
    assert.deepStrictEqual(fs.readdirSync(workspacePath()), [], 'the runner opened an empty folder');
    assert.strictEqual(vscode.workspace.isTrusted, true);
    const list = await vscode.commands.executeCommand<unknown[]>('tlsDoctor.endpoints.list');
    assert.deepStrictEqual(list, []);
  });

  it('shows the trusted empty state in the Explorer (screenshot for review)', async () => {
    // Room for the whole welcome text and its buttons: hide the (empty) Folders, Outline and Timeline sections.
    for (const view of ['workbench.explorer.fileView', 'outline', 'timeline']) {
      await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('tlsDoctor.endpoints.focus');
    await clearNotifications();
    await sleep(2000); // the view asks the tree for its items, then renders the welcome content
    const png = await reviewShot('endpoints-empty');
    if (png) console.log(`screenshot: ${png}`);
  });
});
