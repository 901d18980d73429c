// Which hosts the "Create Development Certificate" prompt suggests: the loopback names, then the local and private
// hosts the workspace's code and config refer to (a dev certificate for a public name would be useless and, with a
// name-constrained CA, rejected). Pure, so it is unit-tested without VS Code.
import { isLocalHost } from '../../core/fixes/index';

/** Always offered first: what a local dev server is reached by. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** Loopback names plus the local/private hosts among `referenced`, deduplicated, in first-seen order. */
export function suggestDevHosts(referenced: readonly string[]): string[] {
  const local = referenced.map((h) => h.toLowerCase().replace(/^\[(.*)\]$/, '$1')).filter(isLocalHost);
  return [...new Set([...LOOPBACK_HOSTS, ...local])];
}
