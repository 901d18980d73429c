// Recall and false positives of the scanner on snippets of real code from public repositories (issue 18's measure):
// a must-find site counts as found when some finding starts on its line; any finding on a line that is not a
// must-find site is a false positive. Pure; the corpus test and the measuring script share it, so a figure printed
// by one is the figure the other asserts.
import { scanText } from '../../../../src/core/scan/index';

export interface RealCodeEntry {
  /** Where the snippet was copied from: a repository file address (with a commit or tag), a Q&A page, or the tool
   *  library's file id (`library-id:N`) when only that is known. */
  readonly source: string;
  /** The file name the snippet is scanned as (it picks the rule families), e.g. `deploy/values.yaml`. */
  readonly path: string;
  /** The snippet, verbatim (a few lines around the site; trimmed lines are fine, edited lines are not). */
  readonly text: string;
  /** 1-based lines of the must-find sites; empty for a hard negative (real code that must stay quiet). */
  readonly sites: readonly number[];
  /** The 22-surface vocabulary's surface this entry stands for (`python`, `yaml`, `npmrc`, …). */
  readonly surface: string;
  readonly note?: string;
}

export interface RealCodeMiss {
  readonly source: string;
  readonly what: 'missed' | 'false positive';
  readonly line: number;
  readonly detail: string;
}

export interface RealCodeScore {
  readonly sites: number;
  readonly found: number;
  readonly negatives: number;
  readonly falsePositives: number;
  readonly bySurface: ReadonlyMap<string, { sites: number; found: number; falsePositives: number }>;
  readonly misses: readonly RealCodeMiss[];
}

export function scoreRealCode(entries: readonly RealCodeEntry[]): RealCodeScore {
  let sites = 0;
  let found = 0;
  let negatives = 0;
  let falsePositives = 0;
  const bySurface = new Map<string, { sites: number; found: number; falsePositives: number }>();
  const misses: RealCodeMiss[] = [];
  for (const e of entries) {
    const s = bySurface.get(e.surface) ?? { sites: 0, found: 0, falsePositives: 0 };
    bySurface.set(e.surface, s);
    if (e.sites.length === 0) negatives++;
    const findings = scanText(e.text, e.path, { testFileSeverity: 'default' });
    const lines = new Set(findings.map((f) => f.range.start.line + 1));
    for (const line of e.sites) {
      sites++;
      s.sites++;
      if (lines.has(line)) {
        found++;
        s.found++;
      } else misses.push({ source: e.source, what: 'missed', line, detail: e.text.split('\n')[line - 1] ?? '' });
    }
    for (const f of findings) {
      const line = f.range.start.line + 1;
      if (e.sites.includes(line)) continue;
      falsePositives++;
      s.falsePositives++;
      misses.push({ source: e.source, what: 'false positive', line, detail: f.ruleId });
    }
  }
  return { sites, found, negatives, falsePositives, bySurface, misses };
}

export function realCodeReport(s: RealCodeScore): string {
  const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  const rows = [...s.bySurface].sort(([a], [b]) => a.localeCompare(b));
  return [
    `recall ${s.found}/${s.sites} (${pct(s.found, s.sites)}), false positives ${s.falsePositives}, hard negatives ${s.negatives}`,
    ...rows.map(([k, v]) => `  ${k.padEnd(16)} ${v.found}/${v.sites}  fp ${v.falsePositives}`),
  ].join('\n');
}
