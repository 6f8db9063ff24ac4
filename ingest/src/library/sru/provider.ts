import { create } from 'xmlbuilder2';
import { harvestShowsFiles } from '../../access/index.ts';
import type { OaiConfig } from '../../config.ts';
import { xmlText, type XMLBuilder } from '../oai/xml.ts';
import { parseCql } from './cql.ts';
import { DIAGNOSTIC, SruDiagnostic } from './diagnostics.ts';
import { writeExplain } from './explain.ts';
import { planSearch } from './plan.ts';
import { parseRequest, type SearchRetrieveArguments, type SruVersion } from './request.ts';
import { runSearch, type SruSearchDeps } from './run.ts';
import { recordAsString } from './schemas.ts';

export interface SruProviderDeps extends SruSearchDeps {
  config: Pick<OaiConfig, 'repositoryName' | 'adminEmail'>;
  /** The media types of each record's files (dc:format), as OAI-PMH reads them. */
  formats(itemIds: readonly string[]): Promise<Map<string, string[]>>;
}

export interface SruRequest {
  /** The parameters as sent, in order (query string or form body). */
  pairs: readonly (readonly [string, string])[];
  /** Where clients reach the door (explain's serverInfo). */
  baseUrl: string;
  /** The public site, for each record's page (dc:identifier, MARC 856). */
  siteUrl: string;
  now?: Date;
}

/** SRU 1.1/1.2 share one namespace; 2.0 (OASIS searchRetrieve) has its own, and calls recordPacking recordXMLEscaping. */
const NAMESPACES: Record<SruVersion, { sru: string; diag: string; prefix: string }> = {
  '1.1': { sru: 'http://www.loc.gov/zing/srw/', diag: 'http://www.loc.gov/zing/srw/diagnostic/', prefix: 'srw' },
  '1.2': { sru: 'http://www.loc.gov/zing/srw/', diag: 'http://www.loc.gov/zing/srw/diagnostic/', prefix: 'srw' },
  '2.0': { sru: 'http://docs.oasis-open.org/ns/search-ws/sruResponse', diag: 'http://docs.oasis-open.org/ns/search-ws/diagnostic', prefix: 'sru' },
};

/** Writes elements of the SRU namespace of one version. */
export function sruWriter(version: SruVersion) {
  const ns = NAMESPACES[version];
  const element = (parent: XMLBuilder, name: string, text?: string) => {
    const child = parent.ele(ns.sru, `${ns.prefix}:${name}`);
    return text === undefined ? child : child.txt(xmlText(text));
  };
  return {
    version,
    element,
    packingElement: version === '2.0' ? 'recordXMLEscaping' : 'recordPacking',
    document(name: string): { doc: XMLBuilder; root: XMLBuilder } {
      const doc = create({ version: '1.0', encoding: 'UTF-8' });
      const root = doc.ele(ns.sru, `${ns.prefix}:${name}`);
      element(root, 'version', version);
      return { doc, root };
    },
    diagnostics(parent: XMLBuilder, diagnostics: readonly SruDiagnostic[]) {
      if (diagnostics.length === 0) return;
      const list = element(parent, 'diagnostics');
      for (const diagnostic of diagnostics) {
        const entry = list.ele(ns.diag, 'diag:diagnostic');
        entry.ele(ns.diag, 'diag:uri').txt(diagnostic.uri);
        if (diagnostic.details) entry.ele(ns.diag, 'diag:details').txt(xmlText(diagnostic.details));
        entry.ele(ns.diag, 'diag:message').txt(xmlText(diagnostic.message));
      }
    },
  };
}

/**
 * SRU (Search/Retrieve via URL) 1.1, 1.2 and 2.0: explain and searchRetrieve with CQL over
 * the archive's search, records in Dublin Core or MARCXML. Like OAI-PMH it answers as
 * the public: only records the public may read, files named only when it may fetch them.
 * Always HTTP 200; what cannot be answered is an SRU diagnostic in the XML.
 */
export function createSruProvider(deps: SruProviderDeps) {
  async function searchRetrieve(args: SearchRetrieveArguments, request: SruRequest, writer: ReturnType<typeof sruWriter>, now: Date): Promise<string> {
    const { doc, root } = writer.document('searchRetrieveResponse');
    let found;
    try {
      found = await runSearch(deps, planSearch(parseCql(args.query)), { start: args.startRecord, count: args.maximumRecords }, now);
      if (found.total > 0 && args.startRecord > found.total) {
        throw new SruDiagnostic(DIAGNOSTIC.firstRecordOutOfRange, String(args.startRecord), `startRecord ${args.startRecord} is past the last of ${found.total} records`);
      }
    } catch (error) {
      if (!(error instanceof SruDiagnostic)) throw error;
      writer.element(root, 'numberOfRecords', '0');
      writer.diagnostics(root, [error]);
      return doc.end({ prettyPrint: false });
    }
    writer.element(root, 'numberOfRecords', String(found.total));
    if (found.records.length > 0) {
      const shown = found.records.filter((record) => harvestShowsFiles(record, now)).map((record) => record.id);
      const formats = await deps.formats(shown);
      const records = writer.element(root, 'records');
      for (const [index, record] of found.records.entries()) {
        const element = writer.element(records, 'record');
        writer.element(element, 'recordSchema', args.schema.uri);
        writer.element(element, writer.packingElement, args.packing);
        const data = writer.element(element, 'recordData');
        const context = { recordUrl: `${request.siteUrl}/item/${record.id}`, formats: formats.get(record.id) ?? [] };
        if (args.packing === 'xml') args.schema.write(data, record, context);
        else data.txt(recordAsString(args.schema, record, context));
        writer.element(element, 'recordPosition', String(args.startRecord + index));
      }
    }
    const next = args.startRecord + found.records.length;
    if (found.records.length > 0 && next <= found.total) writer.element(root, 'nextRecordPosition', String(next));
    return doc.end({ prettyPrint: false });
  }

  return {
    /** The XML answer to one SRU request. */
    async answer(request: SruRequest): Promise<string> {
      const now = request.now ?? new Date();
      const parsed = parseRequest(request.pairs);
      const writer = sruWriter(parsed.version);
      if (parsed.operation === 'searchRetrieve' && parsed.args && parsed.diagnostics.length === 0) return searchRetrieve(parsed.args, request, writer, now);
      if (parsed.operation === 'searchRetrieve' || parsed.operation === 'scan') {
        const { doc, root } = writer.document(parsed.operation === 'scan' ? 'scanResponse' : 'searchRetrieveResponse');
        if (parsed.operation === 'searchRetrieve') writer.element(root, 'numberOfRecords', '0');
        writer.diagnostics(root, parsed.diagnostics);
        return doc.end({ prettyPrint: false });
      }
      const { doc, root } = writer.document('explainResponse');
      writeExplain(root, writer, { baseUrl: request.baseUrl, name: deps.config.repositoryName, adminEmail: deps.config.adminEmail });
      writer.diagnostics(root, parsed.diagnostics);
      return doc.end({ prettyPrint: false });
    },
  };
}

export type SruProvider = ReturnType<typeof createSruProvider>;
