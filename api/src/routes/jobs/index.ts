import { JobsQuery, JobsView } from '@disan/schemas';
import { ERRORS, type RoutePlugin } from '../context.ts';

/**
 * Background work, for staff only: the counts too, since they include the jobs of hidden
 * records' media. Anyone else gets the 404 of a route that does not exist.
 */
export const jobRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '',
    {
      config: { access: 'canReadJobs' },
      schema: { operationId: 'listJobs', summary: 'Job counts by type and status, and the job list (staff only)', tags: ['operations'], querystring: JobsQuery, response: { 200: JobsView, ...ERRORS } },
    },
    async (request) => {
      const counts = await archive.jobs.counts();
      const jobs = await archive.jobs.list({ ...(request.query.status ? { status: request.query.status } : {}), limit: request.query.limit ?? 100 });
      return {
        counts,
        jobs: jobs.map(({ id, type, status, attempts, maxAttempts, lastError, createdAt, updatedAt, finishedAt }) => ({
          id, type, status, attempts, maxAttempts, lastError, createdAt, updatedAt, finishedAt,
        })),
      };
    },
  );
  done();
};
