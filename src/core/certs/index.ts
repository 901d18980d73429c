// Public surface of certificate generation (bundled separately as dist/certs.js; see src/extension/lazy.ts).
// Nothing exported here returns or logs the CA's private key.
export { createBundle, splitPemCertificates } from './bundle';
export { mergeEnvFile, caBundleEnv, formatEnvValue } from './env';
export type { CaBundleEnv } from './env';
export { ensureCa, caIdentity } from './ca';
export type { CaOptions, CaResult } from './ca';
export { issueLeaf, checkValidityDays } from './leaf';
export type { Leaf, LeafOptions } from './leaf';
export { defaultCaDir, resolveCaDir, CA_CERT_FILE, CA_KEY_FILE } from './store';
export { writeDevCert, outPaths, OUT_FILES, ensureUsableCa } from './devcert';
export type { DevCertOptions, DevCertResult } from './devcert';
export { ensureGitignored, isGitignored, gitignoreLine } from './gitignore';
export { serverSnippets, snippetsMarkdown } from './snippets';
export type { Snippet, SnippetPaths } from './snippets';
export { trustCommands, linuxFamily } from './ostrust';
export type { TrustCommands, CaIdentity } from './ostrust';
export { parseHost, parseHosts, certIds } from './x509';
export { LEAF_MAX_VALIDITY_DAYS, DEFAULT_LEAF_KEY_TYPE } from './profile';
export type { LeafKeyType } from './profile';
export { assertKeyMatchesCert, tightenCaPermissions, gitWorkTreeOf, isCaRefusal, CaRefusedError } from './integrity';
export type { RefusalCode } from './integrity';
export { MANIFEST_FILE } from './manifest';
export type { PreviousLeaf } from './manifest';
export { ignoreOutDir } from './outdir';
export type { IgnoreResult } from './outdir';
export { parseStoreList, storeCa, storeContext, selectStores, installCa, uninstallCa, caStatus, isFailure, STORE_NAMES } from './stores/index';
export type { StoreCa, StoreContext, StoreName, StoreOutcome, StoreStatus, TargetStatus } from './stores/index';
