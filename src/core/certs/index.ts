// Public surface of certificate generation (bundled separately as dist/certs.js; see src/extension/lazy.ts).
export {};
