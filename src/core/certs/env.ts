// The variables that point clients at a CA bundle. Writing them into a `.env` file is src/core/text/dotenv.ts's job
// (lossless: every other byte stays); quoting a value is src/core/text/quote.ts's (formatEnvValue).

/** The three variables that make Python requests, Python ssl/curl and Node trust a CA bundle (field notes §2). */
// A type alias, not an interface, so it can be passed where a Record<string, string> is expected.
export type CaBundleEnv = {
  /** Python requests reads this (it ignores SSL_CERT_FILE). */
  REQUESTS_CA_BUNDLE: string;
  /** OpenSSL's default file: Python `ssl`/urllib, curl built with OpenSSL, Ruby, … */
  SSL_CERT_FILE: string;
  /** Node adds these to its bundled roots, read once at start-up. */
  NODE_EXTRA_CA_CERTS: string;
};

/** The environment that points every common client at `bundlePath`, e.g. `caBundleEnv('/w/.certs/bundle.pem')`. */
export function caBundleEnv(bundlePath: string): CaBundleEnv {
  return { REQUESTS_CA_BUNDLE: bundlePath, SSL_CERT_FILE: bundlePath, NODE_EXTRA_CA_CERTS: bundlePath };
}
