// Pure HTML for the certificate viewer: an InspectReport in, one HTML string out. No `vscode` import (unit-tested
// with mocha). The Check panel's shell and helpers are reused (strict CSP with a nonce, `text()` for every value,
// check.css for the theme, check.js for the buttons, which post { type, index?, url? }): every field of a file is
// inserted as text, never markup.
import type { CertVerdicts, InspectedCert, InspectedCsr, InspectReport } from '../../core/inspect/types';
import type { TrustVerdict } from '../../core/tls/types';
import { validityOf } from '../checkUrl/model';
import { button, page, PageContext, text, validityBlock } from '../checkUrl/render';

/** What the page can offer besides the report (the host decides from the file and the workspace). */
export interface ViewerOptions {
  /** The file's name as shown in the title. */
  readonly title: string;
  /** True when the file is PEM on disk (it can be used as an extra CA file as is). */
  readonly pemFile: boolean;
  /** True for a file (false for a PEM block shown from a hover). */
  readonly hasFile: boolean;
  /** True when the file is text (PEM, CSR, base64): "Open as text" is offered (a .p12 as text is noise). */
  readonly textFile: boolean;
}

const STORE_LABELS: Readonly<Record<string, string>> = {
  node: 'Node.js bundled roots',
  os: 'Operating system store',
  certifi: 'Python certifi',
  '--ca': 'Extra CA files (tlsDoctor.check.extraCaFiles)',
};

const ROLE: Readonly<Record<InspectedCert['role'], string>> = {
  leaf: 'Leaf',
  intermediate: 'Intermediate CA',
  root: 'Root CA',
  'self-signed': 'Self-signed',
};

const KIND: Readonly<Record<InspectReport['kind'], string>> = {
  pem: 'PEM',
  der: 'DER certificate',
  pkcs7: 'PKCS#7 bundle',
  pkcs12: 'PKCS#12 keystore',
  csr: 'Certificate signing request',
  unknown: 'Not readable',
};

function commonName(dn: string): string {
  const m = /(?:^|, )CN=([^,]+)/.exec(dn);
  return (m ? m[1] : dn || '(no subject)').trim();
}

/** The host a leaf names first (a DNS name that is not a wildcard, else an IP), for "Check <host>". */
export function hostOf(c: InspectedCert | undefined): string | undefined {
  if (!c || c.isCA) return undefined;
  const dns = c.sans.find((s) => s.startsWith('DNS:') && !s.includes('*'));
  const ip = c.sans.find((s) => s.startsWith('IP:'));
  const host = dns?.slice(4) ?? ip?.slice(3);
  return host && /^[A-Za-z0-9.:-]+$/.test(host) ? (host.includes(':') ? `[${host}]` : host) : undefined;
}

function storeName(v: TrustVerdict): string {
  return STORE_LABELS[v.store] ?? v.store;
}

function shortStore(v: TrustVerdict): string {
  return (
    ({ node: 'Node.js', os: 'OS', certifi: 'certifi', '--ca': 'extra CA' } as Record<string, string>)[v.store] ??
    v.store
  );
}

/** The one-line verdict at the top: who trusts the (first) judged certificate. */
function headline(r: InspectReport): { ok: boolean | undefined; line: string } {
  if (r.certificates.length === 0 && r.requests.length > 0) {
    return { ok: undefined, line: 'Certificate signing request: not a certificate yet (send it to a CA to be signed)' };
  }
  if (r.certificates.length === 0) return { ok: false, line: `✗ ${r.problems[0]?.message ?? 'No certificate found'}` };
  const v = r.verdicts[0];
  if (!v) return { ok: undefined, line: 'Not judged against any trust store' };
  const yes = v.stores.filter((s) => s.trusted === true).map(shortStore);
  const no = v.stores.filter((s) => s.trusted === false).map(shortStore);
  const many = r.verdicts.length > 1 ? ` (first of ${r.verdicts.length} top-level certificates)` : '';
  if (yes.length && !no.length) return { ok: true, line: `✓ Trusted by ${yes.join(', ')}${many}` };
  if (!yes.length) return { ok: false, line: `✗ Not trusted by ${no.join(', ') || 'any store'}${many}` };
  return { ok: false, line: `✗ Not trusted by ${no.join(', ')}; trusted by ${yes.join(', ')}${many}` };
}

/** One sentence on what to do next, from what the file is and who trusts it. */
export function nextStep(r: InspectReport): string | undefined {
  if (r.problems.some((p) => p.code === 'password-required')) return 'Enter the password to see the certificates.';
  if (r.problems.some((p) => p.code === 'wrong-password')) return 'The password is wrong: enter it again.';
  if (!r.certificates.length) {
    return r.requests.length ? 'Send the request to your CA; its private key stays with you.' : undefined;
  }
  const expired = r.certificates.findIndex((c) => c.daysLeft < 0);
  if (expired >= 0) {
    return `Certificate ${expired + 1} (${commonName(r.certificates[expired].subject)}) has expired: renew it.`;
  }
  const v = r.verdicts[0];
  if (!v || v.stores.some((s) => s.trusted === true && s.store !== '--ca')) return undefined;
  const order = r.chainOrder ?? [v.index];
  const top = r.certificates[order[order.length - 1]];
  if (top.selfSigned) {
    return `Its root “${commonName(top.subject)}” is in no public or system store. To trust it, create a CA bundle (public roots + this CA) and point your clients at it, or use it as an extra CA for checks.`;
  }
  return `The file ends at “${commonName(top.subject)}”, issued by “${commonName(top.issuer)}”, which it does not hold. Get that CA certificate from whoever runs the CA, or check the server, which may send it.`;
}

function summary(r: InspectReport): string {
  const parts = [KIND[r.kind]];
  if (r.totalCertificates) parts.push(`${r.totalCertificates} certificate${r.totalCertificates === 1 ? '' : 's'}`);
  if (r.requests.length) parts.push(`${r.requests.length} request${r.requests.length === 1 ? '' : 's'}`);
  if (r.keys.length) parts.push(`${r.keys.length} private key${r.keys.length === 1 ? '' : 's'}`);
  if (r.chainOrder) parts.push('one chain');
  return parts.map((p) => `<span>${text(p)}</span>`).join('<span class="sep">·</span>');
}

function actions(r: InspectReport, o: ViewerOptions): string {
  const leaf = r.verdicts[0] ? r.certificates[r.verdicts[0].index] : r.certificates[0];
  const host = hostOf(leaf);
  const top = topCa(r);
  const passwordNeeded = r.problems.some((p) => p.code === 'password-required' || p.code === 'wrong-password');
  return `<div class="actions" role="group" aria-label="Actions">
${passwordNeeded ? button('enterPassword', 'Enter password…', { primary: true, title: 'The password is kept for this editor only, never stored' }) : ''}
${o.hasFile && o.textFile ? button('openText', 'Open as text', { primary: !passwordNeeded && !host, title: 'Reopen this file in the text editor' }) : ''}
${host ? button('checkUrl', `Check ${host}`, { primary: true, data: `https://${host}`, title: 'Connect and diagnose the server this certificate names (Check TLS for URL)' }) : ''}
${top !== undefined ? indexButton('createBundle', 'Create a CA bundle…', top, 'Public roots + this CA, in one PEM file your clients can point at') : ''}
${top !== undefined ? indexButton('addToBundle', 'Add to a CA bundle…', top, 'Append this CA to an existing PEM bundle (skipped when it is already there)') : ''}
${r.certificates.length ? button('useAsExtraCa', 'Use as extra CA for checks', { disabled: !o.pemFile, title: o.pemFile ? 'Adds this file to tlsDoctor.check.extraCaFiles (workspace)' : 'Only a PEM file can be an extra CA file: export the CA as PEM first' }) : ''}
</div>`;
}

/** A secondary button acting on certificate `index` (check.js posts { type: action, index }). */
function indexButton(action: string, label: string, index: number, title?: string): string {
  const t = title ? ` title="${text(title)}"` : '';
  return `<button type="button" class="btn secondary" data-action="${action}" data-index="${index}"${t}>${text(label)}</button>`;
}

/** The CA to offer for bundles: the top of the chain when it is a CA (the root, or the highest CA the file holds). */
export function topCa(r: InspectReport): number | undefined {
  const order = r.chainOrder ?? r.certificates.map((_, i) => i);
  const cas = order.filter((i) => r.certificates[i]?.isCA);
  return cas.length ? cas[cas.length - 1] : undefined;
}

function header(r: InspectReport, o: ViewerOptions): string {
  const h = headline(r);
  const cls = h.ok === true ? 'ok' : h.ok === false ? 'fail' : '';
  return `<header class="summary ${cls}">
<div class="verdict" role="status" aria-live="polite">${text(h.line)}</div>
<h1>${text(o.title)}</h1>
<div class="meta">${summary(r)}</div>
${nextStep(r) ? `<p class="next">${text(nextStep(r))}</p>` : ''}
${actions(r, o)}
</header>`;
}

function row(label: string, value: string | undefined, cls = ''): string {
  return value ? `<dt>${text(label)}</dt><dd${cls ? ` class="${cls}"` : ''}>${value}</dd>` : '';
}

function list(items: readonly string[] | undefined, cls = 'mono'): string | undefined {
  return items && items.length ? items.map((i) => `<div class="${cls}">${text(i)}</div>`).join('') : undefined;
}

function badges(c: InspectedCert, now: Date): string {
  const v = validityOf(c, now);
  const out: string[] = [];
  if (v.state === 'expired') out.push('<span class="badge error">expired</span>');
  else if (v.state === 'not-yet-valid') out.push('<span class="badge error">not yet valid</span>');
  else if (v.state === 'expiring') out.push(`<span class="badge warning">${text(`expires in ${v.daysLeft} d`)}</span>`);
  for (const s of c.strict) {
    out.push(`<span class="badge warning" title="${text(s)}">${text(s.split(/[:(]/)[0].trim())}</span>`);
  }
  return out.join('');
}

function certCard(r: InspectReport, i: number, now: Date): string {
  const c = r.certificates[i];
  const issuer =
    c.issuedBy !== undefined
      ? `${text(c.issuer)} <a href="#cert-${c.issuedBy}">(certificate ${c.issuedBy + 1} of this file)</a>`
      : text(c.issuer);
  const bc = c.basicConstraints;
  const key = r.keys.find((k) => k.matches === c.sha256);
  return `<article class="cert" aria-labelledby="cert-${i}-title" id="cert-${i}">
<div class="cert-head"><span class="role">${text(ROLE[c.role])}</span><h3 id="cert-${i}-title">${text(commonName(c.subject))}</h3><div class="badges">${badges(c, now)}</div></div>
<dl>
${row('Subject', text(c.subject))}
${row('Issuer', issuer)}
${row('Names', c.sans.length ? c.sans.map((s) => `<span class="chip">${text(s)}</span>`).join('') : '<span class="muted">none</span>', 'chips')}
${row('Validity', validityBlock(c, now, true))}
${row('Key', text(c.keyBits !== undefined ? `${c.keyType} ${c.keyBits} bits` : c.keyType) + (key ? ' <span class="muted">(its private key is in this file)</span>' : ''))}
${row('Signature', text(c.signatureAlgorithm))}
${row('SHA-256', text(c.sha256), 'mono fp')}
${row('SHA-1', text(c.sha1), 'mono fp')}
${row('Serial', text(c.serialNumber), 'mono')}
${row('Key usage', c.keyUsage?.length ? text(c.keyUsage.join(', ')) : undefined)}
${row('Extended key usage', c.extKeyUsage?.length ? text(c.extKeyUsage.join(', ')) : undefined)}
${row('Basic constraints', bc ? text(`CA: ${bc.ca ? 'yes' : 'no'}${bc.pathLength !== undefined ? `, path length ${bc.pathLength}` : ''}`) : undefined)}
${row('Permitted names', list(c.nameConstraints?.permitted))}
${row('Excluded names', list(c.nameConstraints?.excluded))}
${row('CA issuers (AIA)', list(c.aiaIssuers))}
${row('OCSP', list(c.ocspUrls))}
${row('CRL', list(c.crlUrls))}
${row('Policies', list(c.policies))}
${row('Strict checks', list(c.strict, 'warning-text'))}
${row('In the file', text(c.origin))}
</dl>
<div class="actions" role="group" aria-label="${text(`Certificate ${i + 1} actions`)}">
${indexButton('copy', 'Copy as PEM', i)}
${indexButton('exportPem', 'Export as PEM…', i)}
${indexButton('exportDer', 'Export as DER…', i)}
</div>
<details class="pem"><summary>PEM</summary><pre>${text(c.pem)}</pre></details>
</article>`;
}

function csrCard(q: InspectedCsr, i: number): string {
  const sig =
    q.signatureValid === undefined
      ? ''
      : q.signatureValid
        ? ' (its signature verifies)'
        : ' (its signature does NOT verify)';
  return `<article class="cert" aria-labelledby="csr-${i}-title">
<div class="cert-head"><span class="role">Request</span><h3 id="csr-${i}-title">${text(commonName(q.subject))}</h3>${q.signatureValid === false ? '<div class="badges"><span class="badge error">bad signature</span></div>' : ''}</div>
<dl>
${row('Subject', text(q.subject))}
${row('Requested names', q.sans.length ? q.sans.map((s) => `<span class="chip">${text(s)}</span>`).join('') : '<span class="muted">none (a CA will refuse a TLS certificate without subjectAltName)</span>', 'chips')}
${row('Key', text(q.keyBits !== undefined ? `${q.keyType} ${q.keyBits} bits` : q.keyType))}
${row('Signature', text(q.signatureAlgorithm + sig))}
${row('In the file', text(q.origin))}
</dl>
<details class="pem"><summary>PEM</summary><pre>${text(q.pem)}</pre></details>
</article>`;
}

function trustState(v: TrustVerdict): { state: string; words: string } {
  if (v.trusted === true) return { state: 'yes', words: '✓ trusted' };
  if (v.trusted === false) return { state: 'no', words: '✗ not trusted' };
  return { state: 'unknown', words: '– not checked' };
}

function trustTable(v: CertVerdicts): string {
  const rows = v.stores.map((s) => {
    const { state, words } = trustState(s);
    return (
      `<tr><td class="store"><div>${text(storeName(s))}</div>${s.source ? `<div class="path">${text(s.source)}</div>` : ''}</td>` +
      `<td><span class="pill ${state}">${text(words)}</span></td><td class="detail">${text(s.error ?? s.note ?? '')}</td></tr>`
    );
  });
  const caption = `${commonName(v.subject)} (certificate ${v.index + 1})`;
  return `<table class="trust"><caption>${text(caption)}</caption><thead><tr><th scope="col">Trust store / client</th><th scope="col">Verdict</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function problemsSection(r: InspectReport): string {
  if (!r.problems.length) return '';
  return `<section aria-labelledby="problems-title"><h2 id="problems-title">Could not read</h2><ul class="notices">${r.problems
    .map((p) => `<li class="warning"><code class="code">${text(p.code)}</code> ${text(p.message)}</li>`)
    .join('')}</ul></section>`;
}

function keysSection(r: InspectReport): string {
  if (!r.keys.length) return '';
  const items = r.keys.map((k) => {
    const owner = k.matches ? r.certificates.findIndex((c) => c.sha256 === k.matches) : -1;
    const what = owner >= 0 ? `the key of certificate ${owner + 1}` : 'matches no certificate of this file';
    return `<li>${text(`${k.label}${k.encrypted ? ' (encrypted)' : ' (NOT encrypted)'}, ${k.origin}: ${what}`)}</li>`;
  });
  return `<section aria-labelledby="keys-title"><h2 id="keys-title">Private keys</h2><p class="muted">Only named here, never shown. Keep a private key out of version control.</p><ul class="notices">${items.join('')}</ul></section>`;
}

function notesSection(r: InspectReport): string {
  if (!r.notes.length) return '';
  return `<section aria-labelledby="notes-title"><h2 id="notes-title">Notes</h2><ul class="notices">${r.notes.map((n) => `<li>${text(n)}</li>`).join('')}</ul></section>`;
}

function chainLine(r: InspectReport): string {
  if (!r.chainOrder) return '';
  const names = r.chainOrder.map((i) => `${commonName(r.certificates[i].subject)} (${i + 1})`);
  const inOrder = r.chainOrder.every((v, i) => v === i);
  return `<p class="muted">${text(`Chain, leaf → root: ${names.join(' → ')}.`)}${inOrder ? '' : text(' The file lists them in another order (servers should send the leaf first).')}</p>`;
}

function sectionNav(r: InspectReport): string {
  const links: [string, string][] = [];
  if (r.problems.length) links.push(['problems-title', 'Could not read']);
  if (r.verdicts.length) links.push(['trust-title', 'Who trusts it']);
  if (r.certificates.length) links.push(['certs-title', 'Certificates']);
  if (r.requests.length) links.push(['csr-title', 'Requests']);
  if (r.keys.length) links.push(['keys-title', 'Private keys']);
  if (!links.length) return '';
  return `<nav class="toc" aria-label="Sections">${links.map(([id, label]) => `<a href="#${id}">${text(label)}</a>`).join('<span class="sep" aria-hidden="true">·</span>')}</nav>`;
}

/** The whole viewer page for one file. */
export function renderInspection(r: InspectReport, ctx: PageContext, o: ViewerOptions): string {
  const cards = r.certificates.map((_, i) => certCard(r, i, ctx.now));
  const body = `${header(r, o)}
${sectionNav(r)}
<main data-view="certificate">
${problemsSection(r)}
${r.verdicts.length ? `<section aria-labelledby="trust-title"><h2 id="trust-title">Who trusts it</h2>${r.verdicts.map(trustTable).join('')}</section>` : ''}
${r.certificates.length ? `<section aria-labelledby="certs-title"><h2 id="certs-title">Certificates <span class="count">${r.certificates.length}</span></h2>${chainLine(r)}<div class="chain">${cards.join('')}</div></section>` : ''}
${r.requests.length ? `<section aria-labelledby="csr-title"><h2 id="csr-title">Requests</h2>${r.requests.map(csrCard).join('')}</section>` : ''}
${keysSection(r)}
${notesSection(r)}
</main>`;
  return page(ctx, o.title, body);
}
