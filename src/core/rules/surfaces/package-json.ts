// package.json: each `scripts` entry is a shell command (its JSON escapes mapped back to file offsets).
import { jsonDoc, memberValueSpans } from '../../text/json';
import { jsonStringSource, Source } from '../env';

/**
 * The `scripts` values of a package.json, as Sources. With `relevant` (the shell family's keyword test: a command
 * without a match holds no finding), values whose raw text has no match are left out unbuilt: mapping each value's
 * characters back to the file and reading it as commands cost 5 ms of a re-scan of a 10,000-script package.json, whose
 * scripts mostly run `node` or `tsc`. A value with a backslash is always built: an escape (`\u0063url`) may spell a
 * keyword the raw text does not show. Values are found by where they start and end (memberValueSpans), not as nodes.
 */
export function packageScripts(text: string, relevant?: RegExp): Source[] {
  const doc = jsonDoc(text);
  const scripts = doc.root && doc.find(doc.root, ['scripts']);
  if (!scripts || scripts.type !== 'object') return [];
  const out: Source[] = [];
  const take = (offset: number, length: number) => {
    if (relevant && !mayMatch(text.slice(offset, offset + length), relevant)) return;
    out.push(jsonStringSource(text, offset, length));
  };
  const spans = memberValueSpans(scripts);
  if (spans) {
    for (let k = 0; k < spans.length; k += 2) {
      if (text.charCodeAt(spans[k]) === 34) take(spans[k], spans[k + 1] - spans[k]);
    }
    return out;
  }
  for (const prop of scripts.children ?? []) {
    const val = prop.children?.[1];
    if (val?.type === 'string') take(val.offset, val.length);
  }
  return out;
}

function mayMatch(raw: string, relevant: RegExp): boolean {
  relevant.lastIndex = 0;
  return raw.includes('\\') || relevant.test(raw);
}
