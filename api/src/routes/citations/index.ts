import { CitationList, CitationsQuery, CiteQuery, IdParams, RECORD_FORMATS } from '@disan/schemas';
import { createReferenceFormatter, toCsl, writeRecords } from '@disan/ingest/library';
import { citableItem, readableFormats } from '../../services/citations.ts';
import { auditRead } from '../../services/read-audit.ts';
import { publicBase } from '../oai/public-base.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { downloadAnswer, sendDownload } from './download.ts';

/**
 * One record cited (issue 13), under `/items`: `/:id/cite?format=` downloads it in a
 * reference manager's or a library's form, `/:id/citations` gives its formatted references.
 * Both read the record as GET /items/:id does (canReadRecord): a record the viewer cannot
 * read answers the same 404; metadata-only records are cited like any other.
 */
export const citationRoutes: RoutePlugin = (app, { archive, config }, done) => {
  // citeproc's first use per language costs seconds of CPU: a worker thread does it, not this process's event loop.
  const formatter = createReferenceFormatter();
  app.addHook('onClose', () => formatter.close());
  app.get(
    '/:id/cite',
    {
      config: { access: 'canReadRecord' },
      schema: {
        operationId: 'citeItem',
        summary: 'One record as a download: BibTeX, RIS, CSL-JSON, Dublin Core XML (oai_dc), MARCXML or ISO 2709 MARC',
        description: 'Saved as `<id>.<ext>` (bib, ris, json, xml, marcxml.xml, mrc), UTF-8. A record the viewer cannot read answers 404, as GET /items/{id}.',
        tags: ['citations'],
        params: IdParams,
        querystring: CiteQuery,
        response: { 200: downloadAnswer(RECORD_FORMATS, 'The record in the asked form'), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const item = await citableItem(archive, request.viewer, request.params.id);
      const recordUrl = `${publicBase(request, config, 'oai').siteUrl}/item/${item.id}`;
      const formats = format === 'dc-xml' ? await readableFormats(archive, request.viewer, item) : [];
      const body = writeRecords(format, [{ item, context: { recordUrl, formats } }]);
      await auditRead(archive, request, item, { action: 'record.read', target: item.id, details: { cite: format } });
      return sendDownload(reply, format, item.id, body);
    },
  );

  app.get(
    '/:id/citations',
    {
      config: { publicCache: true, access: 'canReadRecord' },
      schema: {
        operationId: 'itemCitations',
        summary: 'Formatted references of one record: APA 7, Chicago (author-date), Vancouver and Harvard',
        description: "Through citation-js's CSL engine, with the terms of the reader's language (`lang`: vi, en, km, zh; en-US where CSL has no locale).",
        tags: ['citations'],
        params: IdParams,
        querystring: CitationsQuery,
        response: { 200: CitationList, ...ERRORS },
      },
    },
    async (request) => {
      const item = await citableItem(archive, request.viewer, request.params.id);
      const csl = toCsl(item, { recordUrl: `${publicBase(request, config, 'oai').siteUrl}/item/${item.id}` });
      const lang = request.query.lang ?? 'en';
      await auditRead(archive, request, item, { action: 'record.read', target: item.id, details: { citations: lang } });
      return { styles: await formatter.references(csl, lang) };
    },
  );
  done();
};
