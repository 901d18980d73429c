// action.yml (composite GitHub Action). GitHub itself cannot run here; what can: the YAML's shape (inputs declared
// and used, setup-node and upload-sarif steps, inputs reaching shells through env only), and the scan and fail steps'
// bash scripts run as the runner would run them, against a CLI bundle built from the sources.
import * as assert from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, parseYaml } from './tools';

const ROOT = path.resolve(__dirname, '../../..');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { value: string }>;
}

const action = parseYaml(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}` / `${{ runner.temp }}` / `${{ steps.scan.outputs.x }}` in an env value, as the runner expands them. */
function expand(value: string, ctx: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, name: string) => {
    if (!(name in ctx)) throw new Error(`test context lacks ${name}`);
    return ctx[name];
  });
}

describe('GitHub Action (action.yml)', function () {
  this.timeout(60_000);
  let tmp = '';
  let actionPath = '';
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-action-'));
    actionPath = path.join(tmp, 'action');
    // What `npm ci` (its prepare script) leaves in the action's folder: dist/cli.js, built from the current sources.
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: path.join(actionPath, 'dist/cli.js'),
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is a composite action: setup-node, install, scan, upload-sarif, fail; every input is used', () => {
    assert.strictEqual(action.runs.using, 'composite');
    const steps = action.runs.steps;
    assert.match(steps[0].uses ?? '', /^actions\/setup-node@v\d+$/);
    assert.match(steps.find((s) => s.name === 'Install TLS Doctor')?.run ?? '', /npm ci/);
    const upload = steps.find((s) => /^github\/codeql-action\/upload-sarif@v\d+$/.test(s.uses ?? ''));
    assert.ok(upload, 'uploads with github/codeql-action/upload-sarif');
    assert.strictEqual(upload.with?.sarif_file, '${{ steps.scan.outputs.sarif-file }}');
    for (const name of ['paths', 'fail-on', 'baseline']) assert.ok(action.inputs[name]?.description, `input ${name}`);
    const text = JSON.stringify(steps);
    for (const name of Object.keys(action.inputs)) {
      assert.ok(text.includes(`inputs.${name}`), `input ${name} is used by a step`);
    }
    // Inputs are data: a `run:` script that interpolated ${{ inputs.x }} could be made to run code.
    for (const s of steps) {
      assert.ok(!s.run?.includes('${{'), `step ${s.name ?? s.uses} expands expressions only in env`);
    }
  });

  /** Runs the step `id`/`name` as the runner would (bash -e, its env expanded), in `cwd`. */
  function runStep(which: string, cwd: string, ctx: Record<string, string>) {
    const step = action.runs.steps.find((s) => s.id === which || s.name === which)!;
    const out = path.join(tmp, `github-output-${which}-${Date.now()}`);
    fs.writeFileSync(out, '');
    const env = cleanEnv(path.join(tmp, 'home'), {
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_OUTPUT: out,
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
    });
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, ctx);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd,
      env,
      encoding: 'utf8',
    });
    const outputs = Object.fromEntries(
      fs
        .readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
  }

  function workspace(files: Record<string, string>): string {
    const ws = fs.mkdtempSync(path.join(tmp, 'ws-'));
    for (const [f, body] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
      fs.writeFileSync(path.join(ws, f), body);
    }
    return ws;
  }

  const inputs = (over: Record<string, string> = {}) => {
    const ctx: Record<string, string> = { 'runner.temp': tmp };
    for (const [k, v] of Object.entries(action.inputs)) ctx[`inputs.${k}`] = over[k] ?? v.default ?? '';
    return ctx;
  };

  it('scan step: writes SARIF for the paths, records the exit code, and leaves failing to the last step', () => {
    const ws = workspace({
      'app/client.py': 'requests.get(URL, verify=False)\n',
      'other/x.py': 'requests.get(URL, verify=False)\n',
    });
    const r = runStep('scan', ws, inputs({ paths: 'app' }));
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(r.outputs['exit-code'], '1');
    const log = JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8'));
    assert.strictEqual(log.version, '2.1.0');
    assert.deepStrictEqual(
      log.runs[0].results.map(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0].physicalLocation.artifactLocation.uri,
      ),
      ['app/client.py'],
    );

    const fail = runStep('Fail on findings', ws, {
      ...inputs(),
      'steps.scan.outputs.exit-code': r.outputs['exit-code'],
    });
    assert.strictEqual(fail.code, 1);
    assert.match(fail.stdout, /^::error::TLS Doctor found/m);
  });

  it('scan step: fail-on and baseline inputs reach the CLI; odd characters in inputs stay data', () => {
    const ws = workspace({ 'client.py': 'requests.get(URL, verify=False)\n' });
    assert.strictEqual(runStep('scan', ws, inputs({ 'fail-on': 'error' })).outputs['exit-code'], '0');
    spawnSync(
      process.execPath,
      [path.join(actionPath, 'dist/cli.js'), 'scan', '--write-baseline', 'tls-baseline.json'],
      { cwd: ws },
    );
    fs.appendFileSync(path.join(ws, 'client.py'), 'requests.post(URL, verify=False)\n');
    const r = runStep('scan', ws, inputs({ baseline: 'tls-baseline.json' }));
    assert.strictEqual(r.outputs['exit-code'], '1', 'the new line fails');
    const states = JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8')).runs[0].results.map(
      (x: { baselineState: string }) => x.baselineState,
    );
    assert.deepStrictEqual(states, ['unchanged', 'new']);
    const odd = runStep('scan', ws, inputs({ paths: '$(touch pwned) ;id' }));
    assert.strictEqual(odd.outputs['exit-code'], '2', 'no such paths: a usage error, not a command');
    assert.ok(!fs.existsSync(path.join(ws, 'pwned')));
  });
});
