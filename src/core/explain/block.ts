// Where a printed error begins and ends: the lines around one TLS error line that belong to the same traceback or
// log record. The error line alone rarely names the client (the traceback frames do) or the endpoint (urllib3 prints
// the host a few lines away), so terminal links explain the block, not the line. Pure: lines in, a range out.
import { matchWordings } from '../tls/wordings';
import type { ExplainCauseCode } from '../tls/wordings';

/** How far a block reaches from its error line, each way. */
export const BLOCK_REACH = 30;
/** Longer lines are data (a minified bundle, a base64 blob), not an error message worth a regex pass. */
export const MAX_ERROR_LINE = 4000;

/**
 * A shell prompt: a new command starts on this line ("user@host:~/x$ pip install …", "(venv) $ python …",
 * "bash-5.2# curl …", "PS C:\src> iwr …"). Not ">" or "#" alone: Gradle prints "> Task :app:…" and pasted logs
 * "# comments" inside the output.
 */
const PROMPT = /^\s*(?:\([\w.-]+\)\s+)?(?:[\w.-]+@[\w.-]+(?::\S*?)?\s?[$#%]|[\w.~/-]*[$❯]|[\w.~/-]+#|PS [^>\n]*>)\s/;

/** Causes that are about reaching the host, not TLS: a line that only says "timed out" gets no link. */
const NOT_TLS_ERRORS = new Set<ExplainCauseCode>([
  'connection-refused',
  'timeout',
  'dns-failure',
  'local-resource-limit',
]);

/** True when the line reads as a TLS failure the wording table knows (the line a terminal link goes on). */
export function isTlsErrorLine(line: string): boolean {
  if (line.length > MAX_ERROR_LINE || !line.trim()) return false;
  const [lead] = matchWordings(line).codes;
  return lead !== undefined && !NOT_TLS_ERRORS.has(lead);
}

/** True for a line that starts a new command at a shell prompt. */
export function isPromptLine(line: string): boolean {
  return PROMPT.test(line);
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * The block around `lines[index]`: up to `reach` lines each way, stopping at a shell prompt (the prompt line that
 * started the command is kept: "pip install …" names the client) or at two blank lines in a row (one blank line is
 * normal inside a chained Python traceback). Returns [start, end) with leading and trailing blank lines trimmed.
 */
export function errorBlock(
  lines: readonly string[],
  index: number,
  reach = BLOCK_REACH,
): { start: number; end: number } {
  let start = index;
  for (let i = index - 1; i >= Math.max(0, index - reach); i--) {
    if (isPromptLine(lines[i])) {
      start = i;
      break;
    }
    if (blank(lines[i]) && blank(lines[i - 1])) break;
    start = i;
  }
  let end = index + 1;
  for (let j = index + 1; j < Math.min(lines.length, index + reach + 1); j++) {
    if (isPromptLine(lines[j])) break;
    if (blank(lines[j]) && blank(lines[j + 1])) break;
    end = j + 1;
  }
  while (start < index && blank(lines[start])) start++;
  while (end > index + 1 && blank(lines[end - 1])) end--;
  return { start, end };
}

/** The text of the block around `lines[index]` (see errorBlock). */
export function errorBlockText(lines: readonly string[], index: number, reach = BLOCK_REACH): string {
  const { start, end } = errorBlock(lines, index, reach);
  return lines.slice(start, end).join('\n');
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * Raw terminal output → the lines a user sees: escape sequences (colours, cursor moves, shell-integration marks)
 * removed, and a carriage return overwriting the line from its start (progress bars keep their last state).
 */
export function plainLines(raw: string): string[] {
  return raw
    .replace(ESCAPES, '')
    .split('\n')
    .map((line) => {
      const parts = line.replace(/\r+$/, '').split('\r');
      const last = parts[parts.length - 1];
      const shown =
        parts.length > 1
          ? last +
            parts
              .slice(0, -1)
              .reduce((a, p) => (p.length > a.length ? p : a), '')
              .slice(last.length)
          : last;
      return shown.replace(CONTROLS, '');
    });
}
