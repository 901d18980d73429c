// package.json: each `scripts` entry is a shell command (its JSON escapes mapped back to file offsets).
import { jsonDoc } from '../../text/json';
import { jsonStringSource, Source } from '../env';

/** The `scripts` values of a package.json, as Sources. */
export function packageScripts(text: string): Source[] {
  const doc = jsonDoc(text);
  const scripts = doc.root && doc.find(doc.root, ['scripts']);
  if (!scripts || scripts.type !== 'object') return [];
  const out: Source[] = [];
  for (const prop of scripts.children ?? []) {
    const val = prop.children?.[1];
    if (val?.type === 'string') out.push(jsonStringSource(text, val.offset, val.length));
  }
  return out;
}
