// Prints the explainer's accuracy on a labelled set, and every miss:
//   node --import tsx test/unit/explain/measure.ts [test/fixtures/explain/holdout.json …]
// (no argument: every set under test/fixtures/explain). Not a test: it asserts nothing and always exits 0.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { report, score } from './score';
import type { LabelledMessage } from './score';

const dir = path.join(__dirname, '../../fixtures/explain');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith('.json'));

for (const f of files) {
  const file = path.isAbsolute(f) || f.includes('/') ? f : path.join(dir, f);
  const entries = JSON.parse(readFileSync(file, 'utf8')) as LabelledMessage[];
  const s = score(entries);
  console.log(`${path.basename(file)} (${s.total} messages)\n${report(s)}`);
  for (const m of s.misses) console.log(`  miss ${m.what}: expected ${m.expected}, got ${m.got}  ${m.source}`);
  console.log('');
}
