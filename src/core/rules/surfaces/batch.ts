// Windows batch files (`.bat`, `.cmd`): their command lines run the same tools (`curl --insecure`, `call npm install
// --strict-ssl=false`) and their `set NAME=value` lines set the same variables. Each command line is read as shell
// with batch's own prefixes stripped (`@`, `call`), `REM` / `::` comment lines left out, and a `^` line
// continuation read as a backslash one.
import { EnvAssignment, linesOf, SourceBuilder } from '../env';
import { Surfaces } from './types';

/** `REM …`, `:: …` (a label-comment) and `:label` lines: no command. */
const NOT_COMMAND = /^[ \t@]*(?:rem(?:[ \t]|$)|:)/i;
/** What precedes the command itself: blanks, `@` (echo off for the line), `call ` (run another batch or program). */
const PREFIX = /^[ \t@]*(?:call[ \t]+)?/i;
/** `set NAME=value`, `set "NAME=value"` (group 1 the name, 2 or 3 the value); not `set /a` / `set /p`. */
const SET = /^[ \t@]*set[ \t]+(?:"([A-Za-z_]\w*)=([^"\n]*)"|([A-Za-z_]\w*)=(.*?))[ \t]*$/i;

/** The command lines and `set` assignments of a batch file. */
export function batch(text: string): Surfaces {
  const b = new SourceBuilder();
  const env: EnvAssignment[] = [];
  for (const line of linesOf(text)) {
    if (NOT_COMMAND.test(line.text)) continue;
    const set = SET.exec(line.text);
    if (set) {
      const name = set[1] ?? set[3];
      const start = line.at + line.text.indexOf(name);
      const end = line.at + line.text.trimEnd().length - (set[1] ? 1 : 0);
      env.push({ name, value: set[2] ?? set[4], start, end });
      continue;
    }
    const from = PREFIX.exec(line.text)![0].length;
    const continued = line.text.endsWith('^');
    const code = line.text.slice(from, continued ? -1 : undefined);
    b.push(code, line.at + from).synthetic(continued ? '\\\n' : '\n', line.at + line.text.length);
  }
  return { sources: [b.build()], env };
}
