// Jupyter notebooks: every code cell is scanned by the family of its language (Python and browser automation for
// Python kernels, JavaScript for JS/TS kernels, Go and Rust for gophernotes / evcxr kernels, shell for `%%bash` cells), and the shell inside Python cells too:
// `!curl -k …`, `%pip install --trusted-host …`, `%env PYTHONHTTPSVERIFY=0`. Findings are moved back into the .ipynb
// file (exact JSON positions, so SARIF regions and suppression comments work) and say which cell and line they are in.
import { NotebookCell, notebookCells } from '../text/notebook';
import { lineStartsOf } from './lexer';
import { positionAt } from './match';
import { python } from './python';
import { javascript } from './javascript';
import { browser } from './browser';
import { shellFamily } from './shell';
import { go } from './go';
import { rust } from './rust';
import { defineFamily } from './define';
import { Finding, Position, Range, RuleFamily } from './types';

/** Which families read a cell, and the file name they see it as. */
const BY_LANGUAGE: Record<string, { readonly path: string; readonly families: readonly RuleFamily[] }> = {
  python: { path: 'cell.py', families: [python, browser] },
  javascript: { path: 'cell.js', families: [javascript, browser] },
  typescript: { path: 'cell.ts', families: [javascript, browser] },
  go: { path: 'cell.go', families: [go] },
  rust: { path: 'cell.rs', families: [rust] },
  shell: { path: 'cell.sh', families: [shellFamily] },
  bash: { path: 'cell.sh', families: [shellFamily] },
};
const MEMBERS = [python, javascript, browser, go, rust, shellFamily];

/** Superset of the members' prefilters (run on the raw JSON, where quotes inside code are escaped). */
const PREFILTER = new RegExp(MEMBERS.map((f) => f.prefilter.source).join('|'), 'i');

/** Lines of IPython magics that run shell: `!cmd`, `%pip`/`%conda`, `%env NAME=value`, `%%bash` cells. */
const MAGIC = /^([ \t]*)(!|%(?=pip\b|conda\b|mamba\b)|%env(?=[ \t]))/;

/** MAGIC at the start of any line: it matches after more line breaks than `split` splits at (`\r`, U+2028), so a
 * cell where it finds nothing has no magic line, and most cells are returned as they are. */
const ANY_MAGIC = new RegExp(MAGIC.source, 'm');

/** The cell's Python with magic lines blanked, and its shell with everything else blanked (offsets unchanged). */
function split(text: string): { code: string; shell: string } {
  // Without magic lines: the code is the text and the shell all blanks, which scanNotebook skips as empty. Every
  // magic has a `!` or a `%`: a cell with neither is not tried at each of its line starts.
  if ((!text.includes('!') && !text.includes('%')) || !ANY_MAGIC.test(text)) return { code: text, shell: '' };
  let code = '';
  let shell = '';
  for (const line of text.split(/(?<=\n)/)) {
    const m = MAGIC.exec(line);
    const blank = line.replace(/[^\n]/g, ' ');
    code += m ? blank : line;
    shell += m ? m[1] + ' '.repeat(m[2].length) + line.slice(m[0].length) : blank;
  }
  return { code, shell };
}

/** Moves a cell-relative finding into the notebook file. */
function relocate(
  raw: string,
  fileLines: readonly number[],
  cell: NotebookCell,
  cellLines: readonly number[],
  f: Finding,
): Finding {
  const toFile = (p: Position, end: boolean): Position => {
    const i = Math.min(cellLines[p.line] + p.character, cell.text.length);
    if (!end || i === 0) return positionAt(fileLines, cell.offsets[i]);
    const at = cell.offsets[i - 1];
    const width = raw[at] !== '\\' ? 1 : raw[at + 1] === 'u' ? 6 : 2;
    return positionAt(fileLines, at + width);
  };
  const move = (r: Range): Range => ({ start: toFile(r.start, false), end: toFile(r.end, true) });
  const where = `cell ${cell.index + 1}, line ${f.range.start.line + 1}`;
  return {
    ...f,
    range: move(f.range),
    message: `${f.message} [${where}]`,
    cell: { index: cell.index, line: f.range.start.line, character: f.range.start.character },
    context: f.context && move(f.context),
    related: f.related?.map((r) => ({ ...r, range: move(r.range) })),
    ...(f.origin
      ? {
          origin: {
            ...f.origin,
            range: move(f.origin.range),
            ...(f.origin.context ? { context: move(f.origin.context) } : {}),
          },
        }
      : {}),
  };
}

/**
 * One cell on its own, as an editor shows it (VS Code's cell documents carry the notebook's path and the cell's
 * language): its own language's family runs through `languageId` already, so only the shell magics are added here.
 */
function scanCellText(text: string, languageId?: string): Finding[] {
  if (languageId !== 'python') return [];
  const { shell } = split(text);
  return shell.trim() ? shellFamily.scan(shell, 'cell.sh') : [];
}

/**
 * The findings of each cell read by the last scan, by language and text (cell-relative, before `relocate`): a
 * re-scan after an edit reads again only the cells whose text changed; the families' scans are pure, so a cell of
 * the same text and language has the same findings (a notebook's re-scan read its 120 unchanged cells again).
 */
let lastCells: CellFindings = new Map();
/** By language, then by text (not one key of both: a joined key was a copy of every cell's text to hash). */
type CellFindings = Map<string, Map<string, readonly Finding[]>>;
let keepCells = true;

/** Scans the code cells of a notebook's JSON text (or, for text that is not JSON, one cell: see `scanCellText`). */
export function scanNotebook(raw: string, languageId?: string): Finding[] {
  if (!PREFILTER.test(raw)) return [];
  if (!/^\s*\{/.test(raw)) return scanCellText(raw, languageId);
  // Line starts are needed only to move a finding: most cells (and notebooks) have none.
  let fileLines: readonly number[] | undefined;
  const out: Finding[] = [];
  const earlier: CellFindings = keepCells ? lastCells : new Map();
  const cells: CellFindings = new Map();
  for (const cell of notebookCells(raw)) {
    const lang = BY_LANGUAGE[cell.language];
    if (!lang) continue;
    let mine = cells.get(cell.language);
    if (!mine) cells.set(cell.language, (mine = new Map()));
    let found = mine.get(cell.text) ?? earlier.get(cell.language)?.get(cell.text);
    if (found) cellsKept.cells++;
    else found = scanCell(cell, lang);
    mine.set(cell.text, found);
    if (found.length === 0) continue;
    const cellLines = lineStartsOf(cell.text);
    for (const f of found) out.push(relocate(raw, (fileLines ??= lineStartsOf(raw)), cell, cellLines, f));
  }
  if (keepCells) lastCells = cells;
  return out;
}

/** One cell's findings, cell-relative: its language's families, then the shell of its magic lines. */
function scanCell(cell: NotebookCell, lang: (typeof BY_LANGUAGE)[string]): Finding[] {
  const out: Finding[] = [];
  const { code, shell } =
    cell.language === 'shell' || cell.language === 'bash'
      ? { code: cell.text.replace(/^%%[^\n]*/, (s) => ' '.repeat(s.length)), shell: '' }
      : split(cell.text);
  for (const family of lang.families) {
    for (const f of family.scan(code, lang.path)) out.push(f);
  }
  if (shell.trim()) {
    for (const f of shellFamily.scan(shell, 'cell.sh')) out.push(f);
  }
  return out;
}

/** How many cells a scan took from the one before (or from an equal cell), for the tests. */
export const cellsKept = { cells: 0 };

/** `scanNotebook` reading every cell, whatever the last scan read (the oracle of the equivalence test). */
export function scanNotebookAfresh(raw: string, languageId?: string): Finding[] {
  keepCells = false;
  try {
    return scanNotebook(raw, languageId);
  } finally {
    keepCells = true;
  }
}

/** The notebook family: no rules of its own, every finding is a rule of the family that read the cell. */
export const notebook: RuleFamily = defineFamily({
  id: 'notebook',
  prefilter: PREFILTER,
  rules: {},
  appliesTo: (path) => /\.ipynb$/i.test(path),
  scan: (text, _path, languageId) => scanNotebook(text, languageId),
});
