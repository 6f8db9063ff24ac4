/** SRU 1.1/1.2/2.0: the provider (explain, searchRetrieve), the CQL parser and its diagnostics. */
export { createSruProvider, type SruProvider, type SruProviderDeps, type SruRequest } from './provider.ts';
export { parseCql, type CqlNode, type CqlQuery } from './cql.ts';
export { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';
export { MAX_CANDIDATES } from './run.ts';
export { DEFAULT_MAXIMUM_RECORDS, MAXIMUM_RECORDS_CAP } from './request.ts';
export { RECORD_SCHEMAS } from './schemas.ts';
export { soapEnvelope, soapPairs } from './soap.ts';
