// Public surface of certificate generation (bundled separately as dist/certs.js; see src/extension/lazy.ts).
export { createBundle, splitPemCertificates } from './bundle';
export { mergeEnvFile, caBundleEnv, formatEnvValue } from './env';
export type { CaBundleEnv } from './env';
