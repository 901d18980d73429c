// Where the errors are: a terminal link on every TLS error line of the integrated terminal ("Explain with TLS
// Doctor"), which explains the whole error block around the line. The link API hands a provider one line only, so
// the block comes from the output of the shell commands, recorded through shell integration (execution.read() must
// start when the command starts: it yields only what comes after). Without shell integration the line alone is
// explained.
import * as vscode from 'vscode';
import { errorBlockText, isTlsErrorLine, plainLines } from '../../core/explain/block';

/** Per command, the newest output kept (a long build log's tail is where its error is). */
const MAX_OUTPUT_CHARS = 256 * 1024;
/** Per terminal, the commands remembered. */
const MAX_COMMANDS = 20;

/** One command's output as it arrived, with the command line that started it. */
interface Recorded {
  readonly commandLine: string;
  raw: string;
}

/** The recent output of each terminal's shell commands. */
export class TerminalOutput implements vscode.Disposable {
  private readonly byTerminal = new Map<vscode.Terminal, Recorded[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.window.onDidStartTerminalShellExecution((e) => void this.record(e.terminal, e.execution)),
      vscode.window.onDidCloseTerminal((t) => this.byTerminal.delete(t)),
    );
  }

  /** Keeps the output of `execution` (from `stream`: given when the command started before this recorder existed). */
  async record(
    terminal: vscode.Terminal,
    execution: vscode.TerminalShellExecution,
    stream: AsyncIterable<string> = execution.read(),
  ): Promise<void> {
    const list = this.byTerminal.get(terminal) ?? [];
    const entry: Recorded = { commandLine: execution.commandLine.value, raw: '' };
    list.push(entry);
    if (list.length > MAX_COMMANDS) list.shift();
    this.byTerminal.set(terminal, list);
    try {
      for await (const data of stream) {
        entry.raw += data;
        if (entry.raw.length > MAX_OUTPUT_CHARS * 2) entry.raw = entry.raw.slice(-MAX_OUTPUT_CHARS);
      }
    } catch (e) {
      this.log.warn(
        `terminal output of "${entry.commandLine.slice(0, 80)}" could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /**
   * The error block around `line` in this terminal's recorded output (newest command first), headed by the command
   * line; undefined when the line is not in what was recorded.
   */
  blockAround(terminal: vscode.Terminal, line: string): string | undefined {
    const wanted = normalise(line);
    const list = this.byTerminal.get(terminal) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const lines = [`$ ${list[i].commandLine}`, ...plainLines(list[i].raw)];
      for (let j = lines.length - 1; j > 0; j--) if (normalise(lines[j]) === wanted) return errorBlockText(lines, j);
    }
    return undefined;
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.byTerminal.clear();
  }
}

/** Terminal lines come padded and with tabs expanded: compare without the whitespace differences. */
function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A link on one error line; activating it explains the block around the line. */
export class ErrorLink extends vscode.TerminalLink {
  constructor(
    startIndex: number,
    length: number,
    readonly terminal: vscode.Terminal,
    readonly line: string,
  ) {
    super(startIndex, length, 'Explain with TLS Doctor');
  }
}

/** The provider: which lines get a link, and what activating one does (`open` shows the explanation). */
export class ErrorLinkProvider implements vscode.TerminalLinkProvider<ErrorLink> {
  constructor(
    private readonly output: TerminalOutput,
    private readonly open: (text: string) => Thenable<unknown>,
  ) {}

  provideTerminalLinks(context: vscode.TerminalLinkContext): ErrorLink[] {
    if (!isTlsErrorLine(context.line)) return [];
    const start = context.line.length - context.line.trimStart().length;
    return [new ErrorLink(start, context.line.trimEnd().length - start, context.terminal, context.line)];
  }

  /** The text a link explains: its block when the output was recorded, else its line. */
  textOf(link: ErrorLink): string {
    return this.output.blockAround(link.terminal, link.line) ?? link.line;
  }

  /** Opens the explanation of the link's block; resolves to what the explain command returned. */
  activate(link: ErrorLink): Thenable<unknown> {
    return this.open(this.textOf(link));
  }

  async handleTerminalLink(link: ErrorLink): Promise<void> {
    await this.activate(link);
  }
}
