// The NatLibFi MARC packages ship JavaScript without declarations; these describe the
// parts the adapter in natlibfi.ts uses (checked against @natlibfi/marc-record 10 and
// @natlibfi/marc-record-serializers 11). Nothing else imports these modules.

declare module '@natlibfi/marc-record' {
  export interface NatlibfiSubfield {
    code: string;
    value?: string;
  }
  export interface NatlibfiField {
    tag: string;
    value?: string;
    ind1?: string;
    ind2?: string;
    subfields?: NatlibfiSubfield[];
  }
  export interface NatlibfiValidationOptions {
    fields?: boolean;
    subfields?: boolean;
    subfieldValues?: boolean;
    controlFieldValues?: boolean;
    leader?: boolean;
    characters?: boolean;
    noControlCharacters?: boolean;
    noFailValidation?: boolean;
  }
  export class MarcRecord {
    constructor(record?: { leader: string; fields: NatlibfiField[] }, validationOptions?: NatlibfiValidationOptions);
    leader: string;
    fields: NatlibfiField[];
    appendField(field: NatlibfiField): this;
    getControlfields(): NatlibfiField[];
    getDatafields(): NatlibfiField[];
  }
}

declare module '@natlibfi/marc-record-serializers' {
  import type { MarcRecord, NatlibfiValidationOptions } from '@natlibfi/marc-record';
  export const ISO2709: {
    to(record: MarcRecord): string;
    from(record: string, validationOptions?: NatlibfiValidationOptions): MarcRecord;
  };
  export const MARCXML: {
    to(record: MarcRecord, options?: { omitDeclaration?: boolean; indent?: boolean }): string;
    from(record: string, validationOptions?: NatlibfiValidationOptions): Promise<MarcRecord>;
  };
}
