// `tls-doctor scan --fix --ca-bundle FILE` and `--fix-dry-run` (issue 19 item 6): the editor's "Trust a CA bundle
// instead" fix applied in bulk, with the same core edits and the same path rules (each reference anchored to its own
// source file, see src/core/fixes/anchor.ts). Each file is decoded as the scanner decodes it, fixed one finding at a
// time (re-scanned in between, so offsets never go stale and a second fix sees the first one's import), and written
// back atomically in its own encoding and line endings; or, for a dry run, shown as a unified diff.
import * as fs from 'fs';
import * as nodePath from 'path';
import { applyEdits, canTrustBundle, relativeRef, Surroundings, trustBundleFix } from '../core/fixes/index';
import type { FixResult, TextEdit } from '../core/fixes/index';
import { printable } from '../core/text/printable';
import { scanText } from '../core/scan/index';
import { describeIoError } from '../core/scan/walk';
import type { FileOutcome, ScanTarget } from '../core/scan/files';
import { readableCertCount } from '../core/tls/index';
import type { Finding } from '../core/rules/types';
import { Io, UsageError } from './command';
import { unifiedDiff } from './diff';

/** What the user asked for: write the fixes, or only show them. */
export interface FixRequest {
  readonly dryRun: boolean;
  /** The bundle's absolute path. */
  readonly bundleFile: string;
}

/** The fix flags of `scan`, validated (throws UsageError); undefined when neither --fix nor --fix-dry-run is given. */
export function fixRequest(
  values: { fix?: boolean; 'fix-dry-run'?: boolean; 'ca-bundle'?: string },
  io: Io,
): FixRequest | undefined {
  const wants = Boolean(values.fix) || Boolean(values['fix-dry-run']);
  if (!wants) {
    if (values['ca-bundle'] !== undefined) throw new UsageError('--ca-bundle is only used with --fix or --fix-dry-run');
    return undefined;
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  if (values['ca-bundle'] === undefined) {
    throw new UsageError(
      `${values.fix ? '--fix' : '--fix-dry-run'} needs --ca-bundle FILE (the CA bundle the fixed code should trust)`,
    );
  }
  return { dryRun: Boolean(values['fix-dry-run']), bundleFile: nodePath.resolve(io.cwd, values['ca-bundle']) };
}

/** --ca-bundle must be a regular file holding at least one readable PEM certificate (the checks of `check --ca`). */
export async function checkBundleFile(f: string): Promise<void> {
  let st: fs.Stats;
  try {
    st = fs.statSync(f);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`--ca-bundle file not found: ${f}`);
    throw new UsageError(`--ca-bundle ${f}: ${describeIoError(e)}`);
  }
  if (!st.isFile()) throw new UsageError(`--ca-bundle ${f}: not a regular file`);
  const n = await readableCertCount(f).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOTREG' || e.code === 'EFBIG') throw new UsageError(`--ca-bundle ${e.message}`);
    return 0;
  });
  if (n === 0) {
    throw new UsageError(
      `--ca-bundle ${f}: no certificate could be read from it (expected PEM: -----BEGIN CERTIFICATE-----)`,
    );
  }
}

/** How a file's bytes became text, so they go back the same way. */
type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'latin1';

/**
 * A file's text as an editor shows it: UTF-8 or UTF-16 with its byte order mark set aside (the fixers look for
 * imports at the start of a line, which a U+FEFF would hide), else latin1 (one char per byte, so no byte is lost).
 */
export function decode(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: Buffer.from(bytes.subarray(2)).swap16().toString('utf16le'), encoding: 'utf16be' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? { text: text.slice(1), encoding: 'utf8bom' } : { text, encoding: 'utf8' };
  } catch {
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

/** `text` back to bytes in `encoding` (UTF-16 with its BOM again); undefined when latin1 cannot hold a new character. */
export function encode(text: string, encoding: Encoding): Buffer | undefined {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    default:
      // eslint-disable-next-line no-control-regex
      return /[^\u0000-\u00ff]/.test(text) ? undefined : Buffer.from(text, 'latin1');
  }
}

/** Writes `bytes` over `file` atomically: a temp file in the same folder (same file system), its mode, then rename. */
export function writeAtomically(file: string, bytes: Buffer): void {
  const real = fs.realpathSync(file); // a symlink stays a symlink: its target is rewritten
  const mode = fs.statSync(real).mode & 0o7777;
  const tmp = nodePath.join(
    nodePath.dirname(real),
    `.${nodePath.basename(real)}.tls-doctor-${process.pid}-${Date.now().toString(36)}.tmp`,
  );
  try {
    fs.writeFileSync(tmp, bytes, { mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // the umask may have narrowed it
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** One applied fix, for the report: where (1-based line in the fixed file), the line before and after. */
interface Change {
  line: number;
  readonly ruleId: string;
  readonly before: string;
  readonly after: string;
  readonly note?: string;
}

/** A fixable finding that was left alone, and why. */
interface Left {
  line: number;
  readonly ruleId: string;
  readonly reason: string;
}

/** The result of fixing one file in memory. */
interface FileFix {
  readonly before: string;
  readonly after: string;
  readonly changes: Change[];
  readonly left: Left[];
}

/** Why a fix result is not applied without a person: it needs the environment, or would replace another CA. */
function refusal(r: FixResult): string | undefined {
  if (r.env) {
    return `needs ${Object.entries(r.env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} where the program starts (Node reads it only then): not changed`;
  }
  if (r.existingCa?.decision === 'ask') {
    return `${r.existingCa.variable} already names another CA (${r.existingCa.value}, line ${r.existingCa.line + 1}): not replaced; merge its certificates into the bundle or edit by hand`;
  }
  return undefined;
}

/** Fixes every trust-bundle finding of one file's text, one at a time (re-scanning in between). */
function fixText(
  text: string,
  file: string,
  scanPath: string,
  req: FixRequest,
  cwd: string,
  env: Surroundings,
): FileFix {
  const changes: Change[] = [];
  const refused = new Map<string, Left>();
  let current = text;
  const attempted = new Set<string>();
  const moduleType = env.moduleType(file);
  let gitIgnored: boolean | undefined;
  // Each applied fix removes its finding, so the loop ends; the cap guards against a fix whose result is still flagged.
  let limit = 5;
  for (let step = 0; step < limit; step++) {
    const findings = scanText(current, scanPath).filter((f) => canTrustBundle(f.ruleId));
    if (step === 0) limit += findings.length * 2;
    let applied = false;
    for (const f of findings) {
      const key = `${f.ruleId}\0${current.split('\n')[f.range.start.line]}\0${f.value}`;
      if (attempted.has(key)) continue;
      if (/(?:^|[\\/])\.env(?:\.[^\\/]*)?$|\.env$/i.test(file)) gitIgnored ??= env.gitIgnored(file);
      const r = trustBundleFix(current, f, {
        bundle: relativeRef(cwd, req.bundleFile),
        path: file,
        anchor: {
          bundleFile: req.bundleFile,
          ...(moduleType ? { moduleType } : {}),
          ...(gitIgnored ? { gitIgnored } : {}),
        },
      });
      const why = r ? refusal(r) : 'too unusual to rewrite automatically';
      if (!r || why) {
        attempted.add(key);
        refused.set(key, { line: f.range.start.line, ruleId: f.ruleId, reason: why ?? '' });
        continue;
      }
      const edits = [...r.edits, ...(r.followUps ?? []).flatMap((u) => u.edits)];
      const next = applyEdits(current, edits);
      for (const c of [...changes, ...refused.values()]) c.line = shiftLine(c.line, edits);
      // A finding at a sink is fixed at its origin (`VERIFY = False`): that is the line that changed.
      const site = f.origin ?? f;
      const line = shiftLine(
        site.range.start.line,
        edits.filter((e) => before(e, site)),
      );
      changes.push({
        line,
        ruleId: f.ruleId,
        before: lineAt(current, site.range.start.line),
        after: lineAt(next, line),
        ...(r.note ? { note: r.note } : {}),
      });
      current = next;
      applied = true;
      break;
    }
    if (!applied) break;
  }
  // A finding refused early may have been fixed by a later edit (a follow-up deleted its line): report what is left.
  const remaining = new Set(
    scanText(current, scanPath).map((f) => `${f.ruleId}\0${current.split('\n')[f.range.start.line]}\0${f.value}`),
  );
  const left = [...refused.entries()].filter(([k]) => remaining.has(k)).map(([, l]) => l);
  return { before: text, after: current, changes, left };
}

/** True when edit `e` ends at or before the finding's start (an import inserted above it moves its line). */
function before(e: TextEdit, f: Pick<Finding, 'range'>): boolean {
  const a = e.range.end;
  const b = f.range.start;
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Line `line` after `edits` (ranges in the text before them) are applied: lines added or removed above it move it. */
function shiftLine(line: number, edits: readonly TextEdit[]): number {
  let delta = 0;
  for (const e of edits) {
    if (e.range.end.line > line || (e.range.end.line === line && e.range.end.character > 0)) continue;
    delta += (e.newText.match(/\n/g)?.length ?? 0) - (e.range.end.line - e.range.start.line);
  }
  return line + delta;
}

function lineAt(text: string, line: number): string {
  return (text.split('\n')[line] ?? '').replace(/\r$/, '').trim();
}

/** The path shown for `file`: relative to the current directory, `/` separators. */
function shown(io: Io, file: string): string {
  return (nodePath.relative(io.cwd, file) || nodePath.basename(file)).split(nodePath.sep).join('/');
}

/**
 * Applies (or, for a dry run, shows) the fixes in the files that have fixable findings; returns the outcomes to report
 * afterwards: those files re-scanned as fixed (from disk after --fix, from memory after a dry run), the rest as they were.
 */
export function applyFixes(
  req: FixRequest,
  targets: readonly ScanTarget[],
  outcomes: readonly FileOutcome[],
  io: Io,
  rescan: (t: ScanTarget) => FileOutcome,
  say: (s: string) => void = io.out,
): FileOutcome[] {
  const env = new Surroundings();
  const byPath = new Map(targets.map((t) => [t.path, t]));
  let fixes = 0;
  let files = 0;
  const result = outcomes.map((o) => {
    if ('skip' in o || !o.findings.some((f) => canTrustBundle(f.ruleId))) return o;
    const t = byPath.get(o.path) ?? { path: o.path, scanPath: o.path };
    const fixed = fixOne(req, t, io, env, say);
    if (!fixed) return o;
    fixes += fixed.changes;
    if (fixed.changes) files++;
    if (fixed.changes === 0) return o;
    return req.dryRun ? { path: o.path, findings: scanText(fixed.after, t.scanPath) } : rescan(t);
  });
  io.err(
    `tls-doctor scan: ${req.dryRun ? 'would apply' : 'applied'} ${fixes} fix${fixes === 1 ? '' : 'es'} in ${files} file${files === 1 ? '' : 's'} (CA bundle ${shown(io, req.bundleFile)})\n`,
  );
  return result;
}

/** Fixes one file; prints its changes (or diff) and what was left; undefined when it could not be read or written. */
function fixOne(
  req: FixRequest,
  t: ScanTarget,
  io: Io,
  env: Surroundings,
  say: (s: string) => void,
): { changes: number; after: string } | undefined {
  const name = shown(io, t.path);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(t.path);
  } catch (e) {
    io.err(`tls-doctor scan: cannot read ${printable(name)} to fix it: ${describeIoError(e)}\n`);
    return undefined;
  }
  const { text, encoding } = decode(bytes);
  const fx = fixText(text, nodePath.resolve(t.path), t.scanPath, req, io.cwd, env);
  for (const l of fx.left) {
    io.err(`tls-doctor scan: not fixed ${printable(name)}:${l.line + 1} ${l.ruleId}: ${l.reason}\n`);
  }
  if (fx.changes.length === 0) return { changes: 0, after: text };
  const out = encode(fx.after, encoding);
  if (!out) {
    io.err(
      `tls-doctor scan: not fixed ${printable(name)}: it is not UTF-8 and the new text has characters latin1 cannot hold\n`,
    );
    return undefined;
  }
  if (req.dryRun) {
    say(unifiedDiff(name, fx.before, fx.after));
    for (const c of fx.changes) if (c.note) io.err(`tls-doctor scan: ${printable(name)}:${c.line + 1}: ${c.note}\n`);
    return { changes: fx.changes.length, after: fx.after };
  }
  try {
    writeAtomically(t.path, out);
  } catch (e) {
    io.err(`tls-doctor scan: cannot write ${printable(name)}: ${describeIoError(e)}\n`);
    return undefined;
  }
  for (const c of fx.changes) {
    say(`fixed ${printable(name)}:${c.line + 1} ${c.ruleId}: ${printable(c.before)} → ${printable(c.after)}\n`);
    if (c.note) say(`  note: ${c.note}\n`);
  }
  return { changes: fx.changes.length, after: fx.after };
}
