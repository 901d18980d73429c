// Public surface of endpoint resolution, inventory, result caching and enrichment (plain TypeScript, no probe code:
// the probe itself is loaded lazily by whoever calls it).
export { resolveEndpoint, endpointKey } from './resolve';
export type { Endpoint, EndpointSource } from './resolve';
export { findEndpointRefs, isInventoried } from './inventory';
export type { EndpointRef } from './inventory';
export { ResultCache, Limiter, mapLimited } from './cache';
export type { Cached } from './cache';
export { enrich, clientStoreOf, caToTrust } from './enrich';
export type { EndpointVerdict, RemedyKind, ClientStore } from './enrich';
