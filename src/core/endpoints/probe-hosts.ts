// TLS_DOCTOR_PROBE_HOSTS: an optional comma-separated allow-list of the hosts TLS Doctor may probe. The extension
// (endpoints/service.ts) and `tls-doctor scan --probe` read it the same way: unset means any host; set (even empty)
// means only the hosts it names, compared case-insensitively.

export const PROBE_HOSTS_ENV = 'TLS_DOCTOR_PROBE_HOSTS';

/** The allowed hosts in `env`, or undefined when the variable is unset (every host is allowed). */
export function probeHostsAllowList(env: NodeJS.ProcessEnv): ReadonlySet<string> | undefined {
  const raw = env[PROBE_HOSTS_ENV];
  if (raw === undefined) return undefined;
  return new Set(
    raw
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
  );
}

/** Whether `host` may be probed under `allow` (from probeHostsAllowList). */
export function isProbeHostAllowed(host: string, allow: ReadonlySet<string> | undefined): boolean {
  return allow === undefined || allow.has(host.toLowerCase());
}
