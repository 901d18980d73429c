// Which files are certificate files, with no imports: the extension reads this at activation without loading the
// inspect bundle.

/** File names the hygiene check reads (certificates, keys, keystores, requests). */
export const HYGIENE_GLOB = '**/*.{pem,crt,cer,der,key,p12,pfx,p7b,p7c,csr}';
