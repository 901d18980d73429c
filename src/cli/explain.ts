// `tls-doctor explain [TEXT | -]`: name the client, the most likely cause (and the possibilities the message leaves
// open) and that client's fix first; --check probes the host the message names and re-states it from the facts.
import { explain, hintFor, restateFromProbe, unrecognisedLabel } from '../core/explain/index';
import type { ClientHint } from '../core/explain/index';
import type { Explanation, ExplainedCause } from '../core/explain/index';
import { checkUrl } from '../core/tls/index';
import { Command, Io, oneOf, parse, positiveInt, UsageError } from './command';

const USAGE = 'tls-doctor explain [TEXT | -] [--format text|json] [--check] [--timeout MS]';

const HELP = `Reads a TLS error message (an argument, or standard input with "-" or when piped) and prints which
client printed it, the most likely cause, the other possibilities with the check that settles each, and that
client's fix first (trust a CA bundle, use the OS store, update the client's roots, …; verification stays on).

  --format text|json  json: {client, causes:[{code, likelihood, message, fixes}], host, port, url}
  --check             probe the host the message names and re-state the explanation from what the probe saw
  --timeout MS        with --check: budget for connect and handshake (default 5000)

Exit codes: 0 explained, 1 no TLS error recognised in the text, 2 usage error.
Example: pip install x 2>&1 | tls-doctor explain`;

/** Long pastes (whole CI logs) are fine; beyond this it is not one error any more. */
const MAX_TEXT = 200_000;

export const explainCommand: Command = {
  name: 'explain',
  summary: "explain a TLS error message: client, cause, that client's fix",
  usage: USAGE,
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      check: { type: 'boolean' },
      timeout: { type: 'string' },
    });
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const timeoutMs = positiveInt('--timeout', values.timeout, 5000);
    const text = (await messageText(positionals, io)).slice(0, MAX_TEXT);
    let result = explain(text);
    const hint = hintFor(text, result);
    if (values.check) result = await withProbe(result, io, timeoutMs, hint);
    io.out(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : render(result, hint));
    return result.causes.length > 0 ? 0 : 1;
  },
};

async function messageText(positionals: string[], io: Io): Promise<string> {
  const fromStdin =
    (positionals.length === 1 && positionals[0] === '-') || (positionals.length === 0 && io.stdinIsTTY === false);
  if (fromStdin) {
    if (!io.readStdin) throw new UsageError('standard input is not available here');
    return io.readStdin();
  }
  if (positionals.length === 0) {
    throw new UsageError('give the error message as an argument, or pipe it in (or use "-")');
  }
  return positionals.join(' ');
}

/** Runs the endpoint check on the host the message names; without one, says so and keeps the message's reading. */
async function withProbe(e: Explanation, io: Io, timeoutMs: number, hint: ClientHint | null): Promise<Explanation> {
  if (!e.url) {
    io.err('tls-doctor explain: the message names no host to check; explaining from the message alone\n');
    return e;
  }
  const report = await checkUrl(e.url, { env: io.env, timeoutMs });
  return restateFromProbe(e, report, hint);
}

const HEADINGS: Record<ExplainedCause['likelihood'], string> = {
  likely: 'Most likely',
  possible: 'Possible',
  confirmed: 'Confirmed by the probe',
};

/** The human form: client and endpoint, then each cause with its fixes (the first cause's in full). */
export function render(e: Explanation, hint?: ClientHint | null): string {
  if (!e.causes.length) {
    return 'No TLS error recognised in this text. Paste the whole error (with its first lines), or run tls-doctor check URL.\n';
  }
  const head = [
    `Client:   ${e.client ? `${e.client.title} (${e.client.family})` : unrecognisedLabel(hint)}`,
    ...(e.url ? [`Endpoint: ${e.url}`] : []),
    '',
  ];
  const body = e.causes.flatMap((c, i) => causeLines(c, i === 0 ? Infinity : 2));
  const tail =
    e.url && !e.causes.some((c) => c.likelihood === 'confirmed')
      ? [`Confirm from the server's actual chain: tls-doctor explain --check (or: tls-doctor check ${e.url})`, '']
      : [];
  return [...head, ...body, ...tail].join('\n');
}

function causeLines(c: ExplainedCause, maxFixes: number): string[] {
  const fixes = c.fixes
    .slice(0, maxFixes)
    .flatMap((f) => [
      `    ${f.client}: ${f.text}`,
      ...(f.snippet ? f.snippet.split('\n').map((l) => `        ${l}`) : []),
    ]);
  const more =
    c.fixes.length > maxFixes ? [`    … ${c.fixes.length - maxFixes} more (--format json lists them all)`] : [];
  return [
    `${HEADINGS[c.likelihood]}: ${c.code}`,
    `  ${c.message}`,
    ...(fixes.length ? ['  Fixes:', ...fixes, ...more] : []),
    '',
  ];
}
