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

/** Parses and validates one host (`localhost`, `*.app.test`, `127.0.0.1`, `::1`, `[::1]`); throws a readable error. */
export function parseHost(input: string): Host {
  const raw = input.trim().replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(raw)) return { kind: 'ip', value: raw };
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
    list.addSubnet(a, Number(b), net.isIPv6(a) ? 'ipv6' : 'ipv4');
  }
  return list.check(host.value, net.isIPv6(host.value) ? 'ipv6' : 'ipv4');
}
