// Heavy parts of the core live in their own bundles (see esbuild.js) and are loaded on first use, so that
// activation never pays for node-forge or the TLS probe. The `typeof import` keeps the calls type-checked.
import * as path from 'path';

type CertsModule = typeof import('../core/certs/index');
type TlsModule = typeof import('../core/tls/index');
type TrustModule = typeof import('../core/trust/index');
type InspectModule = typeof import('../core/inspect/index');

function load<T>(bundle: string): T {
  // A computed path: esbuild leaves it alone instead of inlining the module into dist/extension.js.
  return require(path.join(__dirname, bundle)) as T;
}

/** Certificate generation and the dev-CA store (node-forge). */
export function loadCerts(): CertsModule {
  return load<CertsModule>('certs.js');
}

/** The TLS probe, trust stores and diagnosis. */
export function loadTls(): TlsModule {
  return load<TlsModule>('tls.js');
}

/** Trusting an inspection root in every tool: plan, apply, verify, undo, audit. */
export function loadTrust(): TrustModule {
  return load<TrustModule>('trust.js');
}

/** Certificate-file inspection (the viewer, the PEM hover, the hygiene diagnostics). */
export function loadInspect(): InspectModule {
  return load<InspectModule>('inspect.js');
}
