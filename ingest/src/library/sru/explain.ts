import type { XMLBuilder } from '../oai/xml.ts';
import { CONTEXT_SETS, INDEXES, type ContextSet } from './indexes.ts';
import type { sruWriter } from './provider.ts';
import { DEFAULT_MAXIMUM_RECORDS, MAXIMUM_RECORDS_CAP } from './request.ts';
import { RECORD_SCHEMAS } from './schemas.ts';

const ZEEREX_NS = 'http://explain.z3950.org/dtd/2.0/';

/** Relations an index answers (ZeeRex `supports`), as indexes.ts checks them; `any` is an `or` of its words everywhere. */
function relationsOf(set: ContextSet, name: string): readonly string[] {
  if (set === 'cql') return name === 'allRecords' ? ['='] : ['=', 'all', 'any', 'adj'];
  if (set === 'dc' && name === 'date') return ['=', '==', '<>', '<', '>', '<=', '>=', 'any'];
  if (set === 'dc' && !['identifier', 'type', 'language'].includes(name)) return ['=', 'all', 'any', 'adj', '==', 'exact'];
  return ['=', '==', 'exact', 'any'];
}

/**
 * The explain record (ZeeRex 2.0): where the door is, the indexes by context set, the
 * record schemas and the record limits, so a client can build its queries from it.
 */
export function writeExplain(root: XMLBuilder, writer: ReturnType<typeof sruWriter>, about: { baseUrl: string; name: string; adminEmail: string }): void {
  const record = writer.element(root, 'record');
  writer.element(record, 'recordSchema', 'http://explain.z3950.org/dtd/2.0/');
  writer.element(record, writer.packingElement, 'xml');
  const explain = writer.element(record, 'recordData').ele(ZEEREX_NS, 'zr:explain');
  const url = new URL(about.baseUrl);
  const server = explain.ele(ZEEREX_NS, 'zr:serverInfo').att('protocol', 'SRU').att('version', writer.version).att('transport', url.protocol.replace(':', ''));
  server.ele(ZEEREX_NS, 'zr:host').txt(url.hostname);
  server.ele(ZEEREX_NS, 'zr:port').txt(url.port || (url.protocol === 'https:' ? '443' : '80'));
  server.ele(ZEEREX_NS, 'zr:database').txt(url.pathname.replace(/^\//u, ''));

  const database = explain.ele(ZEEREX_NS, 'zr:databaseInfo');
  database.ele(ZEEREX_NS, 'zr:title').att('lang', 'en').att('primary', 'true').txt(about.name);
  database.ele(ZEEREX_NS, 'zr:description').att('lang', 'en').att('primary', 'true')
    .txt('The archive\'s public records, searched with CQL over the same search as the site. Diacritics and case are folded: "le hoi" finds "lễ hội".');
  database.ele(ZEEREX_NS, 'zr:contact').txt(about.adminEmail);

  const indexInfo = explain.ele(ZEEREX_NS, 'zr:indexInfo');
  for (const [name, identifier] of Object.entries(CONTEXT_SETS)) indexInfo.ele(ZEEREX_NS, 'zr:set').att('name', name).att('identifier', identifier);
  for (const set of Object.keys(INDEXES) as ContextSet[]) {
    for (const name of INDEXES[set]) {
      const index = indexInfo.ele(ZEEREX_NS, 'zr:index').att('search', 'true').att('scan', 'false').att('sort', String(set === 'dc' && (name === 'title' || name === 'date')));
      index.ele(ZEEREX_NS, 'zr:title').att('lang', 'en').txt(`${set}.${name}`);
      index.ele(ZEEREX_NS, 'zr:map').ele(ZEEREX_NS, 'zr:name').att('set', set).txt(name);
      const configInfo = index.ele(ZEEREX_NS, 'zr:configInfo');
      for (const relation of relationsOf(set, name)) {
        configInfo.ele(ZEEREX_NS, 'zr:supports').att('type', 'relation').txt(relation);
      }
    }
  }

  const schemaInfo = explain.ele(ZEEREX_NS, 'zr:schemaInfo');
  for (const schema of RECORD_SCHEMAS) {
    schemaInfo.ele(ZEEREX_NS, 'zr:schema').att('identifier', schema.uri).att('name', schema.name).att('retrieve', 'true').ele(ZEEREX_NS, 'zr:title').att('lang', 'en').txt(schema.title);
  }

  const config = explain.ele(ZEEREX_NS, 'zr:configInfo');
  config.ele(ZEEREX_NS, 'zr:default').att('type', 'numberOfRecords').txt(String(DEFAULT_MAXIMUM_RECORDS));
  config.ele(ZEEREX_NS, 'zr:default').att('type', 'contextSet').txt('dc');
  config.ele(ZEEREX_NS, 'zr:default').att('type', 'index').txt('cql.serverChoice');
  config.ele(ZEEREX_NS, 'zr:default').att('type', 'relation').txt('=');
  config.ele(ZEEREX_NS, 'zr:setting').att('type', 'maximumRecords').txt(String(MAXIMUM_RECORDS_CAP));
  config.ele(ZEEREX_NS, 'zr:supports').att('type', 'sort').txt('sortBy');
}
