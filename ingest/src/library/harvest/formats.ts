import type { HarvestPrefix } from '@disan/schemas';
import { fromMarcXml } from './from-marcxml.ts';
import { fromOaiDc, type HarvestedFields } from './from-oai-dc.ts';
import type { XmlNode } from './oai-xml.ts';

/** Reads one record's metadata (the parsed child of `<metadata>`) as a library record's fields. */
export type MetadataReader = (metadata: XmlNode) => HarvestedFields;

/** One reader per format the harvester asks for; `source` is the base URL (the MARC crosswalk's origin). */
export function readerFor(prefix: HarvestPrefix, source: string): MetadataReader {
  switch (prefix) {
    case 'oai_dc':
      return fromOaiDc;
    case 'marc21':
      return (metadata) => fromMarcXml(metadata, source);
  }
}
