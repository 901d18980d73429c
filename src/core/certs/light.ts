// The certificate API without node-forge at load time: everything the CLI's devcert needs. A CA is still created
// when missing (devcert.ts then loads ca.ts, and forge with it); issuing from an existing CA never loads forge.
// index.ts is the full surface (with ensureCa and the CA builder) for the extension's lazily loaded bundle.
export { writeDevCert, outPaths, clientPaths, OUT_FILES, ensureUsableCa } from './devcert';
export type { DevCertOptions, DevCertResult } from './devcert';
export { checkValidityDays, checkClientName } from './leaf';
export { checkPkcs12Password } from './pkcs12';
export { parseHost, parseHosts } from './hosts';
export { certIds } from './ids';
export { defaultCaDir, resolveCaDir } from './store';
export { gitWorkTreeOf, isCaRefusal } from './integrity';
export { ignoreOutDir } from './outdir';
export { parseStoreList, storeCa, storeContext, selectStores, installCa, uninstallCa, caStatus, isFailure } from './stores/index';
