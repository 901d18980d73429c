// Server snippets as read-only virtual documents (scheme `tls-doctor-snippets`), not an Untitled buffer that asks to
// be saved: the document is rendered from its URI (the certificate's paths and hosts ride in the query), so it can be
// reopened, previewed as Markdown and closed without a prompt. It holds the server side (serve cert + key) and the
// client side (trust the bundle) for the hosts the certificate was issued for.
import * as path from 'path';
import * as vscode from 'vscode';
import { loadCerts } from '../lazy';

/** The scheme of the snippet documents. */
import { SNIPPET_SCHEME } from '../slots';
import type { Slots } from '../slots';

export { SNIPPET_SCHEME } from '../slots';

/** What a snippet document is about (workspace-relative paths with `/`). */
export interface SnippetFacts {
  readonly cert: string;
  readonly key: string;
  readonly bundle: string;
  readonly hosts: readonly string[];
}

/** The URI of the snippet document for `facts`. */
export function snippetUri(facts: SnippetFacts): vscode.Uri {
  const name = `${vscode.l10n.t('Server snippets for {0}', facts.hosts.join(', ')).replace(/[/\\:*?"<>|]/g, '_')}.md`;
  return vscode.Uri.from({ scheme: SNIPPET_SCHEME, path: `/${name}`, query: JSON.stringify(facts) });
}

/** The Markdown of a snippet document: the core's server snippets, then the client-side trust lines. */
export function snippetText(f: SnippetFacts): string {
  const server = loadCerts().snippetsMarkdown({ cert: f.cert, key: f.key });
  const host = f.hosts.find((h) => !h.startsWith('*')) ?? 'localhost';
  const origin = `https://${host.includes(':') ? `[${host}]` : host}:8443/`;
  const adjust = vscode.l10n.t('adjust to where this file sits');
  const client = [
    `# ${vscode.l10n.t('Clients: trust the development CA (verification stays on)')}`,
    '',
    vscode.l10n.t(
      'The certificate covers: {0}. Clients trust {1} (public roots + the development CA).',
      f.hosts.map((h) => `\`${h}\``).join(', '),
      `\`${f.bundle}\``,
    ),
    '',
    '## Python requests',
    '',
    '```python',
    'from pathlib import Path',
    'import requests',
    '',
    `BUNDLE = Path(__file__).resolve().parent / "${f.bundle}"  # ${adjust}`,
    `requests.get("${origin}", verify=str(BUNDLE))`,
    '```',
    '',
    '## Node',
    '',
    '```js',
    "const fs = require('fs');",
    "const https = require('https');",
    "const path = require('path');",
    '',
    `const ca = fs.readFileSync(path.join(__dirname, '${f.bundle}')); // ${adjust}`,
    `https.get('${origin}', { ca });`,
    '```',
    '',
    `## ${vscode.l10n.t('Environment (any working directory)')}`,
    '',
    '```sh',
    `export REQUESTS_CA_BUNDLE="$PWD/${f.bundle}" SSL_CERT_FILE="$PWD/${f.bundle}" NODE_EXTRA_CA_CERTS="$PWD/${f.bundle}"  # ${vscode.l10n.t('from the workspace folder')}`,
    `curl --cacert ${f.bundle} ${origin}`,
    '```',
    '',
  ].join('\n');
  return `${server}\n${client}`;
}

/** Registers the content provider. */
export function snippetDocuments(slots: Slots): vscode.Disposable {
  return slots.fill('snippetDocs', {
    provideTextDocumentContent: (uri) => {
      try {
        return snippetText(JSON.parse(uri.query) as SnippetFacts);
      } catch (e) {
        return `# ${vscode.l10n.t('TLS Doctor: this snippet link is damaged ({0})', (e as Error).message)}\n`;
      }
    },
  });
}

/** Opens the read-only snippet document of a certificate written under `folder`. */
export async function showSnippets(
  folder: vscode.Uri,
  result: { cert: string; key: string; bundle: string; hosts: readonly string[] },
): Promise<vscode.TextEditor> {
  const rel = (p: string) => path.relative(folder.fsPath, p).split(path.sep).join('/');
  const doc = await vscode.workspace.openTextDocument(
    snippetUri({ cert: rel(result.cert), key: rel(result.key), bundle: rel(result.bundle), hosts: result.hosts }),
  );
  return vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(doc, 'markdown'), {
    preview: true,
  });
}
