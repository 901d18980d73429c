// Output formats for scan results: text (one line per finding plus a summary), JSON (the stable CLI contract) and
// SARIF 2.1.0 (GitHub code scanning). Pure functions of the findings; the CLI decides where they go. This file only
// re-exports: each format imports the shared shapes from ./types, never this index, so nothing imports in a circle.
export type { FileFinding, JsonFinding, ScanStats } from './types';
export { toJson, toJsonFinding } from './json';
export { toText } from './text';
export { toSarif } from './sarif';
export { printable } from '../text/printable';
