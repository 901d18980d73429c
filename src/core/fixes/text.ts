// Small text helpers shared by the fixers: offsets of a finding, deleting whole lines or list items, applying edits.
// Lines and positions themselves come from src/core/text.
import { lineSpan, TextIndex } from '../text/lines';
import type { Finding } from '../rules/types';
import type { OffsetEdit, TextEdit } from './types';

/** A document being fixed: its text, an offset index, and the finding's offsets. */
export interface Target {
  readonly text: string;
  readonly idx: TextIndex;
  /** Offsets of the finding's range; `value` is the text there. */
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** Offsets of the finding's context (its range when it has none). */
  readonly ctxStart: number;
  readonly ctxEnd: number;
}

/**
 * Builds a Target, refusing a finding whose `value` no longer matches the text (a stale diagnostic). A finding at a
 * sink is fixed at its origin, where the value is written (one edit for every call it reaches).
 */
export function targetOf(text: string, sink: Finding): Target | undefined {
  const f = sink.origin ? { ...sink, ...sink.origin } : sink;
  const idx = new TextIndex(text);
  const start = idx.offsetAt(f.range.start);
  const end = idx.offsetAt(f.range.end);
  if (text.slice(start, end) !== f.value) return undefined;
  const ctx = f.context ?? f.range;
  return { text, idx, start, end, value: f.value, ctxStart: idx.offsetAt(ctx.start), ctxEnd: idx.offsetAt(ctx.end) };
}

/**
 * Offset edits → range edits, sorted by position. Insertions at the same offset (two imports) become one edit in the
 * order given: editors and applyEdits disagree on the order of separate same-position inserts.
 */
export function toTextEdits(t: Target, edits: readonly OffsetEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: OffsetEdit[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.start === last.end && e.start === e.end && last.start === e.start) {
      merged[merged.length - 1] = { ...last, newText: last.newText + e.newText };
    } else merged.push(e);
  }
  return merged.map((e) => ({ range: t.idx.rangeOf(e.start, e.end), newText: e.newText }));
}

/** Applies range edits to `text` (tests, previews, the CLI): edits must not overlap; an insertion at the start of a
 * replaced range goes before its new text (as in editors). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const idx = new TextIndex(text);
  const sorted = [...edits]
    .map((e) => ({ s: idx.offsetAt(e.range.start), e: idx.offsetAt(e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The edit deleting whole lines [from line of `start`, to line of `end`] when nothing else is on them, else undefined. */
export function deleteLines(
  text: string,
  start: number,
  end: number,
  allowTrailingComment = /^\s*$/,
): OffsetEdit | undefined {
  const [ls] = lineSpan(text, start);
  const [, le, next] = lineSpan(text, Math.max(start, end - 1));
  if (text.slice(ls, start).trim() !== '' || !allowTrailingComment.test(text.slice(end, le))) return undefined;
  return { start: ls, end: next, newText: '' };
}

/** Removes one item (`value`) from a comma-separated list (`f(a, verify=False)`, `{ a: 1, x: false }`) with one comma. */
export function removeListItem(text: string, start: number, end: number): OffsetEdit {
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  const before = /,\s*$/.exec(text.slice(Math.max(0, start - 200), start));
  if (before && (!after || !/\n/.test(before[0]))) {
    // `f(a, verify=False)` → `f(a)`: drop the comma before; a trailing comma after (multi-line lists) stays.
    return { start: start - before[0].length, end, newText: '' };
  }
  if (after) {
    // first item, or one item per line: drop it with the comma and spacing that follow it (and its line if alone).
    const full = deleteLines(text, start, end + after[0].length);
    return full ?? { start, end: end + after[0].length, newText: '' };
  }
  // the only item: `{ rejectUnauthorized: false }` → `{}` (spaces inside the brackets go too).
  const lead = /[ \t]*$/.exec(text.slice(Math.max(0, start - 50), start))![0].length;
  const trail = /^[ \t]*/.exec(text.slice(end))![0].length;
  return deleteLines(text, start, end) ?? { start: start - lead, end: end + trail, newText: '' };
}
