// What a surface extractor hands the shell family, and the small text helper the extractors share.
import { EnvAssignment, Source } from '../env';

/** What a file contributes to the shell rules. */
export interface Surfaces {
  readonly sources: Source[];
  readonly env: EnvAssignment[];
  /** Shell rules another family already reports anywhere in this kind of file (their findings here are dropped). */
  readonly covered?: ReadonlySet<string>;
}

/** Removes one pair of matching quotes around a value. */
export function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}
