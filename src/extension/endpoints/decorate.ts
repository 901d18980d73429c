// Appends the endpoint verdict to a finding's diagnostic: the message gets one sentence with the cause code, the
// related information the probe's details and the concrete fixes for the finding's client. This text is for people:
// code that needs the verdict (the quick-fixes) reads it structured from ProbeService.verdictFor().
import * as vscode from 'vscode';
import type { EndpointVerdict } from '../../core/endpoints/index';
import type { Finding } from '../../core/rules/types';
import { toRange } from '../convert';
import type { ProbeService } from './service';
import type { FindingEndpoints } from './tracker';

/** Marker so a diagnostic is never decorated twice. */
const MARK = ' — endpoint ';

/** The decorator the diagnostics module calls for every diagnostic it shows. */
export function endpointDecorator(tracker: FindingEndpoints, probes: ProbeService) {
  return (uri: vscode.Uri, f: Finding, d: vscode.Diagnostic): void => {
    const fe = tracker.get(uri, f);
    const v = fe && probes.verdict(fe.endpoint, f.ruleId);
    if (!v || d.message.includes(MARK)) return;
    d.message = `${d.message}${MARK}${v.summary}`;
    const here = new vscode.Location(uri, toRange(f.range));
    d.relatedInformation = [...(d.relatedInformation ?? []), ...relatedFor(v, here)];
  };
}

/** Related information: where the endpoint is and what the probe found, then up to three fixes. */
function relatedFor(v: EndpointVerdict, here: vscode.Location): vscode.DiagnosticRelatedInformation[] {
  const causes = v.causes.length ? ` (${v.causes.join(', ')})` : '';
  const expiry = v.daysToExpiry !== undefined ? vscode.l10n.t('; certificate expires in {0} days', v.daysToExpiry) : '';
  const head = vscode.l10n.t('{0}: {1}{2}; remedy: {3}{4}', v.url, v.verdict, causes, v.remedy, expiry);
  const fixes = v.fixes.slice(0, 3).map((fx) => `${fx.client}: ${fx.text}${fx.snippet ? ` — ${fx.snippet}` : ''}`);
  return [head, ...fixes].map((m) => new vscode.DiagnosticRelatedInformation(here, m));
}
