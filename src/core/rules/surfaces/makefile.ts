// Makefile: recipe lines (tab-indented, `@`/`-`/`+` prefixes stripped) as shell, and variable assignments as
// environment assignments.
import { EnvAssignment, linesOf, SourceBuilder } from '../env';
import { Surfaces, unquote } from './types';

const MAKE_VAR = /^\s*(?:export\s+|override\s+)*([A-Za-z_]\w*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*?)\s*$/;

/** The recipes and variables of a Makefile. */
export function makefile(text: string): Surfaces {
  const b = new SourceBuilder();
  const env: EnvAssignment[] = [];
  for (const line of linesOf(text)) {
    if (line.text.startsWith('\t')) {
      const prefix = /^\t[@+\-\s]*/.exec(line.text)![0].length;
      b.push(line.text.slice(prefix), line.at + prefix).synthetic('\n', line.at + line.text.length);
      continue;
    }
    const m = MAKE_VAR.exec(line.text.replace(/\s#.*$/, ''));
    if (m && !line.text.trimStart().startsWith('#')) {
      const nameAt = line.at + line.text.indexOf(m[1]);
      const end = line.at + line.text.indexOf(m[2], line.text.indexOf(m[1]) + m[1].length) + m[2].length;
      env.push({ name: m[1], value: unquote(m[2]), start: nameAt, end });
    }
  }
  return { sources: [b.build()], env };
}
