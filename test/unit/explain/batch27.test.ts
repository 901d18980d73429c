// Classes round 7 of the tuning found (extune7), each on short examples written here, one table per class: hosts the
// reporter masked with x's, and R's curl package, whose errors are libcurl's own words.
import * as assert from 'assert';
import { endpointOf, explain } from '../../../src/core/explain/index';

describe('explain: what tuning round 7 taught (extune7)', () => {
  // [text, host]: a label of x's hides the host; one x, or x's inside a label, is a real name.
  const masked: readonly [string, string | undefined][] = [
    ['Get https://xxxxx.com/v1/users/: x509: certificate signed by unknown authority', undefined],
    ['Head https://xxx/v2/app/manifests/1: x509: certificate signed by unknown authority', undefined],
    ['error sending request for url (https://xx.xx.com/api): error trying to connect: x', undefined],
    ["curl: (60) SSL: no alternative certificate subject name matches target host name 'tmp.xxxxxx.ai'", undefined],
    ['Get https://x.com/api: x509: certificate signed by unknown authority', 'x.com'],
    ['Get https://boxxer.example.org/api: x509: certificate signed by unknown authority', 'boxxer.example.org'],
  ];
  for (const [text, host] of masked) {
    it(`masked host: ${text.slice(0, 60)}`, () => assert.strictEqual(endpointOf(text).host, host));
  }

  // [text, client, host]: R's curl call (or rlang's chain around it) before libcurl's words, and libcurl's SChannel
  // backend wording alone, are curl's; Windows' own SChannel codes without them stay the OS's.
  const rCurl: readonly [string, string | undefined, string | null][] = [
    [
      'Error in curl::curl_fetch_memory(url, handle = handle) :\n  schannel: next InitializeSecurityContext failed: SEC_E_UNTRUSTED_ROOT (0x80090325)',
      'curl',
      null,
    ],
    [
      'Caused by error in `curl::curl_fetch_memory()`:\n! SSL connect error [api.example.org]: TLS connect error: x',
      'curl',
      'api.example.org',
    ],
    ['Schannel: CertGetCertificateChain trust error CERT_TRUST_IS_UNTRUSTED_ROOT', 'curl', null],
    [
      'SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.',
      'schannel',
      null,
    ],
  ];
  for (const [text, client, host] of rCurl) {
    it(`R's curl: ${text.slice(0, 60)}`, () => {
      const x = explain(text);
      assert.strictEqual(x.client?.id, client);
      assert.strictEqual(x.host, host);
    });
  }
});
