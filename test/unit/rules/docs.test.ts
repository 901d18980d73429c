// The committed rule docs are what `npm run docs:rules` writes from the registry: edit the rule's data
// (src/core/rules/catalog/*.ts), then regenerate. Also checks the rendering itself.
import * as assert from 'assert';
import * as fs from 'fs';
import {
  fenceOf,
  README_END,
  README_START,
  renderReadme,
  renderRuleDocs,
  rulePage,
} from '../../../src/core/rules/docs';
import { familyOf, ruleById } from '../../../src/core/rules/registry';

const DIR = 'docs/rules';

describe('rules: generated docs', () => {
  const files = renderRuleDocs(fs.readFileSync(`${DIR}/README.md`, 'utf8'));

  it('every committed page equals what the generator writes (run npm run docs:rules)', () => {
    for (const [name, content] of files) {
      assert.ok(fs.existsSync(`${DIR}/${name}`), `${DIR}/${name} is missing: run npm run docs:rules`);
      assert.strictEqual(
        fs.readFileSync(`${DIR}/${name}`, 'utf8'),
        content,
        `${DIR}/${name} differs from the generator: run npm run docs:rules`,
      );
    }
  });

  it('has no page without a rule', () => {
    const stale = fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && !files.has(f));
    assert.deepStrictEqual(stale, []);
  });

  it('a page shows the examples without marks, the notes of the rule and of its family, and the concept', () => {
    const rule = ruleById('python.requests-verify-false')!;
    const page = rulePage(rule, familyOf(rule.id)!);
    assert.ok(page.includes('```python\nrequests.get(url, verify=False)\n'), page);
    assert.ok(!page.includes('«') && !page.includes('»'));
    assert.ok(page.includes(rule.notes!) && page.includes(familyOf(rule.id)!.notes!));
    assert.ok(page.includes('tls-doctor: ignore verification-off'));
  });

  it('keeps the hand-written README prose and replaces only the generated part', () => {
    const once = renderReadme('# Title\n\nProse.\n');
    assert.ok(
      once.startsWith('# Title\n\nProse.\n\n') && once.includes(README_START) && once.trimEnd().endsWith(README_END),
    );
    const edited = `${once.replace(README_START, `${README_START}\n| stale | row |`)}\nAfter.\n`;
    assert.strictEqual(renderReadme(edited), `${once}\nAfter.\n`);
  });

  it('names fence languages by file', () => {
    assert.deepStrictEqual(
      ['app.py', 'Dockerfile', '.npmrc', 'ci.yml', 'main.tf', 'build.sh', '.vscode/settings.json'].map(fenceOf),
      ['python', 'dockerfile', 'ini', 'yaml', 'hcl', 'sh', 'jsonc'],
    );
  });
});
