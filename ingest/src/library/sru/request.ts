import { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';
import { recordSchemaNamed, RECORD_SCHEMAS, type RecordSchema } from './schemas.ts';

export const SRU_VERSIONS = ['1.1', '1.2', '2.0'] as const;
export type SruVersion = (typeof SRU_VERSIONS)[number];

/** Records per answer when the client names no number, and the most it gets. */
export const DEFAULT_MAXIMUM_RECORDS = 10;
export const MAXIMUM_RECORDS_CAP = 100;

export type Operation = 'explain' | 'searchRetrieve' | 'scan';

export interface SearchRetrieveArguments {
  query: string;
  startRecord: number;
  maximumRecords: number;
  schema: RecordSchema;
  packing: 'xml' | 'string';
}

export type ParsedRequest =
  | { version: SruVersion; operation: 'explain' | 'scan'; diagnostics: SruDiagnostic[] }
  | { version: SruVersion; operation: 'searchRetrieve'; args: SearchRetrieveArguments | null; diagnostics: SruDiagnostic[] };

/** Parameters of each operation (SRU 1.2 and 2.0); any other is diagnostic 8, except x- extensions, which may be ignored. */
const COMMON = ['operation', 'version', 'stylesheet', 'extraRequestData'];
const PARAMETERS: Record<Operation, readonly string[]> = {
  explain: [...COMMON, 'recordPacking', 'httpAccept'],
  searchRetrieve: [...COMMON, 'query', 'queryType', 'startRecord', 'maximumRecords', 'recordPacking', 'recordXMLEscaping', 'recordSchema', 'recordXPath', 'resultSetTTL', 'sortKeys', 'httpAccept'],
  scan: [...COMMON, 'scanClause', 'responsePosition', 'maximumTerms'],
};

const parameterError = (code: (typeof DIAGNOSTIC)[keyof typeof DIAGNOSTIC], name: string, message: string) => new SruDiagnostic(code, name, message);

function count(value: string | undefined, name: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/u.test(value) || Number(value) < minimum) {
    throw parameterError(DIAGNOSTIC.unsupportedParameterValue, name, `${name}="${value}" must be a whole number of at least ${minimum}`);
  }
  return Number(value);
}

/**
 * An SRU request's parameters, checked: the operation (explain when none is given and
 * there is no query, searchRetrieve when a query comes without one, as SRU 2.0 says),
 * the version to answer in, and a diagnostic for each parameter the archive refuses.
 */
export function parseRequest(pairs: readonly (readonly [string, string])[]): ParsedRequest {
  const values = new Map<string, string>();
  const diagnostics: SruDiagnostic[] = [];
  for (const [name, value] of pairs) {
    if (values.has(name)) diagnostics.push(parameterError(DIAGNOSTIC.unsupportedParameterValue, name, `The parameter ${name} is given twice`));
    else values.set(name, value);
  }
  const requested = values.get('version');
  const version: SruVersion = requested !== undefined && (SRU_VERSIONS as readonly string[]).includes(requested) ? (requested as SruVersion) : '1.2';
  if (requested !== undefined && requested !== version) diagnostics.push(parameterError(DIAGNOSTIC.unsupportedVersion, '1.2', `SRU version ${requested} is not supported: 1.1, 1.2 and 2.0 are`));
  const named = values.get('operation');
  const operation: Operation | undefined = named === undefined ? (values.has('query') ? 'searchRetrieve' : 'explain') : (['explain', 'searchRetrieve', 'scan'] as const).find((o) => o === named);
  if (operation === undefined) return { version, operation: 'explain', diagnostics: [...diagnostics, parameterError(DIAGNOSTIC.unsupportedOperation, named ?? '', `The operation "${named}" is not supported: explain and searchRetrieve are`)] };
  for (const name of values.keys()) {
    if (!name.startsWith('x-') && !PARAMETERS[operation].includes(name)) diagnostics.push(parameterError(DIAGNOSTIC.unsupportedParameter, name, `The parameter ${name} is not part of ${operation}`));
  }
  if (values.has('stylesheet')) diagnostics.push(new SruDiagnostic(DIAGNOSTIC.stylesheetsNotSupported, values.get('stylesheet')!, 'Stylesheets are not supported'));
  if (operation !== 'searchRetrieve') {
    if (operation === 'scan') diagnostics.push(parameterError(DIAGNOSTIC.unsupportedOperation, 'scan', 'The scan operation is not supported: explain and searchRetrieve are'));
    return { version, operation, diagnostics };
  }
  try {
    return { version, operation, args: searchArguments(values, version), diagnostics };
  } catch (error) {
    if (!(error instanceof SruDiagnostic)) throw error;
    return { version, operation, args: null, diagnostics: [...diagnostics, error] };
  }
}

function searchArguments(values: ReadonlyMap<string, string>, version: SruVersion): SearchRetrieveArguments {
  const query = values.get('query');
  if (query === undefined || query.trim() === '') throw parameterError(DIAGNOSTIC.mandatoryParameterNotSupplied, 'query', 'searchRetrieve needs a query (CQL), e.g. query=dc.title%3D"lễ hội"');
  const queryType = values.get('queryType');
  if (queryType !== undefined && queryType !== 'cql') throw parameterError(DIAGNOSTIC.unsupportedParameterValue, 'queryType', `queryType="${queryType}" is not supported: cql is`);
  if (values.has('recordXPath')) throw new SruDiagnostic(DIAGNOSTIC.xpathUnsupported, 'recordXPath', 'recordXPath is not supported');
  if (values.has('sortKeys')) throw new SruDiagnostic(DIAGNOSTIC.sortNotSupported, 'sortKeys', 'The sortKeys parameter is not supported; use sortBy in the query (dc.date, dc.title)');
  const schemaName = values.get('recordSchema');
  const schema = schemaName === undefined ? RECORD_SCHEMAS[0]! : recordSchemaNamed(schemaName);
  if (!schema) throw new SruDiagnostic(DIAGNOSTIC.unknownSchema, schemaName!, `The record schema "${schemaName}" is not offered: ${RECORD_SCHEMAS.map((s) => `${s.name} (${s.uri})`).join(', ')}`);
  // SRU 2.0 renamed 1.2's recordPacking (xml|string) to recordXMLEscaping; its recordPacking (packed|unpacked) has one answer here: packed.
  const packingName = version === '2.0' ? 'recordXMLEscaping' : 'recordPacking';
  const packing = values.get(packingName) ?? 'xml';
  if (packing !== 'xml' && packing !== 'string') throw new SruDiagnostic(DIAGNOSTIC.unsupportedRecordPacking, packing, `${packingName}="${packing}" is not supported: xml and string are`);
  if (version === '2.0' && !['packed', undefined].includes(values.get('recordPacking'))) throw new SruDiagnostic(DIAGNOSTIC.unsupportedRecordPacking, values.get('recordPacking')!, 'recordPacking (SRU 2.0) can only be packed');
  return {
    query,
    startRecord: count(values.get('startRecord'), 'startRecord', 1, 1),
    maximumRecords: Math.min(count(values.get('maximumRecords'), 'maximumRecords', DEFAULT_MAXIMUM_RECORDS, 0), MAXIMUM_RECORDS_CAP),
    schema,
    packing,
  };
}
