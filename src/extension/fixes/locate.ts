// Recovering the document and Finding a quick-fix command is about, from plain arguments (so tests and the
// lightbulb pass the same thing): `{ uri, ruleId, range }`. The Finding comes from the FindingStore when the diagnostics
// manager knows it, else from a fresh scan of the document (same rule id and range, so never a different place).
import * as vscode from 'vscode';
import type { Finding, Range } from '../../core/rules/types';
import { scanText } from '../../core/scan/index';
import { fromRange, toRange } from '../convert';
import type { FindingStore } from '../findings';
import { corePath } from '../diagnostics/manager';

/** What identifies a finding in command arguments. `range` may be a core Range or a vscode.Range. */
export interface FindingRef {
  readonly uri: string | vscode.Uri;
  readonly ruleId: string;
  readonly range: Range | vscode.Range;
}

/** The reference to put in a CodeAction's command arguments. */
export function refOf(uri: vscode.Uri, f: Finding): FindingRef {
  return { uri: uri.toString(), ruleId: f.ruleId, range: f.range };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** The finding of `ruleId` at exactly `range` in `doc`, or undefined when the text changed since. */
export function findingIn(
  store: FindingStore,
  doc: vscode.TextDocument,
  ruleId: string,
  range: Range,
): Finding | undefined {
  const known = store.findingsAt(doc.uri, toRange(range)).find((f) => f.ruleId === ruleId && sameRange(f.range, range));
  if (known && doc.getText(toRange(known.range)) === known.value) return known;
  return scanText(doc.getText(), corePath(doc.uri), { languageId: doc.languageId }).find(
    (f) => f.ruleId === ruleId && sameRange(f.range, range),
  );
}

/** Opens the document of `ref` and finds its Finding; throws a readable error when it is gone. */
export async function locate(
  store: FindingStore,
  ref: FindingRef,
): Promise<{ doc: vscode.TextDocument; finding: Finding }> {
  if (!ref || !ref.uri || !ref.ruleId || !ref.range) {
    throw new Error(vscode.l10n.t('expected {0} naming a TLS Doctor finding', '{ uri, ruleId, range }'));
  }
  const uri = typeof ref.uri === 'string' ? vscode.Uri.parse(ref.uri) : ref.uri;
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = ref.range instanceof vscode.Range ? fromRange(ref.range) : ref.range;
  const finding = findingIn(store, doc, ref.ruleId, range);
  if (!finding) {
    throw new Error(
      vscode.l10n.t(
        'no {0} finding at {1}:{2} in {3} any more (the text changed)',
        ref.ruleId,
        range.start.line + 1,
        range.start.character + 1,
        uri.fsPath,
      ),
    );
  }
  return { doc, finding };
}
