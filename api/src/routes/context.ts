import type { FastifyPluginCallback, FastifyRequest, RawServerDefault } from 'fastify';
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

/** Who makes a change, for the audit trail: the account, the operator token, or the public (sign-in, resets). */
export function actorOf(request: FastifyRequest): { id: string; address: string; requestId: string } {
  const { viewer } = request;
  const id = viewer.kind === 'user' ? (viewer.id ?? 'unknown') : viewer.kind === 'system' ? 'operator' : 'anonymous';
  return { id, address: request.ip, requestId: request.id };
}

/** The signed-in account's id; the routes that ask have a door rule (canUseAccount) that let only accounts in. */
export function accountIdOf(request: FastifyRequest): string {
  const { viewer } = request;
  if (viewer.kind !== 'user' || viewer.id === undefined) throw new Error('an account route ran for a viewer without an account: its door rule is wrong');
  return viewer.id;
}

/** 204 No Content, documented. */
export const NO_CONTENT = { 204: { type: 'null', description: 'Done' } } as const;
