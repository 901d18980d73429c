import { Command, parse } from './command';

export const checkCommand: Command = {
  name: 'check',
  summary: 'probe a URL, show its chain and name what is wrong',
  usage: 'tls-doctor check URL [--ca FILE]... [--repeat N] [--timeout MS] [--format text|json]',
  async run(argv, io) {
    parse(argv, {});
    io.err('tls-doctor check: not available in this build yet\n');
    return 1;
  },
};
