// Every default value of a TLS Doctor setting, in one place for both products: the extension reads `tlsDoctor.*`
// with these fallbacks (src/extension/settings.ts) and the CLI takes its flags' defaults from here (src/cli/*.ts).
// package.json contributes.configuration declares the same defaults and bounds: a unit test compares them, so the
// manifest, the extension and the CLI can't drift apart. Core: no vscode import.

/** Severities a rule or test-file setting may name (`ignore` hides the finding). */
export const SEVERITY_SETTINGS = ['ignore', 'info', 'warning', 'error'] as const;

/** What `tlsDoctor.probe.referencedEndpoints` may say. */
export const PROBE_MODES = ['off', 'onDemand', 'auto'] as const;

/** The default of every `tlsDoctor.*` setting (keys relative to `tlsDoctor.`), as package.json declares it. */
export const SETTING_DEFAULTS = {
  'scan.onActivation': true,
  'scan.exclude': [] as readonly string[],
  'scan.maxFileSizeKB': 2048,
  'rules.severity': {} as Readonly<Record<string, never>>,
  'testFiles.severity': 'info',
  'statusBar.enabled': true,
  'check.codeLens': true,
  'check.timeoutMs': 5000,
  /**
   * Three connections per address: the extension checks an endpoint the user is working with, interactively, and a
   * few handshakes are what it takes to catch load balancers whose backends present different certificates
   * (`inconsistent-certificates`) at a cost nobody notices. The CLI's single run is CLI_DEFAULTS.checkRepeat.
   */
  'check.repeat': 3,
  /** Fetch a missing intermediate from the AIA URL (fenced: src/core/tls/aia.ts). `--no-aia` in the CLI. */
  'check.aia': true,
  'check.extraCaFiles': [] as readonly string[],
  /** Read these as the OS store (`check --os-store`); empty: the system's own. */
  'check.osStorePaths': [] as readonly string[],
  pythonPath: '',
  'probe.referencedEndpoints': 'onDemand',
  'endpoints.expiryWarningDays': 30,
  'devcert.caDir': '',
  'devcert.outDir': '.certs',
  // 825 days: Apple platforms reject TLS server certificates valid for longer (support.apple.com/HT211025).
  'devcert.validityDays': 825,
  'devcert.nameConstrained': false,
  /** Workspace hygiene diagnostics for certificate and key files (src/core/inspect/hygiene.ts). */
  'hygiene.enabled': true,
} as const;

/** Bounds the extension clamps numeric settings to (package.json minimum/maximum; a missing maximum is ours). */
export const SETTING_BOUNDS = {
  'scan.maxFileSizeKB': { min: 16, max: 1024 * 1024 },
  'check.timeoutMs': { min: 100, max: 120_000 },
  'check.repeat': { min: 1, max: 50 },
  'endpoints.expiryWarningDays': { min: 0, max: 3650 },
  'devcert.validityDays': { min: 1, max: 825 },
} as const;

/** Defaults of the CLI's flags: the shared values where the products agree, the CLI's own where they differ. */
export const CLI_DEFAULTS = {
  /**
   * `tls-doctor check --repeat`: one connection per address. A CLI run is a single scripted look (CI, a shell, a
   * support ticket) whose output and timing should be predictable; `--repeat N` asks for the load-balancer check.
   * The extension's interactive default is SETTING_DEFAULTS['check.repeat'] (3).
   */
  checkRepeat: 1,
  checkTimeoutMs: SETTING_DEFAULTS['check.timeoutMs'],
  /** `tls-doctor scan --probe`: one connection per endpoint, each host:port once: a scan probes many endpoints. */
  probeRepeat: 1,
  probeTimeoutMs: SETTING_DEFAULTS['check.timeoutMs'],
  /**
   * `tls-doctor scan --probe-budget`: one minute of wall clock for all probes together. A CI job must end in bounded
   * time whatever the network does; endpoints not reached by then are reported "not checked".
   */
  probeBudgetMs: 60_000,
  devcertOutDir: SETTING_DEFAULTS['devcert.outDir'],
  devcertValidityDays: SETTING_DEFAULTS['devcert.validityDays'],
} as const;

/** Bounds of CLI-only flags (no setting declares them): `--probe-budget` up to one hour. */
export const CLI_BOUNDS = {
  probeBudgetMs: { max: 3_600_000 },
} as const;
