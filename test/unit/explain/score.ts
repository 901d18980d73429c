// Accuracy of the explainer on a labelled set of real messages: the three figures issue 12 asks for (cause, client,
// that client's fix first where the cure is the client's), plus the host. Pure; the held-out test and the measuring
// script both use it, so a figure printed by one is the figure the other asserts.
import { cureLiesWithClient, explain } from '../../../src/core/explain/index';
import type { ExplainCauseCode, ExplainClientId } from '../../../src/core/explain/index';

export interface LabelledMessage {
  readonly source: string;
  readonly client: ExplainClientId;
  readonly cause: ExplainCauseCode;
  readonly host: string | null;
  readonly text: string;
  readonly note?: string;
}

export interface Miss {
  readonly source: string;
  readonly what: 'cause' | 'client' | 'first fix' | 'host';
  readonly expected: string;
  readonly got: string;
}

export interface Score {
  readonly total: number;
  readonly cause: number;
  readonly client: number;
  /** Entries whose cure lies with their client (the denominator of `firstFix`). */
  readonly clientSide: number;
  /** Of those, how many lead with that client's own fix. */
  readonly firstFix: number;
  readonly host: number;
  readonly misses: readonly Miss[];
}

/** Scores every entry; an entry can miss on several counts. */
export function score(entries: readonly LabelledMessage[]): Score {
  let cause = 0;
  let client = 0;
  let clientSide = 0;
  let firstFix = 0;
  let host = 0;
  const misses: Miss[] = [];
  const miss = (e: LabelledMessage, what: Miss['what'], expected: string, got: string | undefined) =>
    misses.push({ source: e.source, what, expected, got: got ?? '-' });
  for (const e of entries) {
    const x = explain(e.text);
    const lead = x.causes[0];
    if (lead?.code === e.cause) cause++;
    else miss(e, 'cause', e.cause, lead?.code);
    if (x.client?.id === e.client) client++;
    else miss(e, 'client', e.client, x.client?.id);
    if (x.host === e.host) host++;
    else miss(e, 'host', String(e.host), String(x.host));
    if (cureLiesWithClient(e.cause, e.client)) {
      clientSide++;
      const first = lead?.fixes[0]?.client;
      if (first === e.client) firstFix++;
      else miss(e, 'first fix', e.client, first);
    }
  }
  return { total: entries.length, cause, client, clientSide, firstFix, host, misses };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(0)}%`);

/** The figures as one line each. */
export function report(s: Score): string {
  return [
    `cause      ${s.cause}/${s.total} ${pct(s.cause, s.total)}`,
    `client     ${s.client}/${s.total} ${pct(s.client, s.total)}`,
    `first fix  ${s.firstFix}/${s.clientSide} ${pct(s.firstFix, s.clientSide)} (where the cure is the client's)`,
    `host       ${s.host}/${s.total} ${pct(s.host, s.total)}`,
  ].join('\n');
}
