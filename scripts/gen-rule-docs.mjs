#!/usr/bin/env node
// Writes docs/rules/<id>.md and the generated tables of docs/rules/README.md from the rule registry
// (src/core/rules/catalog/*.ts). Run with `npm run docs:rules`; test/unit/rules/docs.test.ts fails when the committed
// pages differ from what this writes. With --check it only reports the differences (exit code 1).
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleDocs } from '../src/core/rules/docs.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');
const check = process.argv.includes('--check');
const files = renderRuleDocs(fs.readFileSync(join(dir, 'README.md'), 'utf8'));
const stale = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && !files.has(f));
let changed = 0;
for (const [name, content] of files) {
  const path = join(dir, name);
  const old = fs.existsSync(path) ? fs.readFileSync(path, 'utf8') : undefined;
  if (old === content) continue;
  changed++;
  if (check) console.log(`differs: docs/rules/${name}`);
  else fs.writeFileSync(path, content);
}
for (const f of stale) console.log(`no rule has this page (delete it?): docs/rules/${f}`);
console.log(`${changed} of ${files.size} files ${check ? 'differ' : 'written'}`);
if (check && (changed || stale.length)) process.exit(1);
