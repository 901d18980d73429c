// The view model of "Explain TLS Error": the core's explanation of a message, what the panel shows first and what it
// folds, and the value the command returns. No `vscode` import: unit-tested with plain mocha.
import { CLIENTS } from '../../core/explain/index';
import type { ClientHint, ExplainedCause, ExplainFix, Explanation } from '../../core/explain/index';

/** What the panel shows: the message, its explanation, and whether a probe re-stated it. */
export interface ExplainView {
  /** The message as given (a selection, a paste, a terminal's error block). */
  readonly text: string;
  readonly explanation: Explanation;
  /** With no client recognised: what ordered the fixes (the text's language, registry, OS), for the client line. */
  readonly hint?: ClientHint | null;
  /** Set once "Check <host>" ran: the explanation is then re-stated from the probe's report. */
  readonly checked?: { readonly url: string; readonly verdict: 'ok' | 'fail' };
}

/** A cause's fixes split the way the panel shows them: this client's and the server's first, the others folded. */
export interface CauseFixes {
  readonly cause: ExplainedCause;
  readonly lead: readonly ExplainFix[];
  readonly folded: readonly ExplainFix[];
}

/** Each cause with its fixes split (no client identified: the first fix leads, the rest fold). */
export function displayedFixes(view: ExplainView): CauseFixes[] {
  const me = view.explanation.client?.id;
  return view.explanation.causes.map((cause) => {
    if (!me) return { cause, lead: cause.fixes.slice(0, 1), folded: cause.fixes.slice(1) };
    const lead = cause.fixes.filter((f) => f.client === me || f.client === 'server');
    return { cause, lead, folded: cause.fixes.filter((f) => !lead.includes(f)) };
  });
}

/** Every snippet in display order (the panel maps the page's copy requests by index). */
export function viewSnippets(view: ExplainView): string[] {
  return displayedFixes(view)
    .flatMap((c) => [...c.lead, ...c.folded])
    .flatMap((f) => (f.snippet ? [f.snippet] : []));
}

const TITLES: ReadonlyMap<string, string> = new Map(CLIENTS.map((c) => [c.id, c.title]));

/** "Python requests", "Server", or the id for a client the table does not name. */
export function clientLabel(client: ExplainFix['client']): string {
  return client === 'server' ? 'Server' : (TITLES.get(client) ?? client);
}

/**
 * What "Check <host>" probes: the origin of the endpoint the message names. The path a client printed ("…with url:
 * /simple/") changes nothing in the TLS handshake, and the Check command's report is per host and port anyway.
 */
export function checkTarget(e: Explanation): string | undefined {
  if (!e.host) return undefined;
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  return `https://${host}${e.port && e.port !== 443 ? `:${e.port}` : ''}/`;
}

/** "127.0.0.1:8443" or "example.com" for the button label. */
export function hostLabel(e: Explanation): string {
  return `${e.host ?? ''}${e.port && e.port !== 443 ? `:${e.port}` : ''}`;
}

/** What the command returns: the core's JSON shape ({client, causes, host, port, url}) with the check target as url. */
export interface ExplainResult {
  readonly client: string | null;
  readonly causes: readonly ExplainedCause[];
  readonly host: string | null;
  readonly port: number | null;
  /** The URL "Check <host>" probes (see checkTarget). */
  readonly url?: string;
  /** The text that was explained (for a terminal link: the whole error block). */
  readonly text: string;
  readonly checked?: ExplainView['checked'];
}

export function resultOf(view: ExplainView): ExplainResult {
  const e = view.explanation;
  const url = checkTarget(e);
  return {
    client: e.client?.id ?? null,
    causes: e.causes,
    host: e.host,
    port: e.port,
    ...(url ? { url } : {}),
    text: view.text,
    ...(view.checked ? { checked: view.checked } : {}),
  };
}

/** One log line: what was explained and what came out. */
export function explainLogLine(view: ExplainView): string {
  const e = view.explanation;
  const causes = e.causes.map((c) => `${c.code} (${c.likelihood})`).join(', ') || 'none';
  return `explain: ${view.text.length} characters → client ${e.client?.id ?? 'unknown'}; causes: ${causes}${e.host ? `; endpoint ${hostLabel(e)}` : ''}${view.checked ? `; re-stated from the check of ${view.checked.url} (${view.checked.verdict})` : ''}`;
}
