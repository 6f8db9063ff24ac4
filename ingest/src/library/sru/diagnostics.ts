/**
 * SRU diagnostics (info:srw/diagnostic/1/N): the protocol's way of saying no. Every
 * query or request the archive cannot answer exactly gets one, never a silent wrong answer.
 * Codes from the SRU 1.2 diagnostics list (loc.gov/standards/sru/diagnostics).
 */
export const DIAGNOSTIC = {
  generalSystemError: 1,
  unsupportedOperation: 4,
  unsupportedVersion: 5,
  unsupportedParameterValue: 6,
  mandatoryParameterNotSupplied: 7,
  unsupportedParameter: 8,
  querySyntaxError: 10,
  parentheses: 13,
  quotes: 14,
  unsupportedContextSet: 15,
  unsupportedIndex: 16,
  unsupportedRelation: 19,
  unsupportedRelationModifier: 20,
  unsupportedRelationAndIndex: 22,
  tooManyCharactersInTerm: 23,
  emptyTerm: 27,
  maskingNotSupported: 28,
  termInvalidFormat: 36,
  unsupportedBoolean: 37,
  proximityNotSupported: 39,
  unsupportedBooleanModifier: 46,
  queryFeatureUnsupported: 48,
  tooManyMatchingRecords: 60,
  firstRecordOutOfRange: 61,
  unknownSchema: 66,
  unsupportedRecordPacking: 71,
  xpathUnsupported: 72,
  sortNotSupported: 80,
  unsupportedSortPath: 88,
  unsupportedSortDirection: 90,
  stylesheetsNotSupported: 110,
} as const;

export type DiagnosticCode = (typeof DIAGNOSTIC)[keyof typeof DIAGNOSTIC];

/** One diagnostic: its number, the detail the protocol asks for (a parameter or index name), and a message for people. */
export class SruDiagnostic extends Error {
  readonly code: DiagnosticCode;
  readonly details: string;

  constructor(code: DiagnosticCode, details: string, message: string) {
    super(message);
    this.name = 'SruDiagnostic';
    this.code = code;
    this.details = details;
  }

  get uri(): string {
    return `info:srw/diagnostic/1/${this.code}`;
  }
}
