// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the full rule table (with help URIs to the
// docs pages), and one result per finding with a 1-based region.
import { RuleMeta, Severity } from '../rules/types';
import { allRules, ruleDocsUrl, REPOSITORY_URL } from '../scan/index';
import type { FileFinding } from './types';
import { decorateResult, SarifExtra } from './sarif-extras';
import pkg from '../../../package.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub ranks security alerts by this CVSS-like score (critical ≥ 9, high ≥ 7, medium ≥ 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.1', warning: '6.5', info: '3.7' };

function sarifRule(r: RuleMeta) {
  return {
    id: r.id,
    name: r.id.replace(/(^|[.-])(\w)/g, (_m, _s, c: string) => c.toUpperCase()),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    helpUri: ruleDocsUrl(r.id),
    help: {
      text: `${r.description} See ${ruleDocsUrl(r.id)}`,
      markdown: `${r.description}\n\n[Rule documentation](${ruleDocsUrl(r.id)})`,
    },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ['security', 'tls', 'external/cwe/cwe-295'],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[r.severity],
    },
  };
}

function sarifResult({ file, finding: f }: FileFinding, index: Map<string, number>) {
  const region = (r: typeof f.range) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const artifactLocation = { uri: fileUri(file), uriBaseId: '%SRCROOT%' };
  return {
    ruleId: f.ruleId,
    ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation, region: { ...region(f.range), snippet: { text: f.value } } },
        // A notebook finding's region is in the .ipynb JSON; the cell and its line say where it is in the notebook.
        ...(f.cell
          ? {
              logicalLocations: [
                {
                  name: `cell ${f.cell.index + 1}, line ${f.cell.line + 1}`,
                  fullyQualifiedName: `${file}#cell=${f.cell.index + 1}:${f.cell.line + 1}:${f.cell.character + 1}`,
                  kind: 'module',
                },
              ],
            }
          : {}),
      },
    ],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((rel, id) => ({
            id,
            message: { text: rel.message },
            physicalLocation: { artifactLocation, region: region(rel.range) },
          })),
        }
      : {}),
    partialFingerprints: { 'tlsDoctor/v1': `${f.ruleId}:${file}:${f.value}` },
  };
}

/** A relative path as a URI reference: percent-encoded, with `#` and `?` too (they would end the path), and a lone
 * surrogate (possible in Windows file names, and fatal to encodeURI) shown as U+FFFD. */
function fileUri(file: string): string {
  const wellFormed = file.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return encodeURI(wellFormed).replace(/[#?]/g, (c) => encodeURIComponent(c));
}

/**
 * A SARIF 2.1.0 log for `results`; `rootUri` (a `file://` URI ending in `/`) is what relative `file`s resolve against.
 * `extras[i]` adds fingerprint, baseline state and fixes to result i (see sarif-extras.ts).
 */
export function toSarif(
  results: readonly FileFinding[],
  rootUri?: string,
  extras?: readonly (SarifExtra | undefined)[],
): string {
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'TLS Doctor',
            semanticVersion: pkg.version,
            version: pkg.version,
            informationUri: REPOSITORY_URL,
            rules: rules.map(sarifRule),
          },
        },
        ...(rootUri ? { originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: results.map((r, i) => decorateResult(sarifResult(r, index), extras?.[i])),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
