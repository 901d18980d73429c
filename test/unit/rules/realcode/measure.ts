// Prints the scanner's recall and false positives on real-code sets, and every miss:
//   node --import tsx test/unit/rules/realcode/measure.ts CORPUS.json …
// The corpora are snippets of other people's code, so they live outside this repository (the committed tests are
// fixtures written here, one per class of switch). Not a test: it asserts nothing and always exits 0.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { realCodeReport, scoreRealCode } from './score';
import type { RealCodeEntry } from './score';

const files = process.argv.slice(2);
if (files.length === 0) console.error('usage: measure.ts CORPUS.json …');

for (const file of files) {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as RealCodeEntry[];
  const s = scoreRealCode(entries);
  console.log(`${path.basename(file)} (${entries.length} snippets)\n${realCodeReport(s)}`);
  for (const m of s.misses) console.log(`  ${m.what} line ${m.line}: ${m.detail.trim()}  ${m.source}`);
  console.log('');
}
