// The corpus pasted through the layouts real pastes arrive in (a logger's timestamps, a tool's per-line column, an
// indented or quoted block, non-breaking spaces, HTML entities, a console's hard wrap): the answer must not change.
// A sample of the corpus keeps the suite fast; the layouts are the ones the tune batches met.
import * as assert from 'assert';
import corpus from '../../fixtures/explain/corpus.json';
import { explain } from '../../../src/core/explain/index';

interface Entry {
  readonly source: string;
  readonly text: string;
}

const LAYOUTS: Record<string, (s: string) => string> = {
  'a logger timestamp and level': (s) => s.replace(/^/gm, '2024-05-01 12:00:00,123 ERROR '),
  "Docker Compose's service column": (s) => s.replace(/^/gm, 'web-1  | '),
  "MSBuild's node prefix": (s) => s.replace(/^/gm, '1>'),
  'an indented Markdown block': (s) => s.replace(/^/gm, '    '),
  'a Markdown quote in a fence': (s) => '```\n' + s.replace(/^/gm, '> ') + '\n```',
  'non-breaking spaces': (s) => s.replace(/ /g, '\u00a0'),
  'HTML entities': (s) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'),
  'CRLF line ends': (s) => s.replace(/\n/g, '\r\n'),
};

const answer = (text: string) => {
  const x = explain(text);
  return { client: x.client?.id, cause: x.causes[0]?.code, host: x.host };
};

describe('explain: the corpus pasted through common layouts gives the same answers', () => {
  const sample = (corpus as Entry[]).filter((_e, i) => i % 9 === 0);

  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(name, () => {
      const changed = sample
        .filter((e) => JSON.stringify(answer(layout(e.text))) !== JSON.stringify(answer(e.text)))
        .map((e) => e.source);
      assert.deepStrictEqual(changed, []);
    });
  }
});
