// Public surface of the TLS probe, trust stores and diagnosis (bundled separately as dist/tls.js).
export {};
