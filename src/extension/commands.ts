// The one way commands are registered: ids from the table in commandIds.ts, one error path (the log gets
// `<id> failed: <reason>`, the user one "TLS Doctor: <reason>" error notification) and one result shape for a
// command that threw (CommandFailure). Handlers keep returning their own results for the normal outcomes.
import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import type { CommandRoutes } from './slots';

export { COMMANDS } from './commandIds';
export type { CommandId } from './commandIds';

/**
 * What any command returns when its handler threw. `applied: false` keeps the quick-fix commands' FixOutcome contract
 * (callers test `applied`); `failed` tells a failure from an outcome that merely did nothing.
 */
export interface CommandFailure {
  readonly failed: true;
  readonly applied: false;
  readonly reason: string;
}

/** Registers commands through the one error path; see the file comment. */
export class CommandRunner {
  /** `routes`: where the entry's registration of each id (src/extension.ts) finds its handler. */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly routes: CommandRoutes,
  ) {}

  /** Registers `id`; the returned disposable goes on context.subscriptions. */
  register<A extends unknown[], R>(id: CommandId, handler: (...args: A) => R | Thenable<R>): vscode.Disposable {
    return this.routes.add(id, (...args) => this.run(id, () => handler(...(args as A))));
  }

  /** Runs `body` as command `id` would: its result, or a CommandFailure after logging and telling the user. */
  async run<R>(id: CommandId, body: () => R | Thenable<R>): Promise<R | CommandFailure> {
    try {
      return await body();
    } catch (e) {
      return this.fail(id, e);
    }
  }

  private fail(id: CommandId, e: unknown): CommandFailure {
    const reason = e instanceof Error ? e.message : String(e);
    this.log.error(`${id} failed: ${reason}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', reason));
    return { failed: true, applied: false, reason };
  }
}
