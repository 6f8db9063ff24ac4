import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from '@disan/ingest/config';
import { withAccessRule } from './access.ts';
import { sessionCookie } from './session.ts';

/** Every tag a route may use, described once; a route with another tag fails the document test. */
export const TAGS = [
  { name: 'items', description: 'Records of the archive: browse with facets, read one with its media' },
  { name: 'collections', description: 'Curated groups of items' },
  { name: 'browse', description: 'Entry points: provinces (with a map point) and ethnic groups, with item counts' },
  { name: 'search', description: 'Full-text and faceted search, with passages inside media' },
  { name: 'media', description: 'Files (renditions, originals) with HTTP caching and ranges, and the words inside them' },
  { name: 'operations', description: 'Liveness, readiness and background jobs' },
  { name: 'accounts', description: 'Signing in and out (the session cookie and its CSRF token), one-time links, password resets' },
  { name: 'account', description: 'One’s own account: name, language, password, second factor, sessions, personal API tokens' },
  { name: 'users', description: 'Admins manage accounts, roles and communities; stewards decide who belongs to their community' },
  { name: 'audit', description: 'The tamper-evident audit trail: who did what, and who read restricted material' },
  { name: 'uploads', description: 'Resumable uploads (tus 1.0.0) of a record’s files from the workspace, their outcome and the quota' },
  { name: 'library', description: 'Exchange with other libraries: OAI-PMH 2.0 harvesting, answering XML' },
  { name: 'citations', description: 'Citations and exports: a record, a collection or a search as BibTeX, RIS, CSL-JSON, Dublin Core XML, MARCXML or ISO 2709 MARC, and formatted references (APA, Chicago, Vancouver, Harvard)' },
  { name: 'calendar', description: 'The festival calendar: festivals of public records on their Gregorian days (Vietnamese, Chinese and Khmer lunisolar dates computed), days in three calendars, and an iCalendar feed' },
  { name: 'harvest', description: 'OAI-PMH repositories this archive harvests on a schedule, their runs, and running one now (admins)' },
  { name: 'dictionary', description: 'The dictionary of Khmer, Hoa and Cham words: entries found by headword in any script, romanisation or gloss, with their recordings and heritage records; browse orders per script, word lists, the word of the day, and link suggestions for the workspace' },
  { name: 'coverage', description: 'Digitisation coverage: targets (admins), their figures at every year end, pace and gaps, the yearly report as XLSX or PDF (staff), and the public targets\' figures' },
  { name: 'workspace', description: 'The archivists’ workspace: records described, versioned, reviewed, published and withdrawn with their files; sheets in and out; collections and places' },
];

/**
 * The OpenAPI document at `/api/docs/json` and Swagger UI at `/api/docs`, generated from
 * the routes' schemas. OpenAPI 3.1, because its Schema Object is JSON Schema 2020-12,
 * which is what TypeBox writes (`exclusiveMinimum: 0`, `type: 'null'`): 3.0 would need every
 * such keyword converted. Paths keep their `/api` prefix and the server is the API's
 * origin, because every URL inside a body (`/api/media/{mediaId}/thumb`) is a root-relative
 * path on that origin: a client resolves both against the same base. The document is
 * checked by swagger-parser and Redocly's recommended rules (openapi.test.ts).
 */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    transform: withAccessRule,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Disan API',
        version: '0.1.0',
        description:
          'Digital heritage archive: items, media, collections, search, accounts and the audit trail. Anonymous requests see what the public may see; people sign in with a session cookie (the site) or send a personal API token as `Authorization: Bearer <token>` (scripts).',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      servers: [config.http.publicUrl ? { url: config.http.publicUrl, description: 'This archive' } : { url: '/', description: 'The origin serving this document' }],
      tags: TAGS,
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal API token (made on the account page, scoped read or write, expiring), or the operator token (DISAN_OPERATOR_TOKEN), the emergency credential that acts as the system. Any other Authorization header answers 401. Bearer requests need no CSRF token.',
          },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: sessionCookie(config.http.publicUrl).name,
            description:
              'The session cookie set by POST /api/auth/sign-in. Every POST, PUT, PATCH or DELETE made with it must come from the site (Origin, Sec-Fetch-Site) and carry the session’s CSRF token (csrfToken from sign-in or GET /api/auth/session) in the `x-csrf-token` header, or it answers 403.',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
