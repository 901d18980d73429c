// The command table (src/extension/commandIds.ts) against the manifest: every contributed id is declared in
// package.json contributes.commands and nothing else is; menus name only declared commands; ids are unique.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_TABLE, COMMANDS } from '../../../src/extension/commandIds';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, { command: string }[]> };
};

describe('extension: command table', () => {
  const entries = Object.values(COMMAND_TABLE);

  it('lists exactly the commands package.json contributes, and marks the rest internal', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(
      entries
        .filter((c) => c.contributed)
        .map((c) => c.id)
        .sort(),
      declared,
    );
    for (const c of entries.filter((e) => !e.contributed)) {
      assert.ok(!declared.includes(c.id), `${c.id} is internal but declared`);
    }
  });

  it('has unique ids under the tlsDoctor. prefix, and COMMANDS maps each name to its id', () => {
    const ids = entries.map((c) => c.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^tlsDoctor\.[A-Za-z.]+$/);
    for (const [name, c] of Object.entries(COMMAND_TABLE)) {
      assert.strictEqual((COMMANDS as Record<string, string>)[name], c.id);
    }
  });

  it('menus refer only to contributed commands of the table', () => {
    const contributed = new Set<string>(entries.filter((c) => c.contributed).map((c) => c.id));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
    }
  });
});
