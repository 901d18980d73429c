// Pure HTML for "Explain TLS Error" in the check panel: the identified client, the most likely cause first, the
// alternatives as possibilities (each with the check that settles it), that client's fix first with the others folded
// below, and a "Check <host>" button. Same rules as the check report (checkUrl/render.ts): every value from the
// message, the core or a server goes through `text()`/`prose()`; only this file's literals are markup; one nonce'd
// script under a strict CSP.
import { causeTitle, unrecognisedLabel } from '../../core/explain/index';
import type { ExplainFix } from '../../core/explain/index';
import { button, page, PageContext, prose, text } from '../checkUrl/render';
import { CauseFixes, checkTarget, clientLabel, displayedFixes, ExplainView, hostLabel } from './model';
import { offersTrustFix } from '../trust/model';

const HEADINGS = { likely: 'Most likely', possible: 'Possible', confirmed: 'Seen by the probe' } as const;

function fixItem(fix: ExplainFix, used: { next: number }): string {
  const snippet = fix.snippet
    ? `<div class="snippet"><pre><code>${text(fix.snippet)}</code></pre><button type="button" class="btn secondary icon" data-action="copy" data-index="${used.next++}" title="Copy to clipboard" aria-label="Copy the ${text(clientLabel(fix.client))} snippet">Copy</button></div>`
    : '';
  return `<li><span class="client">${text(clientLabel(fix.client))}</span><div class="fix-body"><p>${prose(fix.text)}</p>${snippet}</div></li>`;
}

function fixList(fixes: readonly ExplainFix[], used: { next: number }): string {
  return fixes.length ? `<ul class="fixes">${fixes.map((f) => fixItem(f, used)).join('\n')}</ul>` : '';
}

function causeCard(c: CauseFixes, first: boolean, used: { next: number }): string {
  const lead = fixList(c.lead, used);
  const folded = c.folded.length
    ? `<details class="other-fixes"><summary>Fixes for other clients (${c.folded.length})</summary>${fixList(c.folded, used)}</details>`
    : '';
  return `<details class="cause ${c.cause.likelihood}" ${first ? 'open' : ''}>
<summary><span class="cause-title">${text(HEADINGS[c.cause.likelihood])}: ${text(causeTitle(c.cause.code))}</span><span class="sr-only">, code </span><code class="code">${text(c.cause.code)}</code></summary>
<p class="cause-message">${prose(c.cause.message)}</p>
${lead}
${folded}
</details>`;
}

/** The panel in "explanation" mode. */
export function renderExplanation(view: ExplainView, ctx: PageContext): string {
  const e = view.explanation;
  const found = e.causes.length > 0;
  // A lead the message does not state (it gives no reason) is the usual one: shown as probable, not as certain.
  const heading = found
    ? `${e.causes[0].guessed ? 'Probably: ' : ''}${causeTitle(e.causes[0].code)}`
    : 'No known TLS error recognised';
  const target = checkTarget(e);
  const check = target
    ? button('checkUrl', `${view.checked ? 'Check again' : 'Check'} ${hostLabel(e)}`, {
        primary: true,
        data: target,
        title: `Probe ${target} with Check TLS for URL and re-state the explanation from what it sees`,
      })
    : '';
  const client = e.client ? `${e.client.title} (${e.client.family})` : unrecognisedLabel(view.hint);
  const state = view.checked
    ? `Re-stated from the check of ${view.checked.url}: ${view.checked.verdict === 'ok' ? 'the chain verifies from here' : 'the probe failed too'}`
    : 'Explanation';
  const used = { next: 0 };
  const cards = displayedFixes(view).map((c, i) => causeCard(c, i === 0, used));
  const [first, ...rest] = cards;
  const body = `<header class="summary explain ${found ? 'fail' : ''}">
<div class="verdict" role="status" aria-live="polite">${text(state)}</div>
<h1>${text(heading)}</h1>
<div class="meta"><span>Client: ${text(client)}</span>${e.host ? `<span class="sep">·</span><span>Endpoint: ${text(e.url ?? hostLabel(e))}</span>` : ''}</div>
<div class="actions" role="group" aria-label="Actions">${check}${offersTrustFix(e.causes.map((c) => c.code)) ? button('fixTrust', 'Fix Trust for All Tools…', { title: "Trust your network's root in pip, npm, git, curl… with a plan first (asks before changing anything)" }) : ''}</div>
<details class="quoted-message"><summary>The message (${text(view.text.split('\n').length)} lines)</summary><pre class="quoted">${text(view.text)}</pre></details>
</header>
<main>
${
  found
    ? `<section aria-labelledby="likely-title"><h2 id="likely-title">${view.checked ? 'What the probe saw' : 'Most likely cause'}</h2>${first}</section>${rest.length ? `<section aria-labelledby="other-title"><h2 id="other-title">Other possibilities</h2>${rest.join('\n')}</section>` : ''}`
    : '<section aria-label="No match"><p class="muted">Paste the whole error, including the library\'s wording (for example "CERTIFICATE_VERIFY_FAILED", "unable to get local issuer certificate" or "SELF_SIGNED_CERT_IN_CHAIN").</p></section>'
}
</main>`;
  return page(ctx, 'TLS error explained', body);
}
