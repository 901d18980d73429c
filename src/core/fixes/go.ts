// Go fix: `InsecureSkipVerify: true` → `RootCAs: loadRootCAs("<bundle>")`, with a small helper function appended to
// the file (os.ReadFile + x509.NewCertPool + AppendCertsFromPEM) and its imports. A helper rather than statements
// before the literal: it works in package-level `var` blocks and in functions of any signature, and it panics on a
// missing bundle instead of silently connecting without the CA.
import { cString } from '../text/quote';
import { eolOf } from '../text/lines';
import type { Target } from './text';
import type { OffsetEdit } from './types';

/** Name of the helper the fix adds (once per file). */
export const GO_HELPER = 'loadRootCAs';

const HELPER = [
  '',
  `// ${GO_HELPER} reads a PEM CA bundle into a certificate pool, so TLS verification stays on for a private CA.`,
  `func ${GO_HELPER}(path string) *x509.CertPool {`,
  '\tpem, err := os.ReadFile(path)',
  '\tif err != nil {',
  '\t\tpanic("reading CA bundle: " + err.Error())',
  '\t}',
  '\tpool := x509.NewCertPool()',
  '\tif !pool.AppendCertsFromPEM(pem) {',
  '\t\tpanic("no PEM certificates in CA bundle " + path)',
  '\t}',
  '\treturn pool',
  '}',
];

/**
 * The variable the anchored helper reads first: a Go binary does not know where its source was, so a path relative to
 * the source file cannot be computed at run time; `TLS_CA_BUNDLE=/abs/bundle.pem ./app` works from any folder and the
 * written path (relative to the working directory `go run` is usually started from) stays the default.
 */
export const GO_BUNDLE_VAR = 'TLS_CA_BUNDLE';

/** The helper's body with the `$TLS_CA_BUNDLE` override (used when the caller asks for anchored paths). */
const ENV_HELPER = [
  '',
  `// ${GO_HELPER} reads a PEM CA bundle into a certificate pool, so TLS verification stays on for a private CA.`,
  `// $${GO_BUNDLE_VAR} (an absolute path) overrides the default path, which is relative to the working directory.`,
  `func ${GO_HELPER}(path string) *x509.CertPool {`,
  `\tif p := os.Getenv("${GO_BUNDLE_VAR}"); p != "" {`,
  '\t\tpath = p',
  '\t}',
  ...HELPER.slice(3),
];

/** The `InsecureSkipVerify` fix; `envOverride` adds the $TLS_CA_BUNDLE override to a new helper. */
export function insecureSkipVerify(t: Target, bundle: string, envOverride = false): OffsetEdit[] | undefined {
  const m = /^InsecureSkipVerify(\s*)(:|=)(\s*)true$/.exec(t.value);
  if (!m) return undefined;
  const edits: OffsetEdit[] = [
    { start: t.start, end: t.end, newText: `RootCAs${m[1]}${m[2]}${m[3]}${GO_HELPER}(${cString(bundle)})` },
  ];
  if (!new RegExp(`^func ${GO_HELPER}\\(`, 'm').test(t.text)) {
    edits.push(...goImports(t.text, ['crypto/x509', 'os']));
    const eol = eolOf(t.text);
    const lead = t.text.endsWith('\n') ? '' : eol;
    edits.push({
      start: t.text.length,
      end: t.text.length,
      newText: lead + (envOverride ? ENV_HELPER : HELPER).join(eol) + eol,
    });
  }
  return edits;
}

/** Edits adding the missing `paths` to the file's imports (into a parenthesised block, in sorted position). */
export function goImports(text: string, paths: readonly string[]): OffsetEdit[] {
  const missing = paths.filter((p) => !new RegExp(`^\\s*(?:import\\s+)?(?:[\\w.]+\\s+)?"${p}"`, 'm').test(text));
  if (missing.length === 0) return [];
  const eol = eolOf(text);
  const block = /^import\s*\(([^)]*)\)/m.exec(text);
  if (block) return missing.map((p) => intoBlock(block, p, eol));
  const single = [...text.matchAll(/^import\s+(?:[\w.]+\s+)?"[^"]+"[^\n]*\n?/gm)].pop();
  const pkg = /^package\s+\w+[^\n]*\n?/m.exec(text);
  const at = single ? single.index + single[0].length : pkg ? pkg.index + pkg[0].length : 0;
  const lines = missing.map((p) => `import "${p}"`).join(eol);
  return [{ start: at, end: at, newText: single ? `${lines}${eol}` : `${eol}${lines}${eol}` }];
}

/** Inserts `"p"` into an `import ( … )` block before the first line that sorts after it (gofmt order). */
function intoBlock(block: RegExpExecArray, p: string, eol: string): OffsetEdit {
  const bodyStart = block.index + block[0].indexOf('(') + 1;
  const lines = [...block[1].matchAll(/^([ \t]*)(?:[\w.]+\s+)?"([^"]+)"[^\n]*$/gm)];
  const indent = lines[0]?.[1] || '\t';
  const after = lines.find((l) => l[2] > p);
  const at = after ? bodyStart + after.index : bodyStart + block[1].length;
  const needsBreak = !after && !/\n[ \t]*$/.test(block[1]);
  return {
    start: at,
    end: at,
    newText: after ? `${indent}"${p}"${eol}` : `${needsBreak ? eol : ''}${indent}"${p}"${eol}`,
  };
}
