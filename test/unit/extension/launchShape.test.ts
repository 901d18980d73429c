// launch.json shapes that jsonc-parser's `modify` cannot edit get a readable message (issue 11), and every shape
// the check accepts really can be edited.
import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, modify } from 'jsonc-parser';
import { launchShapeError } from '../../../src/extension/launchShape';

/** The edit loop of mergeLaunchEnv (envTargets.ts, which needs vscode): one `env` entry per configuration. */
function mergeEnv(text: string, json: { configurations?: unknown }): string {
  const count = Array.isArray(json.configurations) ? json.configurations.length : 0;
  let out = text;
  for (let i = 0; i < count; i++) {
    out = applyEdits(out, modify(out, ['configurations', i, 'env', 'SSL_CERT_FILE'], '/b.pem', {}));
  }
  return out;
}

describe('launch.json shape checks', () => {
  const cases: [unknown, RegExp][] = [
    [[], /launch\.json must be an object .* but it is a list/],
    [{ configurations: {} }, /"configurations" in launch\.json must be a list .* but it is an object/],
    [{ configurations: 'x' }, /must be a list .* but it is a string/],
    [{ configurations: [1] }, /configuration 1 in launch\.json must be an object .* but it is a number/],
    [{ configurations: [{}, null] }, /configuration 2 .* but it is null/],
    [
      { configurations: [{ name: 'Run', env: 'A=1' }] },
      /"env" of configuration 1 \("Run"\) in launch\.json must be an object \{ "NAME": "value" \}, but it is a string/,
    ],
    [{ configurations: [{ env: ['A=1'] }] }, /"env" of configuration 1 .* but it is a list/],
    [{ configurations: [{ env: null }] }, /but it is null/],
  ];
  for (const [json, re] of cases) {
    it(`names what is wrong in ${JSON.stringify(json)}`, () => {
      const msg = launchShapeError(json) ?? '';
      assert.match(msg, re);
      assert.doesNotMatch(msg, /Can not add/);
    });
  }

  it('accepts the usual shapes', () => {
    for (const ok of [
      {},
      { configurations: [] },
      { version: '0.2.0', configurations: [{ name: 'a' }, { env: { A: '1' } }] },
    ]) {
      assert.strictEqual(launchShapeError(ok), undefined);
    }
  });

  it('property: every accepted shape merges without jsonc-parser errors; every refused one would have thrown or been skipped', () => {
    const config = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record({ name: fc.string(), env: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    );
    const launch = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.record(
        { configurations: fc.oneof(fc.array(config, { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 })) },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(launch, (json) => {
        const text = JSON.stringify(json, null, 2);
        const problem = launchShapeError(json);
        if (problem === undefined) {
          const out = JSON.parse(mergeEnv(text, json as { configurations?: unknown }));
          for (const c of out.configurations ?? []) assert.strictEqual(c.env.SSL_CERT_FILE, '/b.pem');
        } else {
          assert.ok(problem.length > 20 && !/Can not add/.test(problem));
        }
      }),
      { numRuns: 300 },
    );
  });
});
