import { Health, Readiness } from '@disan/schemas';
import { ERRORS, type RoutePlugin } from '../context.ts';

const CHECK_TIMEOUT_MS = 2_000;
type Part = keyof Readiness['checks'];

/** Liveness (the process answers) and readiness (the catalog, storage and search answer too). */
export const healthRoutes: RoutePlugin = (app, { archive }, done) => {
  const startedAt = Date.now();
  app.get('/health', { config: { access: 'anyone' }, schema: { operationId: 'getHealth', summary: 'Liveness', tags: ['operations'], response: { 200: Health, ...ERRORS } } }, () => ({
    status: 'ok' as const,
    uptimeSeconds: (Date.now() - startedAt) / 1000,
  }));

  app.get(
    '/ready',
    { config: { access: 'canReadHealthDetails' }, schema: { operationId: 'getReadiness', summary: 'Readiness: 503 naming the part that failed', tags: ['operations'], response: { 200: Readiness, 503: Readiness, ...ERRORS } } },
    async (request, reply) => {
      const probes: Record<Part, () => Promise<unknown>> = {
        catalog: () => archive.db.query('SELECT 1'),
        storage: () => archive.storage.ping(),
        search: () => archive.search.ping(),
      };
      const entries = await Promise.all(
        (Object.keys(probes) as Part[]).map(async (part) => {
          const check = await timed(probes[part]);
          if (!check.ok) request.log.warn({ part, err: check.cause }, 'readiness check failed');
          return [part, { ok: check.ok, ms: check.ms, ...(check.ok ? {} : { error: check.error }) }] as const;
        }),
      );
      const checks = Object.fromEntries(entries) as Readiness['checks'];
      const failed = entries.filter(([, check]) => !check.ok).map(([part]) => part);
      return reply.code(failed.length > 0 ? 503 : 200).send({ status: failed.length > 0 ? 'unavailable' : 'ready', checks, failed });
    },
  );
  done();
};

/** The error text is generic on purpose: readiness is public, causes go to the log. */
async function timed(probe: () => Promise<unknown>): Promise<{ ok: boolean; ms: number; error?: string; cause?: unknown }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, CHECK_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([probe().then(() => 'ok' as const), timeout]);
    const ms = Math.round(performance.now() - started);
    return outcome === 'ok' ? { ok: true, ms } : { ok: false, ms, error: `no answer within ${CHECK_TIMEOUT_MS} ms` };
  } catch (cause) {
    return { ok: false, ms: Math.round(performance.now() - started), error: 'failed (see the server log)', cause };
  } finally {
    clearTimeout(timer);
  }
}
