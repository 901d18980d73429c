import { Command, parse } from './command';

export const devcertCommand: Command = {
  name: 'devcert',
  summary: 'create a development certificate from a local CA',
  usage: 'tls-doctor devcert HOST... [--out DIR] [--ca-dir DIR] [--format text|json]',
  async run(argv, io) {
    parse(argv, {});
    io.err('tls-doctor devcert: not available in this build yet\n');
    return 1;
  },
};
