// The shared defaults (src/core/settings/defaults.ts) against package.json contributes.configuration: the same
// keys, the same default values, the same bounds and enums, so the manifest, the extension and the CLI agree.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  CLI_DEFAULTS,
  PROBE_MODES,
  SETTING_BOUNDS,
  SETTING_DEFAULTS,
  SEVERITY_SETTINGS,
} from '../../../src/core/settings/defaults';

interface Prop {
  default?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  additionalProperties?: { enum?: string[] };
}
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Prop> } | { properties: Record<string, Prop> }[] };
};
const sections = manifest.contributes.configuration;
const props: Record<string, Prop> = Object.assign(
  {},
  ...(Array.isArray(sections) ? sections : [sections]).map((s) => s.properties),
);
const prop = (key: string): Prop => props[`tlsDoctor.${key}`];

describe('settings: shared defaults', () => {
  it('declares every tlsDoctor.* setting of package.json, and no other', () => {
    assert.deepStrictEqual(
      Object.keys(SETTING_DEFAULTS)
        .map((k) => `tlsDoctor.${k}`)
        .sort(),
      Object.keys(props)
        .filter((k) => k.startsWith('tlsDoctor.'))
        .sort(),
    );
  });

  for (const [key, value] of Object.entries(SETTING_DEFAULTS)) {
    it(`tlsDoctor.${key} defaults to ${JSON.stringify(value)} in package.json too`, () => {
      assert.deepStrictEqual(prop(key).default, value);
    });
  }

  it('clamps numbers to the manifest minimum and maximum (where the manifest has one)', () => {
    for (const [key, b] of Object.entries(SETTING_BOUNDS)) {
      const p = prop(key);
      assert.strictEqual(p.minimum, b.min, `${key} minimum`);
      if (p.maximum !== undefined) assert.strictEqual(p.maximum, b.max, `${key} maximum`);
      const d = (SETTING_DEFAULTS as Record<string, unknown>)[key] as number;
      assert.ok(d >= b.min && d <= b.max, `${key}: the default is inside its bounds`);
    }
  });

  it('allows the enums the manifest lists', () => {
    assert.deepStrictEqual(prop('probe.referencedEndpoints').enum, [...PROBE_MODES]);
    assert.deepStrictEqual(prop('testFiles.severity').enum, [...SEVERITY_SETTINGS, 'default']);
  });

  it("keeps each product's repeat: 3 for the interactive extension, 1 for a single CLI run; the rest shared", () => {
    assert.strictEqual(SETTING_DEFAULTS['check.repeat'], 3);
    assert.strictEqual(CLI_DEFAULTS.checkRepeat, 1);
    assert.strictEqual(CLI_DEFAULTS.checkTimeoutMs, SETTING_DEFAULTS['check.timeoutMs']);
    assert.strictEqual(CLI_DEFAULTS.devcertOutDir, SETTING_DEFAULTS['devcert.outDir']);
    assert.strictEqual(CLI_DEFAULTS.devcertValidityDays, SETTING_DEFAULTS['devcert.validityDays']);
  });
});
