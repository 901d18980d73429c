// The manifest's activation events: the extension wakes for the languages its rules read and for the JSON files
// that have rules (package.json scripts, launch/tasks/devcontainer env, composer), never for every JSON/JSONC file
// (settings, keybindings and every other JSON file VS Code opens would activate it in any workspace).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isScannable } from '../../../src/core/scan/index';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  activationEvents: string[];
};

describe('extension: activation events', () => {
  const events = manifest.activationEvents;

  it('does not activate on every JSON or JSONC file', () => {
    assert.deepStrictEqual(
      events.filter((e) => e === 'onLanguage:json' || e === 'onLanguage:jsonc'),
      [],
    );
  });

  it('activates on each workspace-level JSON surface some rule reads, and on Jupyter notebooks', () => {
    const files = events.flatMap((e) =>
      e.startsWith('workspaceContains:') ? [e.slice('workspaceContains:'.length)] : [],
    );
    for (const f of ['package.json', '.vscode/launch.json', '.vscode/tasks.json', '.vscode/settings.json']) {
      assert.ok(files.includes(f), `workspaceContains:${f}`);
    }
    assert.ok(files.includes('.devcontainer/devcontainer.json'));
    // Every pattern names a file the scanner reads (a pattern for a file no rule reads would activate for nothing).
    for (const f of files) assert.ok(isScannable(f), `${f} is scannable`);
    assert.ok(events.includes('onNotebook:jupyter-notebook'));
  });

  it('activates on Groovy: Gradle builds and Jenkinsfiles are scanned, and VS Code opens them as groovy', () => {
    for (const f of ['build.gradle', 'settings.gradle.kts', 'Jenkinsfile']) {
      assert.ok(isScannable(f), `${f} is scannable`);
    }
    assert.ok(events.includes('onLanguage:groovy'));
  });

  it('activates on a project folder before any file is opened: its usual top-level files (a Python project of .py files alone opened nothing)', () => {
    for (const f of [
      'setup.py',
      'pyproject.toml',
      'app.py',
      'main.go',
      'Cargo.toml',
      'build.gradle',
      'Gemfile',
      'main.tf',
    ]) {
      assert.ok(events.includes(`workspaceContains:${f}`), f);
    }
  });

  it('uses plain workspace-relative paths, never a recursive glob (a monorepo would be searched at every start)', () => {
    assert.deepStrictEqual(
      events.filter((e) => e.startsWith('workspaceContains:') && /\*/.test(e)),
      [],
    );
  });
});
