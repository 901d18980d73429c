// The explainer against real error messages copied from public issue threads and Q&A pages (source beside each).
// Every entry is labelled with the client that printed it, the most likely cause and the host it names.
import * as assert from 'assert';
import corpus from '../../fixtures/explain/corpus.json';
import { CLIENTS, cureLiesWithClient, explain } from '../../../src/core/explain/index';
import type { ExplainCauseCode, ExplainClientId } from '../../../src/core/explain/index';

interface Entry {
  readonly source: string;
  readonly client: ExplainClientId;
  readonly cause: ExplainCauseCode;
  readonly host: string | null;
  readonly text: string;
}

const entries = corpus as Entry[];

describe('explain: the corpus of real messages', () => {
  it('has at least 100 entries, each with a public source, and covers every client the explainer names', () => {
    assert.ok(entries.length >= 100, `${entries.length}`);
    for (const e of entries) assert.match(e.source, /^https?:\/\/[^/\s]+\/\S+$/, e.source);
    const covered = new Set(entries.map((e) => e.client));
    const missing = CLIENTS.map((c) => c.id).filter((id) => !covered.has(id));
    assert.deepStrictEqual(missing, [], 'clients without a real message in the corpus');
  });

  it('holds at least two messages from different threads for every client (one thread is one wording)', () => {
    const threads = new Map<string, Set<string>>();
    for (const e of entries) threads.set(e.client, (threads.get(e.client) ?? new Set()).add(e.source));
    const thin = CLIENTS.map((c) => c.id).filter((id) => (threads.get(id)?.size ?? 0) < 2);
    assert.deepStrictEqual(thin, [], 'clients with fewer than two threads in the corpus');
  });

  for (const [i, e] of entries.entries()) {
    it(`#${i} ${e.client} · ${e.cause} · ${e.host ?? '-'}  (${e.source.replace('https://github.com/', '')})`, () => {
      const x = explain(e.text);
      assert.strictEqual(x.client?.id, e.client, 'client');
      assert.strictEqual(x.causes[0]?.code, e.cause, 'most likely cause');
      assert.strictEqual(x.host, e.host, 'host');
      // The client's own fix comes first when the cure is the client's; otherwise the server's fix leads.
      const first = x.causes[0].fixes[0]?.client;
      assert.strictEqual(first, cureLiesWithClient(e.cause, e.client) ? e.client : 'server', 'first fix');
    });
  }
});
