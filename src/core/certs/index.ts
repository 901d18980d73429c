// Public surface of certificate generation (bundled separately as dist/certs.js; see src/extension/lazy.ts).
// Nothing exported here returns or logs the CA's private key.
export { createBundle, mergeIntoBundle, splitPemCertificates } from './bundle';
export type { MergedBundle } from './bundle';
export { caBundleEnv } from './env';
// The .env writer and value quoting live in src/core/text; exported here for the extension's lazily loaded bundle.
export { mergeEnvFile, mergeEnvBytes, parseDotenv } from '../text/dotenv';
export { formatEnvValue } from '../text/quote';
export type { CaBundleEnv } from './env';
export { ensureCa, caIdentity } from './ca';
export type { CaOptions, CaResult } from './ca';
export { issueLeaf, checkValidityDays } from './leaf';
export type { Leaf, LeafOptions } from './leaf';
export { defaultCaDir, resolveCaDir, CA_CERT_FILE, CA_KEY_FILE } from './store';
export { writeDevCert, outPaths, clientPaths, OUT_FILES, ensureUsableCa } from './devcert';
export { toPkcs12, checkPkcs12Password } from './pkcs12';
export type { Pkcs12Input } from './pkcs12';
export { checkClientName } from './leaf';
export type { DevCertOptions, DevCertResult } from './devcert';
export { ensureGitignored, isGitignored, gitignoreLine } from './gitignore';
export { serverSnippets, snippetsMarkdown } from './snippets';
export type { Snippet, SnippetPaths } from './snippets';
export { trustCommands, linuxFamily } from './ostrust';
export type { TrustCommands, CaIdentity } from './ostrust';
export { parseHost, parseHosts } from './hosts';
export { certIds } from './ids';
export { LEAF_MAX_VALIDITY_DAYS, DEFAULT_LEAF_KEY_TYPE } from './profile';
export type { LeafKeyType } from './profile';
export {
  assertKeyMatchesCert,
  tightenCaPermissions,
  gitWorkTreeOf,
  isCaRefusal,
  CaRefusedError,
  assertCaOutsideGit,
  assertCaOutsideFolders,
  withoutCaKeyPath,
} from './integrity';
export type { RefusalCode } from './integrity';
export { MANIFEST_FILE } from './manifest';
export type { PreviousLeaf } from './manifest';
export { ignoreOutDir } from './outdir';
export type { IgnoreResult } from './outdir';
export {
  parseStoreList,
  storeCa,
  storeContext,
  selectStores,
  installCa,
  uninstallCa,
  caStatus,
  isFailure,
  STORE_NAMES,
} from './stores/index';
export type { StoreCa, StoreContext, StoreName, StoreOutcome, StoreStatus, TargetStatus } from './stores/index';
export { storeChoices, tallyOutcomes, statusTally } from './stores/plan';
export type { StoreChoice, OutcomeTally } from './stores/plan';
export { readPrevious, manifestText } from './manifest';
