import type { FastifyInstance, FastifySchema, onRequestHookHandler, RouteOptions } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import * as access from '@disan/ingest/access';
import type { Viewer } from '@disan/ingest/access';
import { NotFoundError } from '@disan/ingest';

type Rules = typeof access;
/** Every access rule that takes the viewer first: the names a route may declare. */
export type AccessRule = { [K in keyof Rules]: Rules[K] extends (viewer: Viewer, ...rest: never[]) => unknown ? K : never }[keyof Rules];
/** Rules that need nothing but the viewer: they can guard a whole route before it runs. */
type DoorRule = { [K in keyof Rules]: Rules[K] extends (viewer: Viewer) => boolean ? K : never }[keyof Rules];

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The access rule that guards the route, required on every route (checked at start-up).
     * A rule on the viewer alone (canReadJobs) is applied before the route runs; a rule on
     * a record (canReadRecord) or a filter (readFilter) is applied by the route's service.
     */
    access?: AccessRule;
  }
}

// `satisfies` makes the compiler list every door rule here, so a new one cannot be missed.
const DOOR_RULES = {
  anyone: true,
  canCreateRecord: true,
  canHarvest: true,
  canManageSettings: true,
  canManageUsers: true,
  canReadHealthDetails: true,
  canReadJobs: true,
  mayShareCachedAnswers: true,
} as const satisfies Record<DoorRule, true>;

const isDoorRule = (rule: AccessRule): rule is DoorRule => Object.hasOwn(DOOR_RULES, rule);
const isRule = (name: string) => Object.keys(access).includes(name) && typeof access[name as AccessRule] === 'function';

/**
 * Refused like a missing route (the same 404 and message as the not-found handler), so a
 * door the viewer may not use is not revealed. Refused before the body is read: an upload
 * route must not take in a gigabyte from someone it will refuse.
 */
const guard =
  (rule: DoorRule): onRequestHookHandler =>
  (request, _reply, done) => {
    // Looked up on the module at each request, so tests that wrap the rules see the call.
    if (access[rule](request.viewer)) done();
    else done(new NotFoundError(`There is no route ${request.method} ${request.url.split('?')[0] ?? ''}; see /api/docs`));
  };

/**
 * Every route must name its access rule, or declaring it throws and the app does not
 * start: a new route cannot forget to ask. Routes that plugins add (the API
 * documentation, the CORS preflight) get theirs from `pluginRoutes`, by URL or URL
 * prefix, written where the plugins are registered.
 */
export function registerAccess(app: FastifyInstance, pluginRoutes: Record<string, AccessRule>): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const prefix = Object.keys(pluginRoutes).find((p) => route.url === p || route.url.startsWith(`${p}/`));
    const rule = route.config?.access ?? (prefix === undefined ? undefined : pluginRoutes[prefix]);
    if (rule === undefined || !isRule(rule)) {
      throw new Error(`${String(route.method)} ${route.url} names no access rule: add config: { access: '<rule from ingest/src/access>' }`);
    }
    route.config = { ...route.config, access: rule };
    if (isDoorRule(rule)) route.onRequest = [guard(rule), ...[route.onRequest ?? []].flat()];
  });
}

/**
 * Shows each operation's rule in the OpenAPI document as `x-access`, so API readers (and
 * the test that walks every route) see which rule guards it.
 */
export const withAccessRule: SwaggerTransform = ({ schema, url, route }) => {
  const documented: FastifySchema & { 'x-access'?: AccessRule } = { ...schema };
  if (route.config?.access !== undefined) documented['x-access'] = route.config.access;
  return { schema: documented, url };
};
