import { createHmac } from 'node:crypto';
import { Type } from 'typebox';
import { sessionSecret } from '@disan/ingest/accounts';
import { createHarvestRepository, createOaiProvider, MARC21, OAI_DC } from '@disan/ingest/library';
import { ERRORS, type RoutePlugin } from '../context.ts';
import { publicBase } from './public-base.ts';

/** Documents the XML answer in OpenAPI; errors of the protocol are XML too, with HTTP 200. */
export const XML_ANSWER: Record<string, unknown> = { description: 'An XML document', content: { 'text/xml': { schema: { type: 'string' } } } };

/** OAI-PMH's arguments, documented; the provider reads them as sent, so repeated and unknown ones are the protocol's badArgument. */
const OaiArguments = Type.Object(
  Object.fromEntries(['verb', 'identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'].map((name) => [name, Type.Optional(Type.Unknown())])),
  { additionalProperties: true },
);

/** The pairs of a query string or form body, in order, repeated ones kept. */
const pairsOf = (encoded: string): [string, string][] => [...new URLSearchParams(encoded).entries()];

/**
 * OAI-PMH 2.0 at `/api/oai` (the site serves it as `/oai`): GET with a query string, or
 * POST with a form body, as the protocol allows. Everyone may harvest (canHarvest); the
 * provider disseminates only what the public may read.
 */
export const oaiRoutes: RoutePlugin = (app, { archive, config }, done) => {
  // Derived from the session secret (one per archive, shared by its API processes), so every process accepts every token.
  let key: Promise<Buffer> | undefined;
  const tokenKey = () => (key ??= sessionSecret(archive.db, config.accounts.sessionSecret).then((secret) => createHmac('sha256', secret).update('oai-pmh resumption tokens').digest()));
  const provider = createOaiProvider({
    harvest: createHarvestRepository(archive.db),
    collections: () => archive.catalog.collections.list(),
    config: config.oai,
    tokenKey,
    formats: [OAI_DC, MARC21],
  });

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, parsed) => { parsed(null, body); });

  const schema = (operationId: string, summary: string) => ({ operationId, summary, tags: ['library'], response: { 200: XML_ANSWER, ...ERRORS } });
  app.get(
    '',
    { config: { access: 'canHarvest' }, schema: { ...schema('oaiPmh', 'OAI-PMH 2.0 (verb and arguments in the query string)'), querystring: OaiArguments } },
    async (request, reply) => {
      const xml = await provider.answer({ pairs: pairsOf(request.url.split('?')[1] ?? ''), ...publicBase(request, config, 'oai') });
      return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(xml);
    },
  );
  app.post(
    '',
    {
      config: { access: 'canHarvest', csrf: 'none' },
      schema: { ...schema('oaiPmhByForm', 'OAI-PMH 2.0 (verb and arguments as application/x-www-form-urlencoded)'), body: Type.String() },
    },
    async (request, reply) => {
      const xml = await provider.answer({ pairs: pairsOf(request.body), ...publicBase(request, config, 'oai') });
      return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(xml);
    },
  );
  done();
};
