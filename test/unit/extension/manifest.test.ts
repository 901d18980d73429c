// The manifest as users meet it: every string users read is a %key% of package.nls.json (so it can be translated),
// the TLS Endpoints view has an empty state for trusted and untrusted workspaces, the walkthrough's steps each have a
// button, a completion event and an image that is shipped, and every setting carries the metadata the Settings editor
// shows (order, scope, a description with enumDescriptions for enums).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_TABLE } from '../../../src/extension/commandIds';

const ROOT = path.join(__dirname, '..', '..', '..');
type Json = { [k: string]: unknown };
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Json & {
  contributes: {
    viewsWelcome: { view: string; when: string; contents: string }[];
    walkthroughs: {
      id: string;
      steps: {
        id: string;
        description: string;
        media: { image: string; altText: string };
        completionEvents: string[];
      }[];
    }[];
    configuration: {
      properties: Record<
        string,
        {
          scope?: string;
          order?: number;
          enum?: string[];
          enumDescriptions?: string[];
          description?: string;
          markdownDescription?: string;
        }
      >;
    };
  };
};
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Keys whose string values users read (views' `name` too, but not the package's `name`). */
const USER_TEXT = new Set([
  'displayName',
  'description',
  'markdownDescription',
  'title',
  'category',
  'contextualTitle',
  'contents',
  'altText',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'deprecationMessage',
  'markdownDeprecationMessage',
]);

/** Every user-visible string in the manifest with its JSON path. */
function userStrings(node: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((v, i) => userStrings(v, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      const p = `${at}.${k}`;
      const isText = USER_TEXT.has(k) || (k === 'name' && /\.views\./.test(p));
      if (isText && typeof v === 'string') out.push([p, v]);
      else if (isText && Array.isArray(v)) {
        v.forEach((s, i) => {
          if (typeof s === 'string') out.push([`${p}[${i}]`, s]);
        });
      } else userStrings(v, p, out);
    }
  }
  return out;
}

/** The text a %key% stands for. */
function resolved(value: string): string {
  const m = /^%([^%]+)%$/.exec(value);
  return m ? (nls[m[1]] ?? '') : value;
}

/** Command ids in `command:` links of a Markdown text. */
function commandLinks(md: string): string[] {
  return [...md.matchAll(/\]\(command:([A-Za-z0-9_.]+)/g)].map((m) => m[1]);
}

describe('extension: manifest (localisable strings, empty states, walkthrough, settings)', () => {
  const strings = userStrings(manifest, '$');

  it("finds the manifest's user-visible strings (the walker itself works)", () => {
    assert.ok(strings.length > 50, `only ${strings.length} strings found`);
    assert.ok(strings.some(([p]) => p === '$.contributes.views.explorer[0].name'));
  });

  it('has no hard-coded user-visible string: each is a %key% defined in package.nls.json', () => {
    const bad = strings.filter(([, v]) => !/^%[A-Za-z0-9_.-]+%$/.test(v)).map(([p, v]) => `${p}: ${JSON.stringify(v)}`);
    assert.deepStrictEqual(bad, [], 'hard-coded strings (move them to package.nls.json)');
    const missing = strings
      .map(([p, v]) => [p, v.slice(1, -1)])
      .filter(([, k]) => typeof nls[k] !== 'string' || nls[k].trim() === '');
    assert.deepStrictEqual(missing, [], 'keys missing from package.nls.json');
  });

  it('package.nls.json has no key the manifest does not use', () => {
    const used = new Set(strings.map(([, v]) => v.slice(1, -1)));
    assert.deepStrictEqual(
      Object.keys(nls).filter((k) => !used.has(k)),
      [],
    );
  });

  it('gives TLS Endpoints an empty state for trusted and for untrusted workspaces', () => {
    const welcome = manifest.contributes.viewsWelcome.filter((w) => w.view === 'tlsDoctor.endpoints');
    const trusted = welcome.find((w) => w.when === 'isWorkspaceTrusted');
    const untrusted = welcome.find((w) => w.when === '!isWorkspaceTrusted');
    assert.ok(trusted && untrusted, 'one text per trust state');
    assert.deepStrictEqual(commandLinks(resolved(trusted.contents)).slice(0, 2), [
      'tlsDoctor.scanWorkspace',
      'tlsDoctor.checkUrl',
    ]);
    assert.ok(
      commandLinks(resolved(untrusted.contents)).includes('workbench.trust.manage'),
      'a Manage Workspace Trust link',
    );
    assert.ok(
      !commandLinks(resolved(untrusted.contents)).includes('tlsDoctor.checkUrl'),
      'no network button in Restricted Mode',
    );
  });

  it('walkthrough steps each have a command button, a completion event and a shipped image with alt text', () => {
    const ours = new Set<string>(
      Object.values(COMMAND_TABLE)
        .filter((c) => c.contributed)
        .map((c) => c.id),
    );
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough.steps.length >= 3);
    for (const s of walkthrough.steps) {
      const links = commandLinks(resolved(s.description));
      assert.ok(links.length > 0, `${s.id}: a button`);
      for (const id of links) {
        assert.ok(ours.has(id) || id === 'tlsDoctor.endpoints.focus', `${s.id}: ${id} is a contributed command`);
      }
      assert.ok(
        s.completionEvents.length > 0 &&
          s.completionEvents.every((e) => /^(onCommand|onView|onSettingChanged|onContext):/.test(e)),
        `${s.id}: completion events`,
      );
      assert.ok(
        s.media.image.startsWith('media/walkthrough/') && fs.existsSync(path.join(ROOT, s.media.image)),
        `${s.id}: ${s.media.image} exists under media/ (shipped)`,
      );
      assert.ok(resolved(s.media.altText).length > 10, `${s.id}: alt text`);
    }
  });

  it('every setting has an order, a scope and a description; enums describe each value', () => {
    const scopes = new Set([
      'application',
      'machine',
      'machine-overridable',
      'window',
      'resource',
      'language-overridable',
    ]);
    const orders = new Set<number>();
    for (const [key, p] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(typeof p.order === 'number' && !orders.has(p.order), `${key}: a unique order`);
      orders.add(p.order);
      assert.ok(p.scope && scopes.has(p.scope), `${key}: scope`);
      assert.ok(p.description || p.markdownDescription, `${key}: description`);
      if (p.enum) {
        assert.strictEqual(p.enumDescriptions?.length, p.enum.length, `${key}: one enumDescription per value`);
      }
    }
  });

  it('settings that name files or programs of this machine are machine-scoped, never folder settings', () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ['tlsDoctor.check.extraCaFiles', 'tlsDoctor.pythonPath']) {
      assert.strictEqual(props[key].scope, 'machine-overridable', key);
    }
    for (const key of ['tlsDoctor.devcert.caDir', 'tlsDoctor.devcert.nameConstrained']) {
      assert.strictEqual(props[key].scope, 'machine', key);
    }
    for (const key of ['tlsDoctor.statusBar.enabled', 'tlsDoctor.scan.onActivation']) {
      assert.strictEqual(props[key].scope, 'window', key);
    }
  });
});
