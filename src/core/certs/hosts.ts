// Hosts as they go into a certificate's SANs: parsing, validation, deduplication, and the name-constraint check.
import * as net from 'net';
import { domainToASCII } from 'url';
import { ipBytes } from '../der/write';
import { PERMITTED_DNS, PERMITTED_IP_CIDRS } from './profile';

/** A host as it goes into a SAN: a DNS name (IDN → punycode, lower case) or an IP address. */
export interface Host {
  kind: 'dns' | 'ip';
  value: string;
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/**
 * An IPv6 address without a zone id (`fe80::1%eth0` names an interface, not something a SAN can hold). Written out
 * instead of net.isIPv6, whose pattern takes ≈ 8 ms to compile on its first use: a noticeable part of a whole
 * `tls-doctor devcert` run, for the `::1` every default host list holds.
 */
export function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const all = groups.flat();
  const last = all[all.length - 1];
  // A trailing dotted quad (::ffff:192.0.2.1) stands for the last two groups.
  const quad = last !== undefined && last.includes('.') && net.isIPv4(last);
  const hex = quad ? all.slice(0, -1) : all;
  if (!hex.every((g) => HEX_GROUP.test(g))) return false;
  if (quad && halves.length === 2 && halves[1] === '') return false; // "1.2.3.4::" is not an address
  const count = hex.length + (quad ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** 4 or 6 for an IP address (IPv6 without zone id), else 0: net.isIP's contract. */
export function ipVersion(s: string): 0 | 4 | 6 {
  if (net.isIPv4(s)) return 4;
  return s.includes(':') && isIpv6(s) ? 6 : 0;
}

/** Parses and validates one host (`localhost`, `*.app.test`, `127.0.0.1`, `::1`, `[::1]`); throws a readable error. */
export function parseHost(input: string): Host {
  const raw = input.trim().replace(/^\[(.*)\]$/, '$1');
  if (ipVersion(raw)) return { kind: 'ip', value: raw };
  const ascii = domainToASCII(raw.replace(/\.$/, ''));
  const labels = ascii.split('.');
  const wildcardOk = labels[0] !== '*' || labels.length >= 3;
  const valid =
    ascii.length > 0 &&
    ascii.length <= 253 &&
    wildcardOk &&
    labels.every((l, i) => LABEL.test(l) || (i === 0 && l === '*'));
  if (!valid) {
    throw new Error(
      `"${input}" is not a valid host name or IP address (expected e.g. localhost, app.test, *.app.test, 127.0.0.1, ::1)`,
    );
  }
  return { kind: 'dns', value: ascii };
}

/** Parses hosts, dropping duplicates; throws on an empty list or a bad entry. */
export function parseHosts(inputs: readonly string[]): Host[] {
  if (inputs.length === 0) throw new Error('at least one host name or IP address is needed');
  const seen = new Set<string>();
  return inputs.map(parseHost).filter((h) => {
    const key = `${h.kind}:${h.kind === 'ip' ? bytesOfIp(h.value) : h.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function bytesOfIp(ip: string): string {
  return ipBytes(ip).toString('hex');
}

/** Whether a host falls inside the name constraints (to warn before issuing a leaf no client will accept). */
export function withinConstraints(host: Host): boolean {
  if (host.kind === 'dns') {
    const name = host.value.replace(/^\*\./, '');
    return PERMITTED_DNS.some((d) => name === d || name.endsWith(`.${d}`));
  }
  const list = new net.BlockList();
  for (const c of PERMITTED_IP_CIDRS) {
    const [a, b] = c.split('/');
    list.addSubnet(a, Number(b), ipVersion(a) === 6 ? 'ipv6' : 'ipv4');
  }
  return list.check(host.value, ipVersion(host.value) === 6 ? 'ipv6' : 'ipv4');
}
