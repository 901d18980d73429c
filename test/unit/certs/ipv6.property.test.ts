// hosts.ts's own IPv6 check agrees with net.isIPv6 on every address without a zone id (and rejects zone ids, which no
// SAN can hold), on generated addresses and on near misses.
import * as assert from 'assert';
import fc from 'fast-check';
import * as net from 'net';
import { ipVersion, isIpv6, parseHost } from '../../../src/core/certs/hosts';

const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
/** A full address, then maybe a run of groups compressed to "::", maybe a dotted-quad tail, maybe upper case. */
const address = fc
  .tuple(fc.array(group, { minLength: 8, maxLength: 8 }), fc.nat(8), fc.nat(8), fc.boolean(), fc.boolean(), fc.ipV4())
  .map(([groups, a, b, quad, upper, v4]) => {
    const g = quad ? groups.slice(0, 6) : groups;
    const [from, to] = [Math.min(a, b) % (g.length + 1), Math.max(a, b) % (g.length + 1)];
    const parts = to > from ? [g.slice(0, from).join(':'), g.slice(to).join(':')].join('::') : g.join(':');
    const text = quad ? `${parts}${parts.endsWith('::') || parts === '' ? '' : ':'}${v4}` : parts;
    return upper ? text.toUpperCase() : text;
  });
/** Strings near addresses: characters from the IPv6 alphabet. */
const nearMiss = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFg:.'.split('')), maxLength: 45 });

describe('certs/hosts: IPv6 check without net.isIPv6', () => {
  it('agrees with net.isIPv6 on generated addresses and near misses', () => {
    fc.assert(
      fc.property(fc.oneof(address, nearMiss), (s) => {
        assert.strictEqual(isIpv6(s), net.isIPv6(s), s);
      }),
      { numRuns: 3000 },
    );
  });

  it('ipVersion is net.isIP without zone ids; parseHost rejects a zone id instead of writing it into a SAN', () => {
    for (const s of ['127.0.0.1', '::1', '::', '::ffff:192.0.2.1', 'localhost', '1::2::3', '1.2.3.4::', '']) {
      assert.strictEqual(ipVersion(s), net.isIP(s), s);
    }
    assert.strictEqual(net.isIPv6('fe80::1%eth0'), true);
    assert.strictEqual(ipVersion('fe80::1%eth0'), 0);
    assert.throws(() => parseHost('fe80::1%eth0'), /not a valid host name or IP address/);
  });
});
