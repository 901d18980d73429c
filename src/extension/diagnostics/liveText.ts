// A document's text kept in step with its edits, for the live re-scan of a typing pause off the extension host's main
// thread (liveScanWorker.ts; its findings, facts and digest come from findingFacts' scanWithFacts). No `vscode`
// import, so a worker thread can load it.

/** One edit of a document event: `length` characters at `offset` replaced by `text` (VS Code's contentChanges). */
export type TextEdit = readonly [offset: number, length: number, text: string];

/**
 * `text` after `edits`, applied in their order. VS Code's events list an edit's changes so that this is exact: by
 * descending position, each offset taken before the event, so no change moves the ones after it.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const [offset, length, insert] of edits) out = out.slice(0, offset) + insert + out.slice(offset + length);
  return out;
}
