// Terraform and Packer files run shell through their provisioners: `provisioner "local-exec" { command = "…" }` or a
// here-document (`command = <<-EOT` … `EOT`), `remote-exec` / Packer `shell` `inline = ["…", …]`; and a provisioner's
// or a function's environment map holds variables (`environment = { NODE_TLS_REJECT_UNAUTHORIZED = "0" }`). Each
// command is cut out as a Source for the shell family; the rest of the file (provider and resource attributes) is
// the config family's.
import { EnvAssignment, Source } from '../env';
import { SH } from '../catalog/shell';
import { Surfaces } from './types';

/** The kube flags the config family finds in any HCL string (`args = [...]`, `set { value = … }`), commands included. */
const COVERED: ReadonlySet<string> = new Set([SH.kube.id, SH.kubelet.id]);

/** `command = "…"` (group 1: the string's text) or `command = <<EOT` / `<<-EOT` (group 2: the tag). */
const COMMAND = /^[ \t]*command[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|<<-?[ \t]*([A-Za-z_]\w*)[ \t]*\r?$)/dgm;
/** `inline = [` of remote-exec and Packer's shell provisioner: a list of command strings. */
const INLINE = /^[ \t]*inline[ \t]*=[ \t]*\[/gm;
/** One string of an `inline` list (group 1 its text), or the list's end. */
const LIST_ITEM = /"((?:[^"\\\n]|\\.)*)"|\]/dg;
/** `NAME = "value"` or `NAME = 0` with an upper-case name: an entry of an environment map (`environment = {…}`,
 * `variables = {…}`); group 2 a quoted value, 3 a bare one. */
const ENV_ENTRY = /^[ \t]*"?([A-Z][A-Z0-9_]*)"?[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|([\w.-]+)[ \t]*(?:#.*)?\r?$)/dgm;

/** The provisioner commands and upper-case map entries of an HCL file. */
export function hcl(text: string, relevant?: RegExp): Surfaces {
  const out: Surfaces = { sources: [], env: [], covered: COVERED };
  if (relevant && !relevant.test(text)) return out;
  COMMAND.lastIndex = 0;
  for (let m = COMMAND.exec(text); m?.indices; m = COMMAND.exec(text)) {
    if (m[1] !== undefined) out.sources.push(new Source(m[1], m.indices[1]![0]));
    else out.sources.push(hereDocument(text, m.index + m[0].length, m[2]));
  }
  if (text.includes('inline')) out.sources.push(...inlineCommands(text));
  const leading = leadingCommands(text);
  if (leading) out.sources.push(leading);
  ENV_ENTRY.lastIndex = 0;
  for (let m = ENV_ENTRY.exec(text); m?.indices; m = ENV_ENTRY.exec(text)) {
    const start = m.indices[1]![0];
    const end = m[2] !== undefined ? m.indices[2]![1] + 1 : m.indices[3]![1];
    out.env.push({ name: m[1], value: m[2] ?? m[3], start, end } satisfies EnvAssignment);
  }
  return out;
}

/** A line of HCL itself: an attribute, a block's opening or closing, a comment, a here-document's closing tag. */
const HCL_LINE =
  /^[ \t]*(?:[\w.-]+[ \t]*=|"?[\w.-]+"?(?:[ \t]+"[^"\n]*")*[ \t]*\{|[}\])]|#|\/\/|\/\*|\*|[A-Z_]+[ \t]*$)/;

/**
 * The lines a text opens with that are not HCL (`cd ${self.triggers.dir}`, `sudo podman push …`): an excerpt that
 * begins inside a provisioner's here-document. Read as commands up to the first HCL line; a whole file opens with
 * HCL and has none.
 */
function leadingCommands(text: string): Source | undefined {
  const start = /\S/.exec(text)?.index ?? text.length;
  let end = start;
  while (end < text.length) {
    const next = text.indexOf('\n', end);
    const line = text.slice(end, next < 0 ? text.length : next);
    if (line.trim() !== '' && HCL_LINE.test(line)) break;
    end = next < 0 ? text.length : next + 1;
  }
  return end > start ? new Source(text.slice(start, end), start) : undefined;
}

/** The body of the here-document whose opening line ends at `from` (before its newline), up to its `tag` line. */
function hereDocument(text: string, from: number, tag: string): Source {
  const bodyStart = text.indexOf('\n', from) + 1 || text.length;
  const close = new RegExp(`^[ \\t]*${tag}[ \\t]*\\r?$`, 'gm');
  close.lastIndex = bodyStart;
  const end = close.exec(text)?.index ?? text.length;
  return new Source(text.slice(bodyStart, end), bodyStart);
}

/** Each string of every `inline = [ … ]` list, a command of its own. */
function inlineCommands(text: string): Source[] {
  const out: Source[] = [];
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(text); m; m = INLINE.exec(text)) {
    LIST_ITEM.lastIndex = m.index + m[0].length;
    for (let s = LIST_ITEM.exec(text); s?.indices && s[0] !== ']'; s = LIST_ITEM.exec(text)) {
      out.push(new Source(s[1], s.indices[1]![0]));
    }
  }
  return out;
}
