import type { FastifyReply } from 'fastify';
import type { RecordFormat } from '@disan/schemas';
import { RECORD_FORMAT_FILES } from '@disan/ingest/library';

/** Documents a download in OpenAPI: each form's media type; the file is the body. */
export function downloadAnswer(formats: readonly RecordFormat[], description: string): Record<string, unknown> {
  const binary = (format: RecordFormat) => (format === 'marc' ? { format: 'binary' } : {});
  return { description, content: Object.fromEntries(formats.map((format) => [RECORD_FORMAT_FILES[format].type.split(';')[0]!, { schema: { type: 'string', ...binary(format) } }])) };
}

/**
 * Sends `body` as the file `<name>.<extension>` of its form, with its media type. Names are
 * record and collection ids (a-z, 0-9, dashes) or fixed words: nothing else reaches the header.
 */
export function sendDownload(reply: FastifyReply, format: RecordFormat, name: string, body: string | Buffer): FastifyReply {
  const { type, extension } = RECORD_FORMAT_FILES[format];
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 120);
  return reply.type(type).header('content-disposition', `attachment; filename="${safe}.${extension}"`).header('cache-control', 'private, no-store').send(body);
}
