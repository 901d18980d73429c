#!/usr/bin/env node
// The `tls-doctor` executable (dist/cli.js). `devcert HOST…` is the command people run over and over, so it takes a
// short path that initialises only the devcert modules (≈ 25 ms less than loading every command's core: the TLS probe,
// the rules, the scanner); everything else, and `devcert --help`, goes through the full CLI (src/cli.ts, which runs
// main() itself as the main module). Both stay in the one bundle: esbuild wraps a dynamically imported module so its
// code runs only when imported.
import { runDevcertProcess, takesDevcertShortPath } from './devcert';

const argv = process.argv.slice(2);
if (takesDevcertShortPath(argv)) runDevcertProcess(argv.slice(1));
else void import('../cli.js');
