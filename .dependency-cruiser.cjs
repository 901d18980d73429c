// The import graph's rules, checked by `npm run lint` and the lint stage of `npm test` (dependency-cruiser).
// docs/architecture.md ("Layers") explains the order; test/unit/depcruise.test.ts proves these rules can fail.

/**
 * The layers of src/core, lowest first. A folder may import only folders of a lower layer (never its own layer's
 * siblings, never a higher one); inside a folder anything goes except cycles. Type-only imports count too.
 */
const LAYERS = [
  ['text', 'settings', 'der'], //      lines/positions, quoting, .env, PEM, URLs; settings defaults; DER read/write
  ['rules', 'tls', 'certs'], //        detection rules; TLS probing and diagnosis; certificate generation
  ['scan', 'explain', 'baseline', 'trust', 'inspect'], // files → findings; error text → client + causes; accepted
  //                                   findings; trusting an inspection root in every tool; certificate files → a model
  ['endpoints', 'fixes'], //           findings → the endpoints they talk to; → edits
  ['report'], //                       findings (+ their fixes) → text/JSON/SARIF/Code Climate
];

/** One rule per core folder: no import of a folder in its own layer or above. */
function layerRules() {
  return LAYERS.flatMap((layer, rank) =>
    layer.map((folder) => {
      const notBelow = LAYERS.slice(rank)
        .flat()
        .filter((f) => f !== folder);
      return {
        name: `layer-${folder}`,
        comment: `src/core/${folder} may import only the layers below it: ${LAYERS.slice(0, rank).flat().join(', ') || 'none'}`,
        severity: 'error',
        from: { path: `^src/core/${folder}/` },
        to: { path: `^src/core/(${notBelow.join('|')})/` },
      };
    }),
  );
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle makes load order matter and every module of the cycle depend on all the others.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-not-vscode',
      comment: 'src/core is shared by the CLI and the unit tests: it must never depend on the VS Code API.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^vscode$' },
    },
    {
      name: 'core-not-adapters',
      comment: 'src/core is below the VS Code adapters and the CLI, never the other way round.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(extension|cli)(/|\\.ts$)' },
    },
    {
      name: 'cli-not-vscode',
      comment: 'The CLI runs without VS Code: no vscode, no src/extension.',
      severity: 'error',
      from: { path: '^src/cli(/|\\.ts$)' },
      to: { path: '^(vscode$|src/extension(/|\\.ts$))' },
    },
    {
      name: 'core-folder-has-a-layer',
      comment:
        'Every folder of src/core must be placed in LAYERS (above what it imports), so the order stays complete.',
      severity: 'error',
      from: { path: `^src/core/(?!(${LAYERS.flat().join('|')})/)[^/]+/` },
      to: {},
    },
    ...layerRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies of the design even though they vanish from the bundle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
