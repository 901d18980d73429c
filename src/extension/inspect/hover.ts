// The hover on certificate data inside any text file: a PEM `CERTIFICATE` block, or a long base64 value on a line
// whose key names certificate data (kubeconfig `certificate-authority-data`, `client-certificate-data`, `*_CERT=`,
// `ca.crt:` in a Secret). Cheap by construction: a line is only looked at when it matches those shapes, the block
// search is bounded, and the inspect core is loaded on the first such hover.
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { loadInspect } from '../lazy';
import type { Slots } from '../slots';

/** A PEM block is at most this many lines away from the hovered line (a 4096-bit certificate is ~35 lines). */
const MAX_BLOCK_LINES = 200;
const BEGIN = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----/;
const END = /-----END (?:TRUSTED )?CERTIFICATE-----/;
const BASE64_LINE = /^[\s"'|>-]*[A-Za-z0-9+/]{16,}={0,2}[\s"',\\n]*$/;
/** key: value / key=value where the key names certificate data and the value is long base64. */
const KEYED_DATA =
  /(?:certificate-authority-data|client-certificate-data|[\w.-]*(?:cert|crt|ca)[\w.-]*)["']?\s*[:=]\s*["']?([A-Za-z0-9+/]{80,}={0,2})/i;

/** The certificate bytes around `line` (a PEM block or a keyed base64 value), or undefined. */
export function certificateTextAt(
  doc: vscode.TextDocument,
  line: number,
): { bytes: Buffer; range: vscode.Range } | undefined {
  const text = doc.lineAt(line).text;
  const keyed = KEYED_DATA.exec(text);
  if (keyed) {
    const start = text.indexOf(keyed[1]);
    // kubeconfig's *-data values are base64 of PEM text; a Secret's may be base64 of DER: the core reads both.
    return {
      bytes: Buffer.from(keyed[1], 'base64'),
      range: new vscode.Range(line, start, line, start + keyed[1].length),
    };
  }
  if (!BEGIN.test(text) && !END.test(text) && !BASE64_LINE.test(text)) return undefined;
  let first = -1;
  for (let i = line; i >= Math.max(0, line - MAX_BLOCK_LINES); i--) {
    const t = doc.lineAt(i).text;
    if (BEGIN.test(t)) {
      first = i;
      break;
    }
    if (i !== line && END.test(t)) return undefined;
  }
  if (first === -1) return undefined;
  for (let i = first; i < Math.min(doc.lineCount, first + MAX_BLOCK_LINES); i++) {
    if (END.test(doc.lineAt(i).text)) {
      if (i < line) return undefined;
      const range = new vscode.Range(first, 0, i, doc.lineAt(i).text.length);
      // Strip YAML/JSON decoration around the lines (indentation, quotes, "\n" escapes) before the core reads it.
      const body = doc
        .getText(range)
        .split(/\r?\n|\\n/)
        .map((l) => l.replace(/^[\s"']+/, '').replace(/["',\s\\]*$/, ''))
        .join('\n');
      return { bytes: Buffer.from(body, 'latin1'), range };
    }
  }
  return undefined;
}

/** Markdown-escapes certificate text (a subject is attacker-chosen: no links, no markup). */
function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function hoverFor(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
  const found = certificateTextAt(doc, position.line);
  if (!found) return undefined;
  const { inspection } = loadInspect().parseBytes(found.bytes);
  const c = inspection.certificates[0];
  if (!c) return undefined;
  const when =
    c.daysLeft < 0 ? vscode.l10n.t('expired {0} days ago', -c.daysLeft) : vscode.l10n.t('{0} days left', c.daysLeft);
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [COMMANDS.inspectText] };
  const more =
    inspection.totalCertificates > 1 ? [vscode.l10n.t('{0} more certificates', inspection.totalCertificates - 1)] : [];
  const lines = [
    `**${vscode.l10n.t('Certificate')}** ${escapeMd(c.subject)}`,
    `${vscode.l10n.t('Issuer')}: ${escapeMd(c.issuer)}`,
    `${vscode.l10n.t('Expires')}: ${escapeMd(`${c.notAfter.slice(0, 10)} (${when})`)}`,
    ...more.map(escapeMd),
  ];
  md.appendMarkdown(`${lines.join('  \n')}\n\n`);
  const args = encodeURIComponent(JSON.stringify([doc.uri.toString(), position.line]));
  md.appendMarkdown(`[${vscode.l10n.t('Open in Certificate Viewer')}](command:${COMMANDS.inspectText}?${args})`);
  return new vscode.Hover(md, found.range);
}

/** The hover provider for every file and untitled document. */
export function registerCertificateHover(slots: Slots): vscode.Disposable {
  return slots.fill('certificateHover', {
    provideHover: (doc, position) => {
      try {
        return hoverFor(doc, position);
      } catch {
        return undefined; // a hover never fails loudly: the text is just not a certificate
      }
    },
  });
}
