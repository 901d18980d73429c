// Dockerfile: RUN/CMD/ENTRYPOINT/HEALTHCHECK/ONBUILD bodies (continuations, exec form, heredocs) as shell, and
// ENV/ARG pairs as environment assignments.
import { parseTree } from 'jsonc-parser';
import { EnvAssignment, jsonStringSource, Line, linesOf, Source, SourceBuilder } from '../env';
import { Surfaces, unquote } from './types';

const DOCKER_SHELL = /^(?:RUN|CMD|ENTRYPOINT|HEALTHCHECK|ONBUILD)$/i;
const INSTRUCTIONS =
  /^(?:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)$/i;

/** Docker drops comment (and blank) lines inside a continued instruction; the continuation goes on after them. */
function skippedInside(line: Line): boolean {
  return /^\s*#/.test(line.text) || line.text.trim() === '';
}

/** Index of the last line of the instruction that starts at line `i`. */
function instructionEnd(lines: Line[], i: number): number {
  let j = i;
  let continued = /\\\s*$/.test(lines[j].text);
  while (continued && j + 1 < lines.length) {
    j++;
    if (!skippedInside(lines[j])) continued = /\\\s*$/.test(lines[j].text);
  }
  return j;
}

/**
 * One instruction: keyword plus its arguments across continuation lines (comment lines inside dropped). With
 * `relevant`, instructions whose raw text does not match it (and opens no here-document) are left out unbuilt:
 * mapping every character back to the file is the costly part, and most instructions cannot produce a finding.
 */
function dockerInstructions(
  lines: Line[],
  relevant?: RegExp,
): { keyword: string; body: Source; next: number; line: number }[] {
  const out: { keyword: string; body: Source; next: number; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A line that goes on a shell list (`&& npm …`) outside any instruction is the tail of a RUN whose first line is
    // not in the text (an excerpt, a diff hunk): read it as RUN.
    // So is an indented line that ends by going on (`  $CONDA_DIR/bin/conda … && \`). An indented `NAME=value \`
    // line is the tail of a multi-line ENV.
    // An indented line whose first word is no instruction (`  fi && \`, `  done; \`) is such a tail too.
    // So is the text's first line when it starts unindented with no instruction and goes on (`deb … ./\n' >
    // /etc/apt/sources.list && \`: the end of a quoted text a RUN began).
    const word = /^\s*([A-Za-z]+)(\s+|$)/.exec(lines[i].text);
    const head =
      i === 0 && /^\S/.test(lines[i].text) && !(word && INSTRUCTIONS.test(word[1])) && /\\\s*$/.test(lines[i].text);
    const instruction = !head && word && (INSTRUCTIONS.test(word[1]) || !/^\s/.test(lines[i].text)) ? word : null;
    const m =
      instruction ??
      (head ? /^()/.exec(lines[i].text) : null) ??
      /^()(?=\s*(?:&&|\|\|)|\s+\S.*(?:&&|\|\||;)\s*\\$)/.exec(lines[i].text) ??
      /^()()(?=\s+[A-Za-z_]\w*=\S*\s*\\$)/.exec(lines[i].text);
    if (!m || lines[i].text.trimStart().startsWith('#')) continue;
    const end = instructionEnd(lines, i);
    const raw = relevant
      ? lines
          .slice(i, end + 1)
          .map((l) => l.text)
          .join('\n')
      : '';
    if (relevant && !relevant.test(raw) && !raw.includes('<<')) {
      i = end;
      continue;
    }
    const b = new SourceBuilder();
    b.push(lines[i].text.slice(m[0].length), lines[i].at + m[0].length);
    for (let j = i + 1; j <= end; j++) {
      if (!skippedInside(lines[j])) b.synthetic('\n', lines[j].at).push(lines[j].text, lines[j].at);
    }
    out.push({
      keyword: m[1] ? m[1].toUpperCase() : m[2] === '' ? 'ENV' : 'RUN',
      body: b.build(),
      next: end + 1,
      line: i,
    });
    i = end;
  }
  return out;
}

/** The shell sources and env assignments of a Dockerfile. */
export function dockerfile(text: string, relevant?: RegExp): Surfaces {
  const lines = linesOf(text);
  const sources: Source[] = [];
  const env: EnvAssignment[] = [];
  let skipUntil = -1;
  for (const ins of dockerInstructions(lines, relevant)) {
    if (ins.line < skipUntil) continue;
    if (DOCKER_SHELL.test(ins.keyword)) skipUntil = dockerShell(ins.body, lines, ins.next, sources);
    else if (ins.keyword === 'ENV' || ins.keyword === 'ARG') env.push(...dockerEnv(ins.body));
  }
  return { sources, env };
}

/** RUN body: strips `--mount=…` options; exec form `["sh","-c","…"]` becomes words; `<<EOF` bodies are scripts. */
function dockerShell(body: Source, lines: Line[], next: number, out: Source[]): number {
  const opts = /^(?:\s*--[\w-]+=\S+)*\s*/.exec(body.text)![0].length;
  const rest = body.text.slice(opts);
  const heredoc = /^<<-?\s*(["']?)([\w.-]+)\1/.exec(rest);
  if (heredoc) {
    let end = next;
    while (end < lines.length && lines[end].text.trim() !== heredoc[2]) end++;
    if (end > next) {
      out.push(
        new Source(
          lines
            .slice(next, end)
            .map((l) => l.text)
            .join('\n'),
          lines[next].at,
        ),
      );
    }
    return end + 1;
  }
  if (rest.startsWith('[')) out.push(execForm(body, opts));
  else out.push(body.slice(opts, body.text.length));
  return -1;
}

/** `["curl", "-k", "x"]`: each JSON string's value, separated by spaces, mapped back to the file. */
function execForm(body: Source, from: number): Source {
  const json = body.text.slice(from);
  const arr = parseTree(json);
  const inner = body.slice(from, body.text.length);
  const b = new SourceBuilder();
  for (const item of arr?.children ?? []) {
    if (item.type !== 'string') continue;
    const value = jsonStringSource(json, item.offset, item.length);
    for (let i = 0; i < value.text.length; i++) b.push(value.text[i], inner.at(value.at(i)));
    b.synthetic(' ', inner.at(item.offset));
  }
  return b.build();
}

/** `ENV A=1 B="2"` (any number of pairs) or the legacy `ENV NAME value with spaces`. */
function dockerEnv(body: Source): EnvAssignment[] {
  const t = body.text;
  const legacy = /^\s*([A-Za-z_]\w*)\s+(?!\S*=)(.*?)\s*$/s.exec(t);
  if (legacy) {
    const startIdx = t.indexOf(legacy[1]);
    const valueIdx = t.lastIndexOf(legacy[2]);
    const [start, end] = body.span(startIdx, Math.max(valueIdx + legacy[2].length, startIdx + legacy[1].length));
    return [{ name: legacy[1], value: unquote(legacy[2]), start, end }];
  }
  const out: EnvAssignment[] = [];
  const pair = /([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s\\]|\\.)*)/g;
  for (let m = pair.exec(t); m; m = pair.exec(t)) {
    const [start, end] = body.span(m.index, m.index + m[0].length);
    out.push({ name: m[1], value: unquote(m[2]), start, end });
  }
  return out;
}
