// What TLS Doctor's webviews (the Check/Explain panel, the certificate viewer) may post back, validated in one place:
// the pages are ours, but what crosses the boundary is treated as input. Pure (no vscode): unit-tested.

/** A page's messages: actions without an argument, actions on the n-th item, and "check this URL". */
export interface MessageSpec<P extends string, I extends string> {
  readonly plain: readonly P[];
  readonly indexed: readonly I[];
  /** What a `checkUrl` message's URL must match. */
  readonly url: RegExp;
}

export type WebviewMessage<P extends string, I extends string> =
  | { readonly type: P }
  | { readonly type: I; readonly index: number }
  | { readonly type: 'checkUrl'; readonly url: string };

/** The message `raw` as `spec` allows it, else undefined (an unknown type, a missing index, a URL it refuses). */
export function parseWebviewMessage<P extends string, I extends string>(
  raw: unknown,
  spec: MessageSpec<P, I>,
): WebviewMessage<P, I> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  const type = m.type;
  if (typeof type !== 'string') return undefined;
  if ((spec.plain as readonly string[]).includes(type)) return { type: type as P };
  if ((spec.indexed as readonly string[]).includes(type)) {
    return Number.isInteger(m.index) ? { type: type as I, index: m.index as number } : undefined;
  }
  if (type === 'checkUrl') {
    return typeof m.url === 'string' && spec.url.test(m.url) ? { type: 'checkUrl', url: m.url } : undefined;
  }
  return undefined;
}
