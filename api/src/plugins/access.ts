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
  canBackupArchive: true,
  canChangeAccount: true,
  canCreateRecord: true,
  canEditCollections: true,
  canExportRecords: true,
  canImportSheet: true,
  canUseWorkspace: true,
  canHarvest: true,
  canImportLibraryRecords: true,
  canManageHarvestSources: true,
  canManageCoverageTargets: true,
  canReadCoverageReports: true,
  canManageCommunities: true,
  canManageSettings: true,
  canManageUsers: true,
  canReadHealthDetails: true,
  canReadAudit: true,
  canReadJobs: true,
  canStewardCommunities: true,
  canUseAccount: true,
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
    else {
      // A refused door is logged (OWASP ASVS 7.2.2); the 404 itself reveals nothing.
      request.log.warn({ requestId: request.id, client: request.ip, rule }, 'access refused');
      done(new NotFoundError(`There is no route ${request.method} ${request.url.split('?')[0] ?? ''}; see /api/docs`));
    }
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

/** Anyone, with or without a credential (a wrong token answers 401, so the token matters). */
type Security = readonly Readonly<Record<string, readonly string[]>>[];
const ANYONE: Security = [{}, { bearerAuth: [] }, { cookieAuth: [] }];
const SIGNED_IN: Security = [{ bearerAuth: [] }, { cookieAuth: [] }];

/**
 * Shows each operation's rule in the OpenAPI document as `x-access`, so API readers (and
 * the test that walks every route) see which rule guards it, and derives its `security`
 * from that rule: a door the public may not use (jobs, one's account) needs a bearer token
 * or the session cookie, every other route takes anonymous requests too.
 */
export const withAccessRule: SwaggerTransform = ({ schema, url, route }) => {
  const documented: FastifySchema & { 'x-access'?: AccessRule } = { ...schema };
  // @fastify/swagger suffixes a HEAD route's operationId with `-head`, in case a GET has the
  // same one; ours are unique (the document test checks), so the declared id is kept.
  if (route.method === 'HEAD' && typeof schema.operationId === 'string') documented.operationId = schema.operationId.replace(/-head$/, '');
  const rule = route.config?.access;
  if (rule !== undefined) {
    documented['x-access'] = rule;
    documented.security = isDoorRule(rule) && !access[rule](access.PUBLIC) ? SIGNED_IN : ANYONE;
  }
  return { schema: documented, url };
};
