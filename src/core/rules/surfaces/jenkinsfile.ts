// Jenkinsfile: the bodies of `sh` steps (`sh 'cmd'`, `sh "cmd"`, `sh '''…'''`, `sh """…"""`, `sh(script: '…')`) as
// shell. Groovy's `\$` in a GString stays as written: the shell reads it as an escaped `$`, which is what Groovy
// hands it.
import { Source } from '../env';
import { Surfaces } from './types';

/** `sh` or Windows `bat` (optionally `sh(` and `script:`) then the opening quote: triple quotes first. Group 1: the quote. */
const STEP = /\b(?:sh|bat)\s*(?:\(\s*(?:script\s*:\s*)?)?('''|"""|'|")/g;

/** The shell sources of a Jenkinsfile's `sh` steps. */
export function jenkinsfile(text: string): Surfaces {
  const sources: Source[] = [];
  STEP.lastIndex = 0;
  for (let m = STEP.exec(text); m; m = STEP.exec(text)) {
    const quote = m[1];
    const from = m.index + m[0].length;
    // An unclosed triple-quoted step (a half-typed file, an excerpt) runs to the end of the text.
    const end = closing(text, from, quote) ?? (quote.length === 3 ? text.length : -1);
    if (end < 0) continue;
    sources.push(new Source(text.slice(from, end), from));
    STEP.lastIndex = end + quote.length;
  }
  return { sources, env: [] };
}

/** Offset of the quote that closes a Groovy string opened just before `from`: -1 for a single-quoted string cut by a newline, undefined when none. */
function closing(text: string, from: number, quote: string): number | undefined {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (quote.length === 1 && text[i] === '\n') return -1;
    if (text.startsWith(quote, i)) return i;
  }
  return undefined;
}
