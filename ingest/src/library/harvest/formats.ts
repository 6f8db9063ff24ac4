import type { HarvestPrefix } from '@disan/schemas';
import { ValidationError } from '../../errors.ts';
import { fromOaiDc, type HarvestedFields } from './from-oai-dc.ts';
import type { XmlNode } from './oai-xml.ts';

/** Reads one record's metadata (the parsed child of `<metadata>`) as a library record's fields. */
export type MetadataReader = (metadata: XmlNode) => HarvestedFields;

const READERS: Partial<Record<HarvestPrefix, MetadataReader>> = {
  oai_dc: fromOaiDc,
};

export function readerFor(prefix: HarvestPrefix): MetadataReader {
  const reader = READERS[prefix];
  if (!reader) throw new ValidationError(`this Disan cannot read ${prefix} records yet: harvest oai_dc instead`);
  return reader;
}
