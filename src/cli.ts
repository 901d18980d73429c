#!/usr/bin/env node
// tls-doctor: the command-line face of the same core the extension uses.
import { Command, Io, processIo, runCommand } from './cli/command';
import { scanCommand } from './cli/scan';
import { checkCommand } from './cli/check';
import { devcertCommand } from './cli/devcert';
import { explainCommand } from './cli/explain';
import { endpointsCommand } from './cli/endpoints';
import { trustCommand } from './cli/trust';
import { inspectCommand } from './cli/inspect';
import pkg from '../package.json';

const commands: readonly Command[] = [
  scanCommand,
  checkCommand,
  devcertCommand,
  explainCommand,
  endpointsCommand,
  trustCommand,
  inspectCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `tls-doctor ${pkg.version}: find insecure TLS switches, diagnose endpoints, explain TLS errors, make trusted dev certificates`,
    '',
    'Usage: tls-doctor <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: tls-doctor <command> --help)',
    '  -v, --version  print the version',
    '',
    ...commands.flatMap((c) => c.usage.split('\n').map((l) => `  ${l.trim()}`)), // trust has one line per subcommand
    '',
    'Exit codes: 0 ok, 1 findings or a failed check, 2 usage or I/O error.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Exported for tests. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.out(help());
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${pkg.version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.err(
      `tls-doctor: unknown command "${first}"\nUsage: tls-doctor <${commands.map((c) => c.name).join('|')}> [options]; tls-doctor --help for more\n`,
    );
    return 2;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(`Usage: ${command.usage}\n${command.help ? `\n${command.help}\n` : ''}`);
    return 0;
  }
  return runCommand(command, rest, io);
}

if (require.main === module) {
  const io = processIo();
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
