// Every `tlsDoctor.*` setting, read through small `from(raw)` functions with the manifest's defaults and bounds, so
// a hand-edited settings.json with a wrong type never breaks a feature. One reader per section; callers re-read on
// `onSettingsChanged` (cheap: getConfiguration is a lookup).
import * as vscode from 'vscode';
import type { SeveritySetting } from '../core/rules/types';

/** Anything `getConfiguration` accepts as a scope: a document, a Uri, a workspace folder, or nothing (workspace). */
export type Scope = vscode.ConfigurationScope | undefined | null;

type Raw = { get(key: string): unknown };

function section(scope: Scope): Raw {
  return vscode.workspace.getConfiguration('tlsDoctor', scope ?? undefined);
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

const SEVERITIES = ['ignore', 'info', 'warning', 'error'] as const;

/** tlsDoctor.scan.*, tlsDoctor.rules.severity and tlsDoctor.testFiles.severity. */
export interface ScanSettings {
  readonly onActivation: boolean;
  readonly exclude: readonly string[];
  readonly maxFileSizeKB: number;
  /** Per-rule overrides; unknown severity strings are dropped. */
  readonly severities: Readonly<Record<string, SeveritySetting>>;
  readonly testFileSeverity: SeveritySetting | 'default';
}

/** Parses the scan settings from raw values (exported for tests). */
export function scanSettingsFrom(raw: Raw): ScanSettings {
  const map = raw.get('rules.severity');
  const severities: Record<string, SeveritySetting> = {};
  if (map && typeof map === 'object') {
    for (const [id, sev] of Object.entries(map)) if ((SEVERITIES as readonly unknown[]).includes(sev)) severities[id] = sev as SeveritySetting;
  }
  return {
    onActivation: bool(raw.get('scan.onActivation'), true),
    exclude: strings(raw.get('scan.exclude')),
    maxFileSizeKB: num(raw.get('scan.maxFileSizeKB'), 2048, 16, 1024 * 1024),
    severities,
    testFileSeverity: oneOf(raw.get('testFiles.severity'), [...SEVERITIES, 'default'] as const, 'info'),
  };
}

/** Scan settings for a document or folder. */
export function scanSettings(scope?: Scope): ScanSettings {
  return scanSettingsFrom(section(scope));
}

/** tlsDoctor.check.* and tlsDoctor.pythonPath, raw (paths not resolved: see checkUrl/config.ts for that). */
export interface CheckSettingsRaw {
  readonly codeLens: boolean;
  readonly timeoutMs: number;
  readonly repeat: number;
  readonly extraCaFiles: readonly string[];
  readonly pythonPath: string;
}

/** Check settings for a resource. */
export function checkSettings(scope?: Scope): CheckSettingsRaw {
  const raw = section(scope);
  return {
    codeLens: bool(raw.get('check.codeLens'), true),
    timeoutMs: num(raw.get('check.timeoutMs'), 5000, 100, 120_000),
    repeat: Math.round(num(raw.get('check.repeat'), 3, 1, 50)),
    extraCaFiles: strings(raw.get('check.extraCaFiles')),
    pythonPath: str(raw.get('pythonPath'), '').trim(),
  };
}

/** tlsDoctor.probe.* and tlsDoctor.endpoints.*. */
export interface ProbeSettings {
  readonly referencedEndpoints: 'off' | 'onDemand' | 'auto';
  readonly expiryWarningDays: number;
}

/** Probe settings for a resource. */
export function probeSettings(scope?: Scope): ProbeSettings {
  const raw = section(scope);
  return {
    referencedEndpoints: oneOf(raw.get('probe.referencedEndpoints'), ['off', 'onDemand', 'auto'] as const, 'onDemand'),
    expiryWarningDays: num(raw.get('endpoints.expiryWarningDays'), 30, 0, 3650),
  };
}

/** tlsDoctor.devcert.*. */
export interface DevcertSettings {
  /** Empty: the default CA folder ($TLS_DOCTOR_CAROOT, else the per-user data folder). */
  readonly caDir: string;
  readonly outDir: string;
  readonly validityDays: number;
  readonly nameConstrained: boolean;
}

/** Dev-certificate settings for a resource. */
export function devcertSettings(scope?: Scope): DevcertSettings {
  const raw = section(scope);
  return {
    caDir: str(raw.get('devcert.caDir'), '').trim(),
    outDir: str(raw.get('devcert.outDir'), '.certs').trim() || '.certs',
    // 825 days: Apple platforms reject TLS server certificates valid for longer (support.apple.com/HT211025).
    validityDays: Math.round(num(raw.get('devcert.validityDays'), 825, 1, 825)),
    nameConstrained: bool(raw.get('devcert.nameConstrained'), false),
  };
}

/** Calls `listener` when any of `keys` (relative to `tlsDoctor.`, e.g. `rules.severity`) changes for any scope. */
export function onSettingsChanged(keys: readonly string[], listener: (e: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((k) => e.affectsConfiguration(k.startsWith('files.') ? k : `tlsDoctor.${k}`))) listener(e);
  });
}
