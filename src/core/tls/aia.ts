// The leaf's AIA "CA Issuers" URL: fetching it tells an incomplete chain (the intermediate exists, the server just
// didn't send it) from an unknown root. Browsers do this silently, which is why "it works in the browser".
import { X509Certificate } from 'node:crypto';
import * as http from 'node:http';
import { pemCertificates } from '../text/pem';

/** Certificates are a few KB; anything much larger is not one. */
const MAX_BYTES = 256 * 1024;

/** Result of fetching one AIA URL. */
export interface AiaResult {
  readonly url: string;
  readonly cert?: X509Certificate;
  readonly error?: string;
}

/** Fetches a DER or PEM certificate over http:// within `timeoutMs`. Never throws. */
export function fetchIssuer(url: string, timeoutMs: number, signal?: AbortSignal): Promise<AiaResult> {
  if (!/^http:\/\//i.test(url)) return Promise.resolve({ url, error: 'only http:// AIA URLs are fetched' });
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs, signal }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return resolve({ url, error: `HTTP ${res.statusCode}` });
      }
      readBody(res).then((body) => resolve(parseCert(url, body)), (e: Error) => resolve({ url, error: e.message }));
    });
    req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.once('error', (e) => resolve({ url, error: e.message }));
  });
}

function readBody(res: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    res.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_BYTES) res.destroy(new Error('response too large for a certificate'));
      else parts.push(b);
    });
    res.once('end', () => resolve(Buffer.concat(parts)));
    res.once('error', reject);
  });
}

function parseCert(url: string, body: Buffer): AiaResult {
  try {
    const pem = pemCertificates(body.toString('latin1'))[0];
    return { url, cert: new X509Certificate(pem ?? body) };
  } catch {
    return { url, error: 'the response is not a DER or PEM certificate (PKCS#7 bundles are not read)' };
  }
}
