// The registry answers what a rule is; callers (fixes, endpoint enrichment, suppressions) read facts from it.
import * as assert from 'assert';
import { allRules, conceptOf, familyOf, families, ruleById } from '../../../src/core/rules/registry';
import { defineFamily, ruleFactory } from '../../../src/core/rules/define';
import { CONCEPTS, CONFIG_SURFACES, isConcept } from '../../../src/core/rules/vocabulary';
import { clientStoreOf } from '../../../src/core/endpoints/enrich';
import { envVarsFor, fixKindOf } from '../../../src/core/fixes/index';

describe('rules: registry', () => {
  it('finds every rule by id, with its family and concept; unknown ids give undefined', () => {
    for (const f of families) {
      for (const r of f.rules) {
        assert.strictEqual(ruleById(r.id), r);
        assert.strictEqual(familyOf(r.id), f);
        assert.strictEqual(conceptOf(r.id), r.concept);
      }
    }
    assert.strictEqual(ruleById('python.nope'), undefined);
    assert.strictEqual(conceptOf('python.nope'), undefined);
    assert.strictEqual(allRules().length, 132);
  });

  it('every rule declares a known concept, a surface, a client and upper-case CA variables', () => {
    for (const r of allRules()) {
      assert.ok(isConcept(r.concept), `${r.id}: ${r.concept}`);
      assert.ok(r.client && r.surface && r.examples.file, r.id);
      for (const v of r.caVars) assert.match(v, /^[A-Z_]+$/, r.id);
    }
    assert.ok(
      Object.keys(CONCEPTS).every((c) => allRules().some((r) => r.concept === c)),
      'every concept has a rule',
    );
    assert.ok(!isConcept('python.requests-verify-false') && !isConcept('toString'));
  });

  it("config surfaces are exactly the config family's", () => {
    for (const r of allRules()) {
      assert.strictEqual(CONFIG_SURFACES.has(r.surface), familyOf(r.id)!.id === 'config', r.id);
    }
  });

  it('callers read facts from the data: fix kind, CA variables, trust store', () => {
    assert.strictEqual(fixKindOf('python.httpx-verify-false'), 'python-verify-kwarg');
    assert.strictEqual(fixKindOf('nope.x'), 'none');
    assert.deepStrictEqual(envVarsFor('python.requests-verify-false', 'python-verify-kwarg'), [
      'REQUESTS_CA_BUNDLE',
      'SSL_CERT_FILE',
    ]);
    assert.deepStrictEqual(envVarsFor('config.npmrc-strict-ssl', 'npm-strict-ssl'), ['NODE_EXTRA_CA_CERTS']);
    assert.deepStrictEqual(
      envVarsFor('env.pip-trusted-host', 'pip-trusted-host'),
      [],
      'an env finding is itself the variable',
    );
    assert.deepStrictEqual(envVarsFor('python.aiohttp-ssl-false', 'none'), [], 'no fix, no alternative');
    assert.strictEqual(clientStoreOf('config.gitconfig-ssl-verify').client, 'git');
    assert.strictEqual(clientStoreOf('env.empty-ca-bundle').client, 'python-requests');
    assert.strictEqual(clientStoreOf('shell.wget-no-check-certificate').client, 'curl');
    assert.strictEqual(clientStoreOf('jvm.trust-all-certificates').client, 'server');
    assert.strictEqual(clientStoreOf('nope.x').client, 'server');
  });
});

describe('rules: defineFamily and ruleFactory', () => {
  const rule = ruleFactory('demo', { surface: 'shell', file: 'run.sh' });
  const R = {
    a: rule('a', {
      title: 'A',
      description: 'a',
      concept: 'verification-off',
      client: 'curl',
      examples: { flagged: ['«x»'], ok: ['y'] },
    }),
    b: rule('b', {
      title: 'B',
      description: 'b',
      concept: 'tool-config-switch',
      client: 'git',
      fix: 'git-ssl-verify',
      severity: 'error',
      surface: 'gitconfig',
      caVars: ['GIT_SSL_CAINFO'],
      examples: { file: '.gitconfig', flagged: ['«x»'], ok: ['y'] },
    }),
  };

  it('prefixes ids and fills the family defaults', () => {
    assert.deepStrictEqual(R.a, {
      id: 'demo.a',
      title: 'A',
      severity: 'warning',
      description: 'a',
      fix: 'none',
      concept: 'verification-off',
      client: 'curl',
      surface: 'shell',
      caVars: [],
      examples: { file: 'run.sh', flagged: ['«x»'], ok: ['y'] },
    });
    assert.strictEqual(R.b.surface, 'gitconfig');
    assert.strictEqual(R.b.examples.file, '.gitconfig');
    assert.strictEqual(R.b.severity, 'error');
  });

  it('refuses a rule without a surface or examples file', () => {
    assert.throws(
      () =>
        ruleFactory('demo')('c', {
          title: 'C',
          description: 'c',
          concept: 'verification-off',
          client: 'curl',
          examples: { flagged: [], ok: [] },
        }),
      /surface/,
    );
  });

  it('builds a family whose rules are the catalog values, in order', () => {
    const f = defineFamily({
      id: 'demo',
      rules: R,
      prefilter: /x/,
      notes: 'n',
      appliesTo: (p) => p.endsWith('.sh'),
      scan: () => [],
    });
    assert.deepStrictEqual(
      f.rules.map((r) => r.id),
      ['demo.a', 'demo.b'],
    );
    assert.strictEqual(f.notes, 'n');
    assert.ok(f.appliesTo('x.sh') && !f.appliesTo('x.py'));
  });
});
