// Typing in a file with findings (issue 17): a pause whose re-scan finds exactly what is shown publishes nothing (no
// diagnostics update, so no lightbulb or lens refresh follows), an edit that changes a finding does publish, and the
// "Check TLS" lenses follow the edits line by line (they stay where the URLs are, and a new URL gets one). And a file
// deleted between a watcher event and the read is gone, not "skipped" (no ENOENT line in the log).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DiagnosticsManager } from '../../src/extension/diagnostics/manager';
import { WorkspaceExcludes } from '../../src/extension/diagnostics/excludes';
import { rescanFromDisk } from '../../src/extension/diagnostics/workspaceScan';
import { FindingStore } from '../../src/extension/findings';
import { LiveScanner } from '../../src/extension/diagnostics/liveScan';
import { UrlLensProvider } from '../../src/extension/checkUrl/codeLens';
import * as path from 'path';
import { activateExtension, screenshot, sleep, tlsDiagnostics, waitFor } from './helpers';
import { scanText } from '../../src/core/scan/index';

const LINES = [
  'import requests',
  '',
  'API = "https://api.internal.example"',
  '',
  'def fetch(path):',
  '    return requests.get(API + path, verify=False, timeout=5)',
  '',
];

/** Lines of the "Check TLS" lenses of `doc`. */
/** The workspace's app/client.py opened in an editor, and its requests verify=False problems as shown. */
async function openClientPy() {
  await activateExtension();
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'app', 'client.py'));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const rule = 'python.requests-verify-false';
  const ofRule = () => tlsDiagnostics(doc.uri).filter((d) => String((d.code as { value: string }).value) === rule);
  return { doc, editor, rule, ofRule };
}

/** The file as it was, on disk too (an auto-save may have written the typed lines), and its editor closed. */
async function restoreAndClose(doc: vscode.TextDocument, editor: vscode.TextEditor, original: string): Promise<void> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  await vscode.window.showTextDocument(doc);
  if (doc.getText() !== original) await editor.edit((b) => b.replace(all, original));
  await doc.save();
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

async function urlLensLines(doc: vscode.TextDocument): Promise<number[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    doc.uri,
    100,
  );
  return lenses
    .filter((l) => l.command?.command === 'tlsDoctor.checkUrl')
    .map((l) => l.range.start.line)
    .sort((a, b) => a - b);
}

describe('typing in a file with findings', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    doc = await vscode.workspace.openTextDocument({ language: 'python', content: LINES.join('\n') });
    editor = await vscode.window.showTextDocument(doc);
    await waitFor(() => tlsDiagnostics(doc.uri).length === 1, 10_000, 'the finding of the untitled file');
  });
  after(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('publishes nothing after a pause that changed no finding, and publishes when a finding changed', async () => {
    let updates = 0;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === doc.uri.toString())) updates++;
    });
    try {
      // A letter in an identifier far from the finding: the re-scan (after the 300 ms debounce) finds the same.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(4, 4), 'x')));
      await sleep(1500);
      assert.strictEqual(updates, 0, 'no diagnostics update for an unchanged result');
      assert.strictEqual(tlsDiagnostics(doc.uri).length, 1, 'the finding is still shown');
      // A second insecure call: the re-scan finds two, and shows them.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(6, 0), 'requests.get(API, verify=False)\n')));
      await waitFor(() => tlsDiagnostics(doc.uri).length === 2, 10_000, 'the new finding');
      // The host fires onDidChangeDiagnostics debounced, after the collection already holds the new list.
      await waitFor(() => updates >= 1, 5_000, 'the diagnostics update of the changed result');
    } finally {
      sub.dispose();
    }
  });

  it('keeps the "Check TLS" lenses on their URLs while lines are added above them and lenses a new URL', async () => {
    const before = await urlLensLines(doc);
    assert.deepStrictEqual(before, [2], 'the lens of the URL literal');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# a header\n\n')));
    assert.deepStrictEqual(await urlLensLines(doc), [4], 'moved down by the two lines added above');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'OTHER = "https://other.example/x"\n')));
    assert.deepStrictEqual(await urlLensLines(doc), [4, 5], 'the new URL has its lens, the old one stays');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(0, 0, 2, 0))));
    assert.deepStrictEqual(await urlLensLines(doc), [2, 3], 'both moved up when the header went');
  });
});

describe("typing: the re-scan runs in the live scanner's worker (dist/liveScanWorker.js)", function () {
  this.timeout(60_000);

  it('shows what the worker found for the version typed, the same as a scan on this thread would', async () => {
    const ext = await activateExtension();
    /** The bundled worker, counting the scans it was asked for and what it answered. */
    class Counting extends LiveScanner {
      answers: string[] = [];
      override async scan(...a: Parameters<LiveScanner['scan']>): ReturnType<LiveScanner['scan']> {
        const r = await super.scan(...a);
        this.answers.push(r?.kind ?? 'none');
        return r;
      }
    }
    const live = new Counting(path.join(ext.extensionPath, 'dist', 'liveScanWorker.js'));
    const manager = new DiagnosticsManager(
      {
        log: { info: () => undefined } as unknown as vscode.LogOutputChannel,
        findings: new FindingStore(),
        excludes: new WorkspaceExcludes(),
        live,
      },
      50,
    );
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: LINES.join('\n') });
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc) return;
      manager.edited(e);
      manager.schedule(doc);
    });
    const shown = () => manager.collection.get(doc.uri)?.length ?? 0;
    try {
      assert.strictEqual(manager.scanDocument(doc).length, 1, 'opened: scanned on this thread');
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(4, 4), 'x')));
      await waitFor(() => live.answers.length === 1, 10_000, 'the first pause scanned in the worker');
      assert.deepStrictEqual(live.answers, ['found'], 'the text sent once, the findings found there');
      assert.strictEqual(shown(), 1);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# header\n')));
      await waitFor(() => live.answers.length === 2, 10_000, 'the second pause');
      assert.strictEqual(live.answers[1], 'found', 'the finding moved a line down: new findings');
      await waitFor(() => manager.collection.get(doc.uri)?.[0]?.range.start.line === 6, 5_000, 'the moved finding');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(5, 4), 'x')));
      await waitFor(() => live.answers.length === 3, 10_000, 'the third pause');
      assert.strictEqual(live.answers[2], 'same', 'a letter in an identifier: the digest shown, nothing sent back');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(8, 0), 'requests.get(API, verify=False)\n')));
      await waitFor(() => shown() === 2, 10_000, 'the new finding, from the worker');
      // What the worker showed equals a scan of the whole text on this thread.
      const fromWorker = manager.collection
        .get(doc.uri)
        ?.map((d) => `${String((d.code as { value: string }).value)}@${d.range.start.line}`);
      const check = new DiagnosticsManager({
        log: { info: () => undefined } as unknown as vscode.LogOutputChannel,
        findings: new FindingStore(),
        excludes: new WorkspaceExcludes(),
      });
      try {
        check.set(doc.uri, doc.getText(), 'editor', doc.languageId);
        assert.deepStrictEqual(
          fromWorker,
          check.collection
            .get(doc.uri)
            ?.map((d) => `${String((d.code as { value: string }).value)}@${d.range.start.line}`),
        );
      } finally {
        check.dispose();
      }
      assert.ok(live.running, 'the worker runs (it ends after a minute without requests)');
    } finally {
      sub.dispose();
      manager.dispose();
      live.dispose();
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('a file deleted before the watcher read it', () => {
  it('is gone, not "skipped": its findings go and the log stays quiet', async () => {
    await activateExtension();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const manager = new DiagnosticsManager({
      log: log as unknown as vscode.LogOutputChannel,
      findings: new FindingStore(),
      excludes: new WorkspaceExcludes(),
    });
    try {
      const uri = vscode.Uri.joinPath(folder.uri, '.certs', 'deleted-meanwhile.py');
      manager.set(uri, 'import requests\nrequests.get("https://x.example", verify=False)\n', 'disk');
      assert.strictEqual(manager.originOf(uri), 'disk', 'the file had on-disk findings');
      await rescanFromDisk(manager, uri, log as unknown as vscode.LogOutputChannel);
      assert.strictEqual(manager.originOf(uri), undefined, 'its findings went with it');
      assert.deepStrictEqual(lines, [], 'nothing logged');
    } finally {
      manager.dispose();
    }
  });
});

describe('journey: open a file with findings, type, see the lightbulb and the hover', function () {
  this.timeout(60_000);

  it('after typing, the lightbulb offers the fixes and the hover explains the finding (screenshots)', async () => {
    await activateExtension();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'app', 'client.py'));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const finding = await waitFor(
      () =>
        tlsDiagnostics(doc.uri).find(
          (d) => String((d.code as { value: string }).value) === 'python.requests-verify-false',
        ),
      10_000,
      'the verify=False finding',
    );
    try {
      // Type a word on the line above the finding and pause: the finding stays, on the same line.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(finding.range.start.line - 1, 0), '# typed ')));
      await sleep(1000);
      const now = tlsDiagnostics(doc.uri).find((d) => d.range.isEqual(finding.range));
      assert.ok(now, 'the finding is where it was');
      editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        finding.range,
      );
      assert.ok(
        actions.some((a) => a.title.startsWith('Suppress python.requests-verify-false')),
        `the quick-fixes: ${actions.map((a) => a.title).join(' | ')}`,
      );
      await vscode.commands.executeCommand('editor.action.quickFix');
      await sleep(1500);
      await screenshot('typing-lightbulb');
      await vscode.commands.executeCommand('hideCodeActionWidget');
      await vscode.commands.executeCommand('editor.action.showHover');
      await sleep(1500);
      await screenshot('typing-hover');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('typing: a setting changed between two pauses applies to the next one (the settings snapshot)', function () {
  this.timeout(60_000);

  async function update(key: string, value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration('tlsDoctor').update(key, value, vscode.ConfigurationTarget.Workspace);
  }

  it('re-renders with a new severity at once, and the next pause shows its findings with it; lenses follow their switch', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: LINES.join('\n') });
    const editor = await vscode.window.showTextDocument(doc);
    const severities = () => tlsDiagnostics(doc.uri).map((d) => d.severity);
    try {
      const [first] = await waitFor(() => tlsDiagnostics(doc.uri).length === 1 && tlsDiagnostics(doc.uri));
      const rule = String((first.code as { value: string }).value);
      const before = first.severity;
      const [setTo, want] =
        before === vscode.DiagnosticSeverity.Error
          ? ['info', vscode.DiagnosticSeverity.Information]
          : ['error', vscode.DiagnosticSeverity.Error];
      await update('rules.severity', { [rule]: setTo });
      await waitFor(() => severities()[0] === want, 10_000, 'the shown finding re-rendered with the new severity');
      // A pause that finds a second one: shown with the setting as it is now.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(6, 0), 'requests.get(API, verify=False)\n')));
      await waitFor(() => severities().length === 2, 10_000, 'the new finding of the pause');
      assert.deepStrictEqual(severities(), [want, want]);
      await update('rules.severity', undefined);
      await waitFor(() => severities().every((s) => s === before), 10_000, 'back to the default severity');
      // A pause that moves both findings (new findings from the worker): rendered with the default again.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# header\n')));
      await waitFor(() => tlsDiagnostics(doc.uri)[0]?.range.start.line === 6, 10_000, 'the findings moved down');
      assert.deepStrictEqual(severities(), [before, before]);

      assert.deepStrictEqual(await urlLensLines(doc), [3], 'the URL lens');
      await update('check.codeLens', false);
      assert.deepStrictEqual(await urlLensLines(doc), [], 'no lens once switched off');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\n')));
      assert.deepStrictEqual(await urlLensLines(doc), [], 'still none after an edit');
      await update('check.codeLens', undefined);
      assert.deepStrictEqual(await urlLensLines(doc), [4], 'back, on the line it moved to');
    } finally {
      await update('rules.severity', undefined);
      await update('check.codeLens', undefined);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('typing: the "Check TLS" lenses are kept per document version', function () {
  this.timeout(30_000);

  it('gives a pause that moved no URL the same lenses, titles resolved once, and new ones when a URL moved', async () => {
    await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: LINES.join('\n') });
    const editor = await vscode.window.showTextDocument(doc);
    const provider = new UrlLensProvider();
    try {
      const first = provider.provideCodeLenses(doc);
      assert.deepStrictEqual(
        first.map((l) => [l.range.start.line, l.command]),
        [[2, undefined]],
        'a range only, no title yet',
      );
      const resolved = provider.resolveCodeLens(first[0]);
      assert.strictEqual(resolved.command?.title, 'Check TLS');
      assert.deepStrictEqual(resolved.command?.arguments, ['https://api.internal.example']);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(4, 4), 'x')));
      assert.strictEqual(provider.provideCodeLenses(doc), first, 'an edit that moved no URL: the same lenses');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n')));
      const moved = provider.provideCodeLenses(doc);
      assert.notStrictEqual(moved, first);
      assert.deepStrictEqual(
        moved.map((l) => l.range.start.line),
        [3],
        'moved down with its URL',
      );
    } finally {
      provider.dispose();
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('journey: type into a Python file, change the severity in the settings, the Problems panel follows', function () {
  this.timeout(60_000);

  it('shows the new finding of a pause, then every finding of the file as an error (screenshots)', async () => {
    const { doc, editor, rule, ofRule } = await openClientPy();
    const before = (await waitFor(() => ofRule().length > 0 && ofRule(), 10_000, 'the verify=False finding')).length;
    const config = vscode.workspace.getConfiguration('tlsDoctor');
    const original = doc.getText();
    try {
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      assert.ok(
        await editor.edit((b) => b.insert(end, '\n\ndef typed(url):\n    return requests.get(url, verify=False)\n')),
      );
      await waitFor(() => ofRule().length === before + 1, 10_000, 'the finding typed, after the pause');
      assert.ok(
        ofRule().every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
        'not errors by default',
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await sleep(1000);
      await screenshot('typing-problems-default');
      await config.update('rules.severity', { [rule]: 'error' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => ofRule().length === before + 1 && ofRule().every((d) => d.severity === vscode.DiagnosticSeverity.Error),
        10_000,
        'every finding of the rule an error',
      );
      await sleep(1000);
      await screenshot('typing-problems-error');
    } finally {
      await config.update('rules.severity', undefined, vscode.ConfigurationTarget.Workspace);
      await restoreAndClose(doc, editor, original);
    }
  });
});

describe('journey: type a finding into a Python file, undo it, paste a block, the Problems panel follows', function () {
  this.timeout(90_000);

  it('shows what each version holds: typed, undone, pasted, the paste undone (screenshots)', async () => {
    const { doc, editor, rule, ofRule } = await openClientPy();
    /** The lines of the rule's findings in the text as it is now (what the Problems panel must show). */
    const expected = () =>
      scanText(doc.getText(), 'app/client.py', { languageId: 'python', testFileSeverity: 'default' })
        .filter((f) => f.ruleId === rule)
        .map((f) => f.range.start.line);
    const shown = () => ofRule().map((d) => d.range.start.line);
    /** Until the panel shows the findings of the current text, `n` of them. */
    const follows = (n: number, what: string) =>
      waitFor(
        () => {
          const want = expected();
          return want.length === n && JSON.stringify(shown()) === JSON.stringify(want);
        },
        15_000,
        what,
      ).catch((e: Error) => {
        const state = `want ${n}, the text holds ${JSON.stringify(expected())}, shown ${JSON.stringify(shown())}`;
        throw new Error(`${e.message} (${state}; the text ends ${JSON.stringify(doc.getText().slice(-120))})`);
      });
    await waitFor(() => ofRule().length > 0, 10_000, 'the verify=False finding');
    // Counted from the text, once the panel shows it: an earlier suite's typed lines, reverted a moment ago, may still
    // be shown (a full run once read 2 here and then waited for 3).
    const before = expected().length;
    await follows(before, 'the panel showing the file as it is');
    const original = doc.getText();
    try {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(doc, { preview: false }); // the keys go to the focused editor
      // Typed key by key on a new last line, as a user would (each key its own edit and version).
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, '\n\n')));
      const last = new vscode.Position(doc.lineCount - 1, 0);
      editor.selection = new vscode.Selection(last, last);
      for (const ch of 'requests.get(URL, verify=False)') {
        await vscode.commands.executeCommand('type', { text: ch });
      }
      await follows(before + 1, 'the finding typed, after the pause');
      await sleep(500);
      await screenshot('typing-journey-typed');
      // Undo until the text is the file's again (the typed keys come back in a few undo stops).
      for (let i = 0; i < 40 && doc.getText() !== original; i++) await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'undone');
      await follows(before, 'the typed finding gone after undo');
      // A block pasted above the first finding: three findings more, and the ones below it move down.
      const block = [
        'def pasted(url):',
        '    requests.get(url, verify=False)',
        '    requests.post(url, verify=False)',
        '    return requests.put(url, verify=False)',
        '',
        '',
      ].join('\n');
      // Pasted at the top level, below the imports: the finding below it moves down.
      const at = new vscode.Position(3, 0);
      editor.selection = new vscode.Selection(at, at);
      // Through the clipboard where the browser lets the page use it; else the same single edit a paste makes.
      const pasted = () => doc.getText().includes('def pasted(url):');
      const viaClipboard = await Promise.resolve(vscode.env.clipboard.writeText(block))
        .then(() => vscode.commands.executeCommand('editor.action.clipboardPasteAction'))
        .then(
          () => waitFor(pasted, 3_000, 'the block pasted').then(() => true),
          () => false,
        )
        .catch(() => false);
      if (!viaClipboard) {
        console.log('typing journey: no clipboard in this browser, the block inserted as one edit');
        assert.ok(await editor.edit((b) => b.insert(at, block)));
      }
      assert.ok(pasted(), 'the block is in the file');
      await follows(before + 3, 'the pasted findings, and the moved ones on their new lines');
      await sleep(500);
      await screenshot('typing-journey-pasted');
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), original, 'the paste undone');
      await follows(before, "back to the file's findings on their lines");
    } finally {
      await restoreAndClose(doc, editor, original);
    }
  });
});

describe('typing: a save while a pause is scanned (auto-save) leaves it to that scan', function () {
  this.timeout(30_000);

  it('scans nothing on this thread when a pause of the document is scheduled, and scans when none is', async () => {
    const ext = await activateExtension();
    const live = new LiveScanner(path.join(ext.extensionPath, 'dist', 'liveScanWorker.js'));
    /** Counts the scans made on this thread. */
    class Counting extends DiagnosticsManager {
      here = 0;
      override scanDocument(...a: Parameters<DiagnosticsManager['scanDocument']>) {
        this.here++;
        return super.scanDocument(...a);
      }
    }
    const manager = new Counting(
      {
        log: { info: () => undefined } as unknown as vscode.LogOutputChannel,
        findings: new FindingStore(),
        excludes: new WorkspaceExcludes(),
        live,
      },
      50,
    );
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: LINES.join('\n') });
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== doc) return;
      manager.edited(e);
      manager.schedule(doc);
    });
    try {
      manager.scanDocument(doc);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(6, 0), 'requests.get(API, verify=False)\n')));
      const before = manager.here;
      manager.saved(doc); // the pause is scheduled: nothing here
      assert.strictEqual(manager.here, before, 'no scan on this thread');
      await waitFor(() => manager.collection.get(doc.uri)?.length === 2, 10_000, 'the pause shows the new finding');
      manager.saved(doc);
      assert.strictEqual(manager.here, before + 1, 'nothing pending: scanDocument (which keeps the scanned version)');
      assert.strictEqual(manager.collection.get(doc.uri)?.length, 2);
    } finally {
      sub.dispose();
      manager.dispose();
      live.dispose();
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('typing: a line break above the findings moves them (the store tells a move from a change)', function () {
  this.timeout(30_000);

  it('moves the diagnostics and fires onDidMove, not onDidChange; a new finding fires onDidChange', async () => {
    const ext = await activateExtension();
    const live = new LiveScanner(path.join(ext.extensionPath, 'dist', 'liveScanWorker.js'));
    const findings = new FindingStore();
    const manager = new DiagnosticsManager(
      {
        log: { info: () => undefined } as unknown as vscode.LogOutputChannel,
        findings,
        excludes: new WorkspaceExcludes(),
        live,
      },
      50,
    );
    const events: string[] = [];
    const subs = [findings.onDidChange(() => events.push('change')), findings.onDidMove(() => events.push('move'))];
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: LINES.join('\n') });
    subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== doc) return;
        manager.edited(e);
        manager.schedule(doc);
      }),
    );
    const lines = () => (manager.collection.get(doc.uri) ?? []).map((d) => d.range.start.line);
    try {
      manager.scanDocument(doc);
      const editor = await vscode.window.showTextDocument(doc);
      assert.deepStrictEqual(lines(), [5]);
      // A first pause in the worker (the shown version was scanned on this thread: no shape to compare yet).
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n')));
      await waitFor(() => lines()[0] === 6, 10_000, 'the finding on its new line');
      events.length = 0;
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n\n')));
      await waitFor(() => lines()[0] === 8, 10_000, 'moved by the two lines');
      assert.deepStrictEqual(events, ['move'], 'a move');
      assert.deepStrictEqual(
        findings.in(doc.uri).map((e) => [e.finding.range.start.line, e.removable, e.trust]),
        [[8, true, 'edit']],
        'the store holds the moved finding with its facts',
      );
      events.length = 0;
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, '\nrequests.get(API, verify=False)\n')));
      await waitFor(() => lines().length === 2, 10_000, 'the new finding');
      assert.deepStrictEqual(events, ['change'], 'a new finding is a change');
    } finally {
      for (const s of subs) s.dispose();
      manager.dispose();
      live.dispose();
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

describe('journey: line breaks and a paste above the findings and URLs of a Python file, the Problems panel and lenses follow', function () {
  this.timeout(90_000);

  it('shows each finding and "Check TLS" lens on its new line after each pause (screenshots)', async () => {
    const { doc, editor, rule, ofRule } = await openClientPy();
    const original = doc.getText();
    /** What the Problems panel and the lenses must show for the text as it is now. */
    const want = () => ({
      problems: scanText(doc.getText(), 'app/client.py', { languageId: 'python', testFileSeverity: 'default' })
        .filter((f) => f.ruleId === rule)
        .map((f) => f.range.start.line),
      lenses: doc
        .getText()
        .split('\n')
        .flatMap((l, i) => (l.includes('"https://') ? [i] : [])),
    });
    const follows = (what: string) =>
      waitFor(
        async () => {
          const w = want();
          const shown = ofRule().map((d) => d.range.start.line);
          return (
            JSON.stringify(shown) === JSON.stringify(w.problems) &&
            JSON.stringify(await urlLensLines(doc)) === JSON.stringify(w.lenses)
          );
        },
        15_000,
        what,
      );
    try {
      await follows('the file as it is');
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(doc, { preview: false });
      const top = new vscode.Position(0, 0);
      editor.selection = new vscode.Selection(top, top);
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('type', { text: '\n' });
      assert.strictEqual(doc.lineAt(3).text, 'import requests', 'three line breaks typed at the top');
      await follows('the finding and the URL lens three lines down');
      assert.deepStrictEqual(want().problems, [10]);
      await sleep(500);
      await screenshot('typing-linebreaks');
      const block = [
        '# pasted',
        'MIRROR = "https://mirror.internal.example"',
        'requests.get(MIRROR, verify=False)',
        '',
      ].join('\n');
      editor.selection = new vscode.Selection(top, top);
      const pasted = () => doc.getText().startsWith('# pasted');
      const viaClipboard = await Promise.resolve(vscode.env.clipboard.writeText(block))
        .then(() => vscode.commands.executeCommand('editor.action.clipboardPasteAction'))
        .then(
          () => waitFor(pasted, 3_000, 'the block pasted').then(() => true),
          () => false,
        )
        .catch(() => false);
      if (!viaClipboard) assert.ok(await editor.edit((b) => b.insert(top, block)));
      assert.ok(pasted(), 'the block is at the top');
      await follows('the pasted finding and lens, the others moved down by the block');
      assert.deepStrictEqual(want().problems, [2, 13]);
      assert.deepStrictEqual(want().lenses, [1, 8]);
      await sleep(500);
      await screenshot('typing-linebreaks-pasted');
    } finally {
      await restoreAndClose(doc, editor, original);
    }
  });
});
