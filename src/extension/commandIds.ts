// Every command id of the extension, in one table. `contributed` ones are in package.json contributes.commands
// (palette, menus, keybindings); the others are internal (quick-fix commands, the inventory for other features).
// A unit test checks this table against package.json, so an id can't be registered without being declared or
// declared without being registered. No vscode import: the unit test reads it directly.

/** id → { contributed }. */
export const COMMAND_TABLE = {
  showLog: { id: 'tlsDoctor.showLog', contributed: true },
  scanWorkspace: { id: 'tlsDoctor.scanWorkspace', contributed: true },
  checkUrl: { id: 'tlsDoctor.checkUrl', contributed: true },
  explainError: { id: 'tlsDoctor.explainError', contributed: true },
  explainTerminalLinks: { id: 'tlsDoctor.explain.terminalLinks', contributed: false },
  createDevCert: { id: 'tlsDoctor.createDevCert', contributed: true },
  showLastDevCert: { id: 'tlsDoctor.showLastDevCert', contributed: true },
  showDevCertSnippets: { id: 'tlsDoctor.devcert.showSnippets', contributed: false },
  installCa: { id: 'tlsDoctor.installCa', contributed: true },
  uninstallCa: { id: 'tlsDoctor.uninstallCa', contributed: true },
  devCaStatus: { id: 'tlsDoctor.devCaStatus', contributed: true },
  probeEndpoint: { id: 'tlsDoctor.probeEndpoint', contributed: true },
  endpointsCheckAll: { id: 'tlsDoctor.endpoints.checkAll', contributed: true },
  endpointsList: { id: 'tlsDoctor.endpoints.list', contributed: false },
  fixTrustBundle: { id: 'tlsDoctor.fix.trustBundle', contributed: false },
  fixApplyBundle: { id: 'tlsDoctor.fix.applyBundle', contributed: false },
  fixUseEnv: { id: 'tlsDoctor.fix.useEnv', contributed: false },
  fixRemoveFlag: { id: 'tlsDoctor.fix.removeFlag', contributed: false },
  statusState: { id: 'tlsDoctor.status.state', contributed: false },
  showRuleDocs: { id: 'tlsDoctor.showRuleDocs', contributed: false },
  fixDevCert: { id: 'tlsDoctor.fix.devCert', contributed: false },
  fixUndoLast: { id: 'tlsDoctor.fix.undoLast', contributed: false },
  fixAnnounceEdit: { id: 'tlsDoctor.fix.announceEdit', contributed: false },
  fixTrust: { id: 'tlsDoctor.fixTrust', contributed: true },
  auditTrust: { id: 'tlsDoctor.auditTrust', contributed: true },
  trustLastOutcome: { id: 'tlsDoctor.trust.lastOutcome', contributed: false },
  fixLastMessage: { id: 'tlsDoctor.fix.lastMessage', contributed: false },
  openCertificateViewer: { id: 'tlsDoctor.openCertificateViewer', contributed: true },
  inspectText: { id: 'tlsDoctor.inspect.text', contributed: false },
  inspectHygiene: { id: 'tlsDoctor.inspect.hygiene', contributed: false },
  entryState: { id: 'tlsDoctor.entry.state', contributed: false },
} as const;

type Table = typeof COMMAND_TABLE;

/** The command ids by name, e.g. `COMMANDS.checkUrl` is 'tlsDoctor.checkUrl'. */
export const COMMANDS = Object.fromEntries(Object.entries(COMMAND_TABLE).map(([name, c]) => [name, c.id])) as {
  readonly [K in keyof Table]: Table[K]['id'];
};

/** Any of the extension's command ids. */
export type CommandId = Table[keyof Table]['id'];
