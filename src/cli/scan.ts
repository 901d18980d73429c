import { Command, parse } from './command';

export const scanCommand: Command = {
  name: 'scan',
  summary: 'find code and config that turn TLS verification off',
  usage: 'tls-doctor scan [PATH...] [--format text|json|sarif] [--fail-on info|warning|error|none] [--no-ignore]',
  async run(argv, io) {
    parse(argv, {});
    io.err('tls-doctor scan: not available in this build yet\n');
    return 1;
  },
};
