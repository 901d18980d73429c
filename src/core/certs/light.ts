// What the CLI's devcert needs, and nothing else: the leaf path is the one people run over and over, so it loads
// only these modules (no bundle, env-file or snippet code). index.ts is the full surface for the extension's bundle.
// The trust stores (stores/index.ts: child_process, certutil, keytool) are imported by --install/--uninstall/--status
// only.
export { writeDevCert, outPaths, clientPaths, OUT_FILES, ensureUsableCa } from './devcert';
export type { DevCertOptions, DevCertResult } from './devcert';
export { checkValidityDays, checkClientName } from './leaf';
export { checkPkcs12Password } from './pkcs12';
export { parseHost, parseHosts } from './hosts';
export { certIds } from './ids';
export { defaultCaDir, resolveCaDir } from './store';
export { gitWorkTreeOf, isCaRefusal } from './integrity';
export { ignoreOutDir } from './outdir';
