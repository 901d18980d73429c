// The settings snapshot of a typing pause (issue 17): a reader runs once per workspace folder until a change of the
// `tlsDoctor` section or of the folders; files of two folders of a multi-root workspace keep their own folder's value;
// a change of another section keeps everything.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { SettingsHost, SettingsSnapshot } from '../../../src/extension/settingsSnapshot';

/** A Uri stand-in: the snapshot only hands it to the host and the reader. */
const uri = (path: string) => ({ path, toString: () => `file://${path}` }) as unknown as vscode.Uri;

/** The workspace folders of the test (the host's and the reader's view of them). */
let roots: string[];

/** A host on `roots`, whose change events the test fires. */
function fakeHost() {
  let change: ((affects: (s: string) => boolean) => void) | undefined;
  let folders: (() => void) | undefined;
  const host: SettingsHost = {
    scopeKey: (u) => (u ? (roots.find((r) => u.path.startsWith(r)) ?? '(no folder)') : ''),
    onDidChange: (l) => ((change = l), { dispose: () => (change = undefined) }),
    onDidChangeFolders: (l) => ((folders = l), { dispose: () => (folders = undefined) }),
  };
  return {
    host,
    changed: (...sections: string[]) => change?.((s) => sections.some((x) => x === s || x.startsWith(`${s}.`))),
    foldersChanged: (next: string[]) => ((roots = next), folders?.()),
    listening: () => change !== undefined && folders !== undefined,
  };
}

describe('extension: settings snapshot', () => {
  /** Folder settings as the reader sees them (what getConfiguration would return), and the reads made. */
  let values: Record<string, number>;
  let reads: string[];
  const read = (u?: vscode.Uri) => {
    // What getConfiguration gives: the folder's value, else the workspace's (outside every folder, or no scope).
    const root = u ? (roots.find((r) => u.path.startsWith(r)) ?? 'none') : 'workspace';
    reads.push(root);
    return { maxFileSizeKB: values[root] ?? 0 };
  };
  beforeEach(() => {
    roots = ['/a/', '/b/'];
    values = { '/a/': 100, '/b/': 200, '/c/': 400, workspace: 300, none: 300 };
    reads = [];
  });

  it('reads once per workspace folder, each file getting its own folder value (multi-root)', () => {
    const f = fakeHost();
    const s = new SettingsSnapshot(f.host);
    assert.strictEqual(s.get(read, uri('/a/x.py')).maxFileSizeKB, 100);
    assert.strictEqual(s.get(read, uri('/a/sub/y.py')).maxFileSizeKB, 100);
    assert.strictEqual(s.get(read, uri('/b/x.py')).maxFileSizeKB, 200);
    assert.strictEqual(s.get(read, uri('/b/x.py')).maxFileSizeKB, 200);
    assert.strictEqual(s.get(read, uri('/elsewhere/z.py')).maxFileSizeKB, 300);
    assert.strictEqual(s.get(read).maxFileSizeKB, 300);
    assert.deepStrictEqual(reads, ['/a/', '/b/', 'none', 'workspace']);
  });

  it('reads again after a change of the tlsDoctor section, not after one of another section', () => {
    const f = fakeHost();
    const s = new SettingsSnapshot(f.host);
    s.get(read, uri('/a/x.py'));
    values['/a/'] = 150;
    f.changed('editor.fontSize');
    assert.strictEqual(s.get(read, uri('/a/x.py')).maxFileSizeKB, 100, 'an unrelated change keeps the snapshot');
    f.changed('tlsDoctor.scan.maxFileSizeKB');
    assert.strictEqual(s.get(read, uri('/a/x.py')).maxFileSizeKB, 150, 'the new folder value');
    assert.strictEqual(s.generation, 1);
    assert.deepStrictEqual(reads, ['/a/', '/a/']);
  });

  it('reads again when workspace folders change (a file may now belong to another folder)', () => {
    const f = fakeHost();
    const s = new SettingsSnapshot(f.host);
    assert.strictEqual(s.get(read, uri('/c/x.py')).maxFileSizeKB, 300, 'outside every folder: the workspace value');
    f.foldersChanged(['/a/', '/b/', '/c/']);
    assert.strictEqual(s.get(read, uri('/c/x.py')).maxFileSizeKB, 400, 'its new folder');
  });

  it('keeps readers apart and stops listening when disposed', () => {
    const f = fakeHost();
    const s = new SettingsSnapshot(f.host);
    const other = (u?: vscode.Uri) => `other:${u?.path ?? ''}`;
    s.get(read, uri('/a/x.py'));
    assert.strictEqual(s.get(other, uri('/a/x.py')), 'other:/a/x.py', 'a second reader is read on its own');
    assert.ok(f.listening());
    s.dispose();
    assert.ok(!f.listening());
  });
});
