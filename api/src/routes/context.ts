import type { FastifyPluginCallback, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import type { Config } from '@disan/ingest/config';

/** What every route plugin receives: the opened archive and the validated config. */
export interface RouteOptions {
  archive: Archive;
  config: Config;
}

/** Route plugins only declare routes, so they are synchronous and call `done`. */
export type RoutePlugin = FastifyPluginCallback<RouteOptions, RawServerDefault, TypeBoxTypeProvider>;

/** The error answers every route declares, so OpenAPI shows them and bodies are serialised by schema. */
export const ERRORS = { '4xx': ErrorBody, '5xx': ErrorBody } as const;
