// `tls-doctor scan`: walk the named paths, scan every file a rule family reads, print text/JSON/SARIF, and exit
// 0 (nothing at or above --fail-on), 1 (findings) or 2 (usage error or a named path that does not exist).
import * as fs from 'fs';
import * as nodePath from 'path';
import { pathToFileURL } from 'url';
import { Command, Io, oneOf, parse, positiveInt, UsageError } from './command';
import { isScannable, walkFiles } from '../core/scan/index';
import { describeIoError, specialFileMessage } from '../core/scan/walk';
import { FileOutcome, ScanTarget } from '../core/scan/files';
import { ScanPool } from '../core/scan/pool';
import { FileFinding, printable, toJson, toSarif, toText } from '../core/report/index';
import { Severity } from '../core/rules/types';
import type { SkipReason } from '../core/scan/walk';
import { endpointSentence, JsonEndpoint, probeEndpoints, toJsonWithEndpoints } from './probe';
import { CLI_BOUNDS, CLI_DEFAULTS, SETTING_BOUNDS } from '../core/settings/defaults';
import { teamView } from './baseline';
import { toCodeClimate } from '../core/report/codeclimate';
import { applyFixes, checkBundleFile, fixRequest } from './fix';
import { scanOne } from '../core/scan/files';
import type { SarifExtra } from '../core/report/sarif-extras';

const FORMATS = ['text', 'json', 'sarif', 'codeclimate'] as const;
const FAIL_ON = ['info', 'warning', 'error', 'none'] as const;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Lists scan targets under the roots; folders and files that cannot be read are reported on stderr and skipped.
 * A file reached twice (overlapping roots such as `scan dir dir/a.py`, or two symlinks to it) is scanned once. */
function collectTargets(
  roots: readonly string[],
  io: Io,
  noIgnore: boolean,
  onTarget: (target: ScanTarget) => void = () => undefined,
): ScanTarget[] {
  const targets: ScanTarget[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const abs = nodePath.resolve(io.cwd, root);
    const isDir = fs.statSync(abs).isDirectory();
    // The walker enters real folders only (never a folder symlink), so a plain file it lists (size -1) has the real
    // path of the root plus the same remainder: one realpath per root instead of one per file (~80 ms on 25,000
    // files). File symlinks, and a root that is a file, are resolved one by one.
    const realRoot = isDir ? realPath(abs) : undefined;
    const realPrefix = realRoot?.endsWith(nodePath.sep) ? realRoot : `${realRoot}${nodePath.sep}`;
    const rest = abs.endsWith(nodePath.sep) ? abs.length : abs.length + 1;
    for (const ev of walkFiles([abs], { noIgnore, accept: (p) => isScannable(p) })) {
      if (ev.kind === 'error') {
        io.err(`tls-doctor scan: cannot read ${printable(display(io, ev.path))}: ${ev.message}\n`);
        continue;
      }
      const under = realRoot !== undefined && ev.path.startsWith(abs) ? ev.path.slice(rest) : undefined;
      const key = under !== undefined && ev.size === -1 ? realPrefix + under : realPath(ev.path);
      if (seen.has(key)) continue;
      seen.add(key);
      const target = {
        path: ev.path,
        scanPath: under ?? (isDir ? nodePath.relative(abs, ev.path) : display(io, ev.path)),
      };
      targets.push(target);
      onTarget(target);
    }
  }
  return targets;
}

function realPath(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p; // unreadable now: reading it reports why
  }
}

/** Why a named PATH cannot be scanned (missing, a symlink loop, no permission, a FIFO or device), or undefined. */
function rootProblem(abs: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isSymlink(abs)) return 'a broken symbolic link (its target does not exist)';
    return describeIoError(e);
  }
  return st.isFile() || st.isDirectory() ? undefined : specialFileMessage(st);
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A path as shown in output: relative to the current directory, with `/` separators. */
function display(io: Io, p: string): string {
  const rel = nodePath.relative(io.cwd, p) || nodePath.basename(p);
  return rel.split(nodePath.sep).join('/');
}

/** A file that was not scanned, as the JSON output lists it. */
interface SkippedFile {
  readonly file: string;
  readonly reason: SkipReason;
  readonly detail: string;
}

function gather(outcomes: readonly FileOutcome[], io: Io): { results: FileFinding[]; skipped: SkippedFile[] } {
  const results: FileFinding[] = [];
  const skipped: SkippedFile[] = [];
  for (const o of outcomes) {
    if ('skip' in o) {
      skipped.push({ file: display(io, o.path), reason: o.skip, detail: o.detail });
      io.err(
        `tls-doctor scan: ${o.skip === 'unreadable' ? 'cannot read' : 'skipped'} ${printable(display(io, o.path))}: ${o.skip === 'unreadable' ? '' : `${o.skip}, `}${o.detail}\n`,
      );
      continue;
    }
    for (const finding of o.findings) results.push({ file: display(io, o.path), finding });
  }
  return { results, skipped };
}

function exitCode(results: readonly FileFinding[], failOn: (typeof FAIL_ON)[number]): number {
  if (failOn === 'none') return 0;
  return results.some((r) => RANK[r.finding.severity] >= RANK[failOn]) ? 1 : 0;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'find code and config that turn TLS verification off',
  usage:
    'tls-doctor scan [PATH...] [--format text|json|sarif|codeclimate] [--fail-on info|warning|error|none] [--no-ignore] [--probe [--probe-timeout MS] [--probe-budget MS]] [--baseline FILE | --write-baseline FILE] [--fix | --fix-dry-run] [--ca-bundle FILE]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      'no-ignore': { type: 'boolean' },
      probe: { type: 'boolean' },
      'probe-timeout': { type: 'string' },
      'probe-budget': { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'ca-bundle': { type: 'string' },
    });
    if (values.baseline !== undefined && values['write-baseline'] !== undefined) {
      throw new UsageError('--baseline and --write-baseline cannot be combined');
    }
    const format = oneOf('--format', values.format, FORMATS, 'text');
    const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON, 'warning');
    const probe = probeOptions(values);
    const roots = positionals.length ? positionals : ['.'];
    const problems = roots.map((r) => [r, rootProblem(nodePath.resolve(io.cwd, r))] as const).filter(([, why]) => why);
    for (const [r, why] of problems) io.err(`tls-doctor scan: ${printable(r)}: ${why}\n`);
    if (problems.length) return 2;
    // --fix / --fix-dry-run (issue 19): the "trust a CA bundle instead" fixes, then the report of what remains.
    const fix = fixRequest(values, io);
    if (fix) await checkBundleFile(fix.bundleFile);
    // The pool takes each file as it is listed: its workers start, and scan, while the walk goes on.
    const pool = new ScanPool();
    const targets = collectTargets(roots, io, Boolean(values['no-ignore']), (t) => pool.add(t));
    let outcomes = await pool.finish();
    if (fix) {
      outcomes = applyFixes(
        fix,
        targets,
        outcomes,
        io,
        (t) => scanOne(t),
        fix.dryRun || format === 'text' ? io.out : io.err,
      );
    }
    // A dry run's stdout is the diff alone (for `patch`/`git apply`): the report of what would remain goes to stderr.
    const out = fix?.dryRun ? io.err : io.out;
    const { results: all, skipped } = gather(outcomes, io);
    // Baselines (issue 16): findings known by rule + a fingerprint of their line; only new ones are reported and counted.
    const team = teamView(all, io, {
      sarif: format === 'sarif',
      fingerprints: format === 'codeclimate',
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
    });
    if (!team) return 2;
    const { results } = team;
    const stats = { filesScanned: targets.length - skipped.length, filesSkipped: skipped.length };
    const rootUri = `${pathToFileURL(io.cwd).href.replace(/\/?$/, '/')}`;
    // --probe (issue 6): findings whose endpoint is statically known get `endpoint: {url, verdict, causes, remedy}` in
    // JSON and in SARIF (properties.tlsDoctor.endpoint, plus a sentence in the message), an indented line in text.
    const probed = format === 'sarif' ? team.sarif.results : results;
    const endpoints = probe && format !== 'codeclimate' ? await probeEndpoints(probed, io, probe) : undefined;
    out(
      format === 'json'
        ? endpoints
          ? toJsonWithEndpoints(results, endpoints, skipped)
          : toJson(results, undefined, skipped)
        : format === 'sarif'
          ? toSarif(
              team.sarif.results,
              rootUri,
              endpoints ? withEndpoints(team.sarif.extras, endpoints) : team.sarif.extras,
            )
          : format === 'codeclimate'
            ? toCodeClimate(results, team.fingerprints)
            : withEndpointLines(toText(results, stats), endpoints),
    );
    return team.wroteBaseline ? 0 : exitCode(results, failOn);
  },
};

/** --probe's options, or undefined without --probe; --probe-timeout/--probe-budget alone are a usage error. */
function probeOptions(values: Record<string, unknown>): { timeoutMs: number; budgetMs: number } | undefined {
  const timeout = values['probe-timeout'] as string | undefined;
  const budget = values['probe-budget'] as string | undefined;
  if (!values.probe) {
    if (timeout !== undefined || budget !== undefined) {
      throw new UsageError('--probe-timeout and --probe-budget need --probe');
    }
    return undefined;
  }
  const timeoutMs = positiveInt(
    '--probe-timeout',
    timeout,
    CLI_DEFAULTS.probeTimeoutMs,
    SETTING_BOUNDS['check.timeoutMs'].max,
  );
  return {
    timeoutMs,
    budgetMs: positiveInt('--probe-budget', budget, CLI_DEFAULTS.probeBudgetMs, CLI_BOUNDS.probeBudgetMs.max),
  };
}

/** The SARIF extras with each result's probe verdict added (index-aligned with the SARIF results). */
function withEndpoints(
  extras: readonly (SarifExtra | undefined)[],
  endpoints: readonly (JsonEndpoint | undefined)[],
): (SarifExtra | undefined)[] {
  return endpoints.map((endpoint, i) =>
    endpoint ? { ...extras[i], endpoint, messageSuffix: endpointSentence(endpoint) } : extras[i],
  );
}

/** The text report with an indented probe line under each finding that has one (the summary line stays last). */
function withEndpointLines(text: string, endpoints: readonly (JsonEndpoint | undefined)[] | undefined): string {
  const lines = text.replace(/\n$/, '').split('\n');
  // One line per finding plus the summary; anything else (a message with a line break) keeps the plain report.
  if (!endpoints || lines.length !== endpoints.length + 1) return text;
  const out = lines.flatMap((line, i) =>
    i < endpoints.length && endpoints[i] ? [line, `    ${endpointSentence(endpoints[i]!)}`] : [line],
  );
  return `${out.join('\n')}\n`;
}
