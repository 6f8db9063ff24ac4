import { PassThrough } from 'node:stream';
import { backupArchive } from '@disan/ingest';
import { ERRORS, type RoutePlugin } from '../context.ts';

/**
 * `GET /api/backup`: the whole archive as one tar file, made by the serving process
 * itself, which owns the embedded catalog: the way to back up while the archive serves
 * (`disan backup` asks for it when the catalog is held). Staff with the archive's keys
 * only: it holds every restricted record and file.
 */
/** Documents the route in OpenAPI only: the tar is streamed as it is made. */
const RESPONSES: Record<string, unknown> = {
  200: { description: 'A tar stream: disan-backup.json, catalog/<table>.jsonl, objects/<key>, disan-backup-end.json', content: { 'application/x-tar': { schema: { type: 'string', format: 'binary', contentMediaType: 'application/x-tar' } } } },
  ...ERRORS,
};

export const backupRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '',
    {
      // Already an archive of compressed media: compressing it again costs CPU for nothing.
      compress: false,
      config: { access: 'canBackupArchive' },
      schema: {
        operationId: 'getBackup',
        summary: 'The whole archive (catalog and stored files) as one tar file, for `disan restore`',
        tags: ['operations'],
        response: RESPONSES,
      },
    },
    (request, reply) => {
      const body = new PassThrough();
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
      backupArchive(archive, body).catch((error: unknown) => {
        // Headers are gone by now: the client sees the stream end without the end marker, which restore refuses.
        request.log.error({ err: error }, 'backup failed mid-stream');
        body.destroy(error as Error);
      });
      return reply
        .header('content-type', 'application/x-tar')
        .header('content-disposition', `attachment; filename="disan-backup-${stamp}.tar"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
  done();
};
