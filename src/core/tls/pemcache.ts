// One cache shape for everything built from a store's PEM list (SecureContexts, path-building indexes).
import { createHash } from 'node:crypto';

/** Memoises `build` per PEM list: by array identity first (stores keep their arrays, see stores.ts), so the ~200 KB
 * of PEM is hashed once per store content, not once per check; then by content, for equal lists in new arrays. */
export function cachedByPems<T>(build: (pems: readonly string[]) => T): (pems: readonly string[]) => T {
  const byArray = new WeakMap<readonly string[], T>();
  const byContent = new Map<string, T>();
  return (pems) => {
    let value = byArray.get(pems);
    if (value !== undefined) return value;
    const key = createHash('sha256').update(pems.join('\n')).digest('base64');
    value = byContent.get(key);
    if (value === undefined) byContent.set(key, (value = build(pems)));
    byArray.set(pems, value);
    return value;
  };
}
