import type * as vscode from 'vscode';

/** What every feature module receives from `activate()`. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
}
