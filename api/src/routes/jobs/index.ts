import { JobsQuery, JobsView } from '@disan/schemas';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** Background work: counts for anyone, the jobs themselves (ids, errors) for operators only. */
export const jobRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/',
    { schema: { summary: 'Job counts by type and status; the job list for operators', tags: ['operations'], querystring: JobsQuery, response: { 200: JobsView, ...ERRORS } } },
    async (request) => {
      const counts = await archive.jobs.counts();
      if (request.viewer.kind !== 'system') return { counts, jobs: null };
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
