// Bundles the extension and the CLI. Type-checking is separate (`npm run typecheck`), as in the `yo code` template.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// Source maps beside minified bundles without the comment that loads them (bench:vscode names its profiles' frames).
const externalMaps = process.argv.includes('--external-maps');

/**
 * Entry points. `certs`, `tls`, `trust` and `inspect` are separate bundles that the extension `require`s only when a command needs
 * them, so activation never loads node-forge or the probe (see src/extension/lazy.ts).
 */
const entryPoints = {
  // What activation loads: command ids and provider proxies only. The features are `main`, loaded on first use.
  extension: 'src/extension.ts',
  main: 'src/extension/main.ts',
  cli: 'src/cli/entry.ts', // the executable: devcert's short path, else src/cli.ts
  certs: 'src/core/certs/index.ts',
  tls: 'src/core/tls/index.ts',
  // The workspace scan's worker thread (src/extension/diagnostics/workspaceScan.ts starts it; no vscode inside).
  scanWorker: 'src/extension/diagnostics/scanWorker.ts',
  // The typing pause's re-scan, a worker thread of the extension host (src/extension/diagnostics/liveScan.ts).
  liveScanWorker: 'src/extension/diagnostics/liveScanWorker.ts',
  trust: 'src/core/trust/index.ts',
  inspect: 'src/core/inspect/index.ts',
};

/**
 * `import * as vscode from 'vscode'` in each of ~50 modules makes esbuild copy the whole API object (hundreds of
 * getters) once per module at load time (its __toESM helper for an external CommonJS module). Every import of
 * `vscode` resolves to one ESM module re-exporting it instead, so the copy is made once per bundle.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
      contents: "export * from 'vscode';",
      loader: 'js',
    }));
  },
};

/** Prints errors in the `esbuild-problem-matcher` format so `npm run watch` works as a VS Code build task. */
const problemMatcher = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  const ctx = await esbuild.context({
    entryPoints,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: production ? (externalMaps ? 'external' : false) : true,
    sourcesContent: false,
    outdir: 'dist',
    external: ['vscode'],
    // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild can't follow; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    plugins: watch ? [vscodeOnce, problemMatcher] : [vscodeOnce],
  });
  if (watch) {
    await ctx.watch();
  } else {
    await ctx.rebuild();
    await ctx.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
