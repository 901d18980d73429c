// Entry of dist/liveScanWorker.js (esbuild.js): the live re-scan of typing pauses, in a worker thread of the
// extension host (liveScan.ts starts it and talks to it). It keeps its own copy of each document it was sent, kept in
// step by the edits the editor reports (sent with the next scan request, so a pause posts no text), and answers a scan request with the findings and
// facts of the version asked for, or "same" when their digest is the one the editor already shows, or "stale" when
// its copy is not at that version (the editor then sends the text).
import { parentPort } from 'worker_threads';
import { applyEdits, TextEdit } from './liveText';
import { scanWithFacts, shapeDigest } from '../findingFacts';
import type { FindingFacts } from '../findingFacts';
import type { Finding } from '../../core/rules/types';

/** What the extension host posts. `key`: the document's Uri string; `version`: its TextDocument.version. */
export type LiveRequest =
  | { readonly kind: 'open'; readonly key: string; readonly version: number; readonly text: string }
  | { readonly kind: 'edit'; readonly key: string; readonly version: number; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'close'; readonly key: string }
  | {
      readonly kind: 'scan';
      readonly id: number;
      readonly key: string;
      readonly version: number;
      readonly path: string;
      readonly languageId?: string;
      /** The digest of what the editor shows for this document, if it came from a live scan. */
      readonly digest?: string;
      /**
       * The edits since the copy's version `base`, applied before the scan (the editor sends a pause's edits with its
       * scan request, one message per pause rather than one per keystroke).
       */
      readonly edits?: { readonly base: number; readonly edits: readonly TextEdit[] };
    };

/** The answer to a scan request. `length`: of the text scanned (the editor checks its copy against it). */
export type LiveReply =
  | { readonly id: number; readonly kind: 'stale' }
  | { readonly id: number; readonly kind: 'same'; readonly length: number }
  | {
      readonly id: number;
      readonly kind: 'found';
      readonly length: number;
      readonly findings: readonly Finding[];
      readonly facts: readonly (readonly [string, FindingFacts])[];
      readonly digest: string;
      /** shapeDigest of the findings and facts: equal to the shown one's when only their positions moved. */
      readonly shape: string;
    }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** Applies one request to `docs`; a scan request returns its reply. */
export function handle(docs: Map<string, { version: number; text: string }>, m: LiveRequest): LiveReply | undefined {
  switch (m.kind) {
    case 'open':
      docs.set(m.key, { version: m.version, text: m.text });
      return undefined;
    case 'edit': {
      const doc = docs.get(m.key);
      if (doc) docs.set(m.key, { version: m.version, text: applyEdits(doc.text, m.edits) });
      return undefined;
    }
    case 'close':
      docs.delete(m.key);
      return undefined;
    case 'scan': {
      if (m.edits) {
        const copy = docs.get(m.key);
        if (!copy || copy.version !== m.edits.base) return { id: m.id, kind: 'stale' };
        docs.set(m.key, { version: m.version, text: applyEdits(copy.text, m.edits.edits) });
      }
      const doc = docs.get(m.key);
      if (!doc || doc.version !== m.version) return { id: m.id, kind: 'stale' };
      try {
        const r = scanWithFacts(doc.text, m.path, m.languageId);
        return r.digest === m.digest
          ? { id: m.id, kind: 'same', length: doc.text.length }
          : { id: m.id, kind: 'found', length: doc.text.length, ...r, shape: shapeDigest(r.findings, r.facts) };
      } catch (e) {
        return { id: m.id, kind: 'error', message: (e as Error)?.message ?? String(e) };
      }
    }
  }
}

function serve(): void {
  const port = parentPort;
  if (!port) return;
  const docs = new Map<string, { version: number; text: string }>();
  port.on('message', (m: LiveRequest) => {
    const reply = handle(docs, m);
    if (reply) port.postMessage(reply);
  });
}

serve();
