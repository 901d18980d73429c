import * as vscode from 'vscode';
import { redact } from '../core/text/url';

/** Name of the output channel; also what "TLS Doctor: Show Log" opens. */
export const LOG_CHANNEL_NAME = 'TLS Doctor';

/** The channel's methods that write a message: each passes it through redact() first. */
const WRITERS = new Set<string | symbol>([
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'append',
  'appendLine',
  'replace',
]);

/** Creates the extension's LogOutputChannel (on context.subscriptions). Never log key material; URL and proxy
 * credentials are removed here, for every line (src/core/text/url.ts redact). */
export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  return new Proxy(log, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (!WRITERS.has(key)) return value.bind(target);
      return (message: unknown, ...rest: unknown[]) =>
        value.call(target, typeof message === 'string' ? redact(message) : message, ...rest);
    },
  });
}
