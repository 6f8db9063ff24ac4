import { Type } from 'typebox';
import { searchArchive } from '@disan/ingest/search';
import { PUBLIC } from '@disan/ingest/access';
import { ValidationError } from '@disan/ingest';
import { createHarvestRepository, createSruProvider, soapEnvelope, soapPairs } from '@disan/ingest/library';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { XML_ANSWER } from '../oai/index.ts';
import { publicBase } from '../oai/public-base.ts';

/** SRU's parameters, documented; the provider reads them as sent, so unknown and repeated ones become SRU diagnostics. */
const SruParameters = Type.Object(
  Object.fromEntries(['operation', 'version', 'query', 'startRecord', 'maximumRecords', 'recordSchema', 'recordPacking'].map((name) => [name, Type.Optional(Type.Unknown())])),
  { additionalProperties: true },
);

const pairsOf = (encoded: string): [string, string][] => [...new URLSearchParams(encoded).entries()];

/**
 * SRU at `/api/sru` (the site serves it as `/sru`): explain and searchRetrieve (CQL, Dublin
 * Core or MARCXML), GET, a POST form, or SRW's SOAP envelope (yaz-client's default). Everyone may search it (canHarvest); like OAI-PMH
 * it answers as the public whoever asks, so a signed-in session names no more records.
 */
export const sruRoutes: RoutePlugin = (app, { archive, config }, done) => {
  const harvest = createHarvestRepository(archive.db);
  const provider = createSruProvider({
    find: (query) => searchArchive(archive, query, PUBLIC),
    records: (ids) => archive.catalog.items.getMany(ids),
    formats: (ids) => harvest.formats(ids),
    config: config.oai,
  });

  app.addContentTypeParser(['application/x-www-form-urlencoded', 'text/xml', 'application/soap+xml'], { parseAs: 'string' }, (_request, body, parsed) => { parsed(null, body); });

  const schema = (operationId: string, summary: string) => ({ operationId, summary, tags: ['library'], response: { 200: XML_ANSWER, ...ERRORS } });
  app.get(
    '',
    { config: { access: 'canHarvest' }, schema: { ...schema('sru', 'SRU explain and searchRetrieve (parameters in the query string)'), querystring: SruParameters } },
    async (request, reply) => {
      const xml = await provider.answer({ pairs: pairsOf(request.url.split('?')[1] ?? ''), ...publicBase(request, config, 'sru') });
      return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(xml);
    },
  );
  app.post(
    '',
    {
      config: { access: 'canHarvest', csrf: 'none' },
      schema: { ...schema('sruByForm', 'SRU explain and searchRetrieve (a form body), or SRW (the SOAP binding: an envelope as text/xml)'), body: Type.String() },
    },
    async (request, reply) => {
      const soap = /^(text\/xml|application\/soap\+xml)/u.test(request.headers['content-type'] ?? '');
      const pairs = soap ? soapPairs(request.body) : pairsOf(request.body);
      if (pairs === null) throw new ValidationError('The body is not an SRW SOAP envelope with a searchRetrieveRequest, explainRequest or scanRequest');
      const xml = await provider.answer({ pairs, ...publicBase(request, config, 'sru') });
      return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(soap ? soapEnvelope(xml) : xml);
    },
  );
  done();
};
