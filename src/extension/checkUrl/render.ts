// Pure HTML for the check panel: a CheckReport in, one HTML string out (an explanation: ../explain/render.ts). No
// `vscode` import, so it is unit-tested with plain mocha. Every value that comes from a certificate, a server, the
// environment or the user is inserted with `text()` (escaped as text, never markup); only this file's own
// literals are markup. The page loads one stylesheet and one script from media/ under a nonce-based CSP.
import { randomBytes } from 'crypto';
import type { Cause, CauseCode, CertInfo, CheckReport, ClientId, TrustVerdict } from '../../core/tls/types';
import { CAUSES } from '../../core/tls/causes';
import { anchorCert, badgesFor, collectSnippets, Snippet, validityOf } from './model';
import { offersTrustFix } from '../trust/model';

/** What the page needs besides the data: resource URIs (already webview URIs), the CSP source and a fresh nonce. */
export interface PageContext {
  readonly nonce: string;
  readonly cspSource: string;
  readonly styleUri: string;
  readonly scriptUri: string;
  readonly now: Date;
  /**
   * vscode.env.remoteName when the extension host runs on another machine (ssh-remote, wsl, dev-container,
   * codespaces…): the check connects from there, so the page says so.
   */
  readonly remote?: string;
  /** Handshakes made with a CA bundle as the trust (a fixed client's bundle), newest first; the panel says
   * "verified with <bundle>" only for one that verified. `bundle` is what to show (workspace-relative). */
  readonly bundleChecks?: readonly BundleCheckView[];
}

/** One handshake with a bundle as the trust, as the panel shows it. */
export interface BundleCheckView {
  readonly bundle: string;
  readonly ok: boolean;
  /** False when the handshake never got far enough to say (DNS, refused, timeout). */
  readonly reached: boolean;
  readonly causes: readonly string[];
  readonly at: number;
}

/** The verdict's heading, by what happened: no TLS session at all, a chain that is not trusted, a trusted chain
 * with warnings (expiring-soon, with the days left), or a clean one. `kind` names it for styling and tests. */
export function verdictHeading(r: CheckReport): {
  kind: 'no-connection' | 'not-trusted' | 'warnings' | 'trusted';
  heading: string;
  detail: string;
} {
  const labels = r.causes.map((c) => CAUSE_TITLES[c.code] ?? c.code).join(', ');
  if (r.verdict !== 'ok') {
    return r.chain.length === 0
      ? { kind: 'no-connection', heading: 'Could not connect', detail: labels || 'failed' }
      : { kind: 'not-trusted', heading: 'Not trusted', detail: labels || 'failed' };
  }
  const warnings = r.warnings ?? [];
  if (warnings.length === 0) return { kind: 'trusted', heading: 'Trusted', detail: '' };
  const detail = warnings
    .map((w) =>
      w.code === 'expiring-soon' && w.daysLeft !== undefined
        ? `expires in ${w.daysLeft} day${w.daysLeft === 1 ? '' : 's'}${w.subject ? ` (${commonName(w.subject)})` : ''}`
        : w.code,
    )
    .join(', ');
  return { kind: 'warnings', heading: 'Trusted, with warnings', detail };
}

const HEADING_MARK = { 'no-connection': '✗', 'not-trusted': '✗', warnings: '⚠', trusted: '✓' } as const;
const SUMMARY_CLASS = { 'no-connection': 'fail', 'not-trusted': 'fail', warnings: 'warn', trusted: 'ok' } as const;

/** "✓ Verified with .certs/x-bundle.pem" when the newest handshake with a bundle verified; what it said otherwise. */
function bundleLine(checks: readonly BundleCheckView[] | undefined): string {
  const c = checks?.[0];
  if (!c || !c.reached) return '';
  const when = new Date(c.at).toISOString().slice(11, 19);
  return c.ok
    ? `<p class="bundle-check ok" role="note">✓ Verified with <code>${text(c.bundle)}</code> <span class="muted">— the trust your fixed code uses (a handshake with that bundle, ${text(when)} UTC)</span></p>`
    : `<p class="bundle-check fail" role="note">✗ Not verified with <code>${text(c.bundle)}</code>: ${text(c.causes.join(', ') || 'rejected')}</p>`;
}

/** A CSP nonce: 128 random bits from the OS CSPRNG (a guessable nonce would defeat the CSP). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/** What every TLS Doctor page needs: a fresh nonce, the webview's CSP source, media/check.css and check.js. */
export function pageContext(cspSource: string, media: (file: string) => string): PageContext {
  return { nonce: makeNonce(), cspSource, styleUri: media('check.css'), scriptUri: media('check.js'), now: new Date() };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes a value for HTML text and quoted attribute values. */
export function text(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escapes `value`, then shows its `backticked` spans as code (the core's fix texts use Markdown-style backticks). */
export function prose(value: unknown): string {
  return text(value).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

/** Short cause names for headlines and chips: the `label` of the one diagnosis table (core/tls/causes.ts). */
export const CAUSE_TITLES: Readonly<Record<CauseCode, string>> = Object.fromEntries(
  Object.values(CAUSES).map((c) => [c.code, c.label]),
) as Record<CauseCode, string>;

const CLIENT_LABELS: Readonly<Record<ClientId, string>> = {
  'python-requests': 'Python requests',
  'python-ssl': 'Python ssl',
  node: 'Node.js',
  curl: 'curl',
  git: 'git',
  pip: 'pip',
  uv: 'uv',
  conda: 'conda',
  yarn: 'Yarn',
  java: 'Java',
  server: 'Server',
};

const SHORT_STORE: Readonly<Record<string, string>> = { node: 'Node.js', os: 'OS', certifi: 'certifi', '--ca': '--ca' };

const STORE_LABELS: Readonly<Record<string, string>> = {
  node: 'Node.js bundled roots',
  os: 'Operating system store',
  certifi: 'Python certifi',
  '--ca': 'Extra CA files',
};

/** The page shell: strict CSP (nonce'd script, resources only from the webview's source), one stylesheet, one script. */
export function page(ctx: PageContext, title: string, body: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${ctx.cspSource}`,
    `img-src ${ctx.cspSource} data:`,
    `font-src ${ctx.cspSource}`,
    `script-src 'nonce-${ctx.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${text(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${text(ctx.styleUri)}" rel="stylesheet">
<title>${text(title)}</title>
</head>
<body>
${body}
<script nonce="${text(ctx.nonce)}" src="${text(ctx.scriptUri)}"></script>
</body>
</html>`;
}

export function button(
  action: string,
  label: string,
  opts: { primary?: boolean; disabled?: boolean; data?: string; title?: string } = {},
): string {
  const cls = opts.primary ? 'btn' : 'btn secondary';
  const data = opts.data !== undefined ? ` data-url="${text(opts.data)}"` : '';
  // The title is also the accessible description (screen readers read it after the label; hover shows it).
  const title = opts.title ? ` title="${text(opts.title)}"` : '';
  return `<button type="button" class="${cls}" data-action="${action}"${data}${title}${opts.disabled ? ' disabled' : ''}>${text(label)}</button>`;
}

function metaLine(r: CheckReport): string {
  const parts: string[] = [];
  if (r.protocol) parts.push(r.protocol);
  if (r.cipher) parts.push(r.cipher);
  if (r.addresses && r.addresses.length > 0) parts.push(r.addresses.join(', '));
  if (r.proxy) parts.push(`via proxy ${r.proxy}`);
  if (r.elapsedMs !== undefined) parts.push(`${Math.round(r.elapsedMs)} ms`);
  return parts.map((p) => `<span>${text(p)}</span>`).join('<span class="sep">·</span>');
}

/** A verdict's state, the mark shown and the words screen readers get for it (state is never colour alone). */
function trustState(v: TrustVerdict): { state: string; mark: string; words: string } {
  if (v.trusted === true) return { state: 'yes', mark: '✓', words: 'trusted' };
  if (v.trusted === false) return { state: 'no', mark: '✗', words: 'not trusted' };
  return { state: 'unknown', mark: '–', words: 'not checked' };
}

/** Text for screen readers only (the visible mark says the same to sighted users). */
function srOnly(value: string): string {
  return `<span class="sr-only">${text(value)}</span>`;
}

function storeChips(r: CheckReport): string {
  const chips = Object.entries(r.trust).map(([k, v]) => {
    const { state, mark, words } = trustState(v);
    return `<li><span class="pill ${state}" title="${text(v.error ?? v.note ?? '')}">${mark} ${text(SHORT_STORE[v.store] ?? v.store ?? k)}</span>${srOnly(`: ${words}`)}</li>`;
  });
  return chips.length > 0 ? `<ul class="stores" aria-label="Trust stores">${chips.join('')}</ul>` : '';
}

/** Where the check ran, when that is not the machine in front of the user (a remote window). */
function remoteNote(remote: string | undefined): string {
  if (!remote) return '';
  return (
    `<p class="remote" role="note"><strong>Checked from the remote machine (${text(remote)}).</strong> The connection, DNS, proxy and trust stores` +
    " above are the remote machine's. A browser on your local computer connects from there instead and uses its own trust store, so it may see a different result.</p>"
  );
}

function header(r: CheckReport, remote?: string, checks?: readonly BundleCheckView[]): string {
  const anchor = anchorCert(r.chain);
  const v = verdictHeading(r);
  const headline = `${HEADING_MARK[v.kind]} ${v.heading}${v.detail ? ` — ${v.detail}` : ''}`;
  return `<header class="summary ${SUMMARY_CLASS[v.kind]}" data-verdict="${v.kind}" data-heading="${text(v.heading)}">
<div class="verdict" role="status" aria-live="polite">${text(headline)}</div>
<h1>${text(r.host)}<span class="port">:${text(r.port)}</span></h1>
<div class="url">${text(r.url)}</div>
<div class="meta">${metaLine(r)}</div>
${storeChips(r)}
${bundleLine(checks)}
${remoteNote(remote)}
<div class="actions" role="group" aria-label="Actions">
${button('recheck', 'Re-check', { primary: true })}
${button('saveCa', 'Save CA certificate as PEM…', { disabled: !anchor, title: 'Write the top certificate of the chain to the workspace' })}
${button('createBundle', 'Create a CA bundle', { disabled: !anchor, title: 'Public roots + this CA, in one PEM file' })}
${button('copyEnv', 'Copy environment settings', { disabled: !anchor, title: 'REQUESTS_CA_BUNDLE, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS pointing at the bundle' })}
${offersTrustFix(r.causes.map((c) => c.code)) ? button('fixTrust', 'Fix Trust for All Tools…', { title: "Trust this chain's root in pip, npm, git, curl… with a plan first (asks before changing anything)" }) : ''}
</div>
</header>`;
}

function fixItem(fix: Cause['fixes'][number], snippets: readonly Snippet[], used: { next: number }): string {
  let snippet = '';
  if (fix.snippet) {
    const index = used.next++;
    snippet =
      `<div class="snippet"><pre><code>${text(snippets[index]?.text ?? fix.snippet)}</code></pre>` +
      `<button type="button" class="btn secondary icon" data-action="copy" data-index="${index}" title="Copy to clipboard" aria-label="Copy the ${text(CLIENT_LABELS[fix.client] ?? fix.client)} snippet">Copy</button></div>`;
  }
  return `<li><span class="client">${text(CLIENT_LABELS[fix.client] ?? fix.client)}</span><div class="fix-body"><p>${prose(fix.text)}</p>${snippet}</div></li>`;
}

/** Which clients accept and which reject this finding (the core's per-client truth table), when the cause has it. */
function clientSplit(c: Cause): string {
  if (!c.clients) return '';
  const list = (xs: readonly string[]) =>
    xs.length ? xs.map((x) => `<span class="chip">${text(x)}</span>`).join(' ') : 'none';
  return `<p class="clients"><span><strong>Accepted by:</strong> ${list(c.clients.accept)}</span> <span><strong>Rejected by:</strong> ${list(c.clients.reject)}</span></p>`;
}

function causeCards(causes: readonly Cause[]): string {
  const snippets = collectSnippets(causes);
  const used = { next: 0 };
  return causes
    .map(
      (c, i) => `<details class="cause" ${i < 2 ? 'open' : ''}>
<summary><span class="cause-title">${text(CAUSE_TITLES[c.code] ?? c.code)}</span><code class="code">${text(c.code)}</code></summary>
<p class="cause-message">${prose(c.message)}</p>
${clientSplit(c)}
${c.fixes.length > 0 ? `<ul class="fixes">${c.fixes.map((f) => fixItem(f, snippets, used)).join('\n')}</ul>` : ''}
</details>`,
    )
    .join('\n');
}

function trustRow(key: string, v: TrustVerdict): string {
  const { state, mark, words } = trustState(v);
  const detail = [v.error, v.note]
    .filter(Boolean)
    .map((d) => `<div>${text(d)}</div>`)
    .join('');
  const name = STORE_LABELS[v.store] ?? STORE_LABELS[key] ?? v.store ?? key;
  return (
    `<tr><td class="store"><div>${text(name)}</div>${v.source ? `<div class="path">${text(v.source)}</div>` : ''}</td>` +
    `<td><span class="pill ${state}">${text(`${mark} ${words}`)}</span></td><td class="detail">${detail}</td></tr>`
  );
}

function trustTable(r: CheckReport): string {
  const rows = Object.entries(r.trust).map(([k, v]) => trustRow(k, v));
  if (rows.length === 0) return '<p class="muted">No trust store was evaluated (no certificate was received).</p>';
  return `<table class="trust" aria-labelledby="trust-title"><thead><tr><th scope="col">Trust store / client</th><th scope="col">Verdict</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function commonName(dn: string): string {
  const m = /(?:^|[\n,/]\s*)CN\s*=\s*([^\n,/]+)/.exec(dn);
  return (m ? m[1] : dn.split('\n')[0] || '(no subject)').trim();
}

function oneLineDn(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

function role(r: CheckReport, i: number): string {
  if (i === 0) return r.chain.length === 1 && r.chain[0].selfSigned ? 'Leaf (self-signed)' : 'Leaf';
  return r.chain[i].selfSigned ? 'Root' : 'Intermediate';
}

/** The validity dates and bar of a certificate card (the certificate viewer's cards too; it also puts the days left
 * in the bar's label, where the Check panel has them beside it only). */
export function validityBlock(cert: CertInfo, now: Date, leftInLabel = false): string {
  const v = validityOf(cert, now);
  const step = Math.round(v.percentElapsed / 5) * 5; // CSS classes p0…p100: the CSP forbids inline style attributes
  const left =
    v.state === 'expired'
      ? `expired ${-v.daysLeft} days ago`
      : v.state === 'not-yet-valid'
        ? 'not valid yet'
        : `${v.daysLeft} days left`;
  return (
    `<div class="validity"><div class="dates"><span>${text(cert.notBefore.slice(0, 10))}</span><span class="left ${v.state}">${text(left)}</span><span>${text(cert.notAfter.slice(0, 10))}</span></div>` +
    `<div class="bar ${v.state}" role="img" aria-label="${text(`${Math.round(v.percentElapsed)}% of the validity period elapsed${leftInLabel ? `, ${left}` : ''}`)}"><div class="fill p${step}"></div></div></div>`
  );
}

function certCard(r: CheckReport, i: number, now: Date): string {
  const c = r.chain[i];
  const badges = badgesFor(r, i, now)
    .map((b) => `<span class="badge ${b.level}" title="${text(b.title)}">${text(b.label)}</span>`)
    .join('');
  const sans =
    c.sans.length > 0
      ? c.sans.map((s) => `<span class="chip">${text(s)}</span>`).join('')
      : '<span class="muted">none</span>';
  const key = c.keyBits !== undefined ? `${c.keyType} ${c.keyBits} bits` : c.keyType;
  return `<article class="cert" aria-labelledby="cert-${i}">
<div class="cert-head"><span class="role">${text(role(r, i))}</span><h3 id="cert-${i}">${text(commonName(c.subject))}</h3><div class="badges">${badges}</div></div>
<dl>
<dt>Subject</dt><dd>${text(oneLineDn(c.subject))}</dd>
<dt>Issuer</dt><dd>${text(oneLineDn(c.issuer))}</dd>
${i === 0 || c.sans.length > 0 ? `<dt>Names</dt><dd class="chips">${sans}</dd>` : ''}
<dt>Validity</dt><dd>${validityBlock(c, now)}</dd>
<dt>Key</dt><dd>${text(key)}</dd>
<dt>Signature</dt><dd>${text(c.signatureAlgorithm)}</dd>
<dt>SHA-256</dt><dd class="mono fp">${text(c.sha256)}</dd>
<dt>Serial</dt><dd class="mono">${text(c.serialNumber)}</dd>
${c.aiaIssuers && c.aiaIssuers.length > 0 ? `<dt>CA Issuers</dt><dd class="mono">${c.aiaIssuers.map(text).join('<br>')}</dd>` : ''}
</dl>
<details class="pem"><summary>PEM</summary><pre>${text(c.pem)}</pre></details>
</article>`;
}

function chainSection(r: CheckReport, now: Date): string {
  if (r.chain.length === 0) return '<p class="muted">The server sent no certificate.</p>';
  const cards: string[] = [];
  for (let i = 0; i < r.chain.length; i++) cards.push(certCard(r, i, now));
  return `<div class="chain">${cards.join('<div class="link" aria-hidden="true">▲ issued by ▼</div>')}</div>`;
}

function envTable(env: CheckReport['environment']): string {
  const entries = Object.entries(env ?? {});
  if (entries.length === 0) return '';
  const rows = entries.map(
    ([k, v]) =>
      `<tr><td class="mono">${text(k)}</td><td class="${v ? 'mono' : 'muted'}">${text(v || 'not set')}</td></tr>`,
  );
  return `<section aria-labelledby="env-title"><h2 id="env-title">Environment</h2><p class="muted">What clients started from this environment will read.</p><table class="env" aria-labelledby="env-title">${rows.join('')}</table></section>`;
}

/** Warnings (the verdict stands, e.g. expiring-soon) and the core's notes, when there are any. */
function noticesSection(r: CheckReport): string {
  const items = [
    ...(r.warnings ?? []).map(
      (w) => `<li class="warning"><code class="code">${text(w.code)}</code> ${prose(w.message)}</li>`,
    ),
    ...(r.notes ?? []).map((n) => `<li>${prose(n)}</li>`),
  ];
  return items.length
    ? `<section aria-label="Warnings and notes"><h2>Warnings and notes</h2><ul class="notices">${items.join('')}</ul></section>`
    : '';
}

/** In-page links to the sections (the webview scrolls to fragment links), for keyboard and screen-reader users. */
function sectionNav(r: CheckReport): string {
  const links: [string, string][] = [
    ['causes-title', r.causes.length > 0 ? 'Causes and fixes' : 'Result'],
    ['chain-title', 'Certificate chain'],
    ['trust-title', 'Who trusts it'],
  ];
  if (Object.keys(r.environment ?? {}).length > 0) links.push(['env-title', 'Environment']);
  return `<nav class="toc" aria-label="Sections">${links.map(([id, label]) => `<a href="#${id}">${text(label)}</a>`).join('<span class="sep" aria-hidden="true">·</span>')}</nav>`;
}

/** The whole panel for one check. */
export function renderReport(report: CheckReport, ctx: PageContext): string {
  const causes =
    report.causes.length > 0
      ? `<section aria-labelledby="causes-title"><h2 id="causes-title">What is wrong and how to fix it</h2>${causeCards(report.causes)}</section>`
      : '<section aria-labelledby="causes-title"><h2 id="causes-title">No problems found</h2><p class="muted">Every evaluated trust store accepts this chain for this host name.</p></section>';
  // Landmarks: the verdict header (banner), the section links (navigation), then the report (main).
  // Two columns on wide panels (what is wrong | what was received), one column otherwise (see check.css).
  const body = `${header(report, ctx.remote, ctx.bundleChecks)}
${sectionNav(report)}
<main class="columns">
<div class="col">
${causes}
${noticesSection(report)}
${envTable(report.environment)}
</div>
<div class="col">
<section aria-labelledby="chain-title"><h2 id="chain-title">Certificate chain <span class="count">${report.chain.length}</span></h2>${chainSection(report, ctx.now)}</section>
<section aria-labelledby="trust-title"><h2 id="trust-title">Who trusts it</h2>${trustTable(report)}</section>
</div>
</main>`;
  return page(ctx, `TLS: ${report.host}`, body);
}
