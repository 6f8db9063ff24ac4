import Fastify from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@disan/schemas';
import { registerErrorHandling } from './errors.ts';

/** One route that validates every part of a request, behind the app's error handler. */
const app = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
registerErrorHandling(app);
app.post(
  '/things/:id',
  {
    schema: {
      params: Type.Object({ id: Type.String({ maxLength: 8 }) }),
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ maximum: 10 })) }),
      headers: Type.Object({ 'x-tenant': Type.String({ pattern: '^[a-z]+$' }) }),
      body: Type.Object({ name: Type.String() }),
    },
  },
  () => ({ ok: true }),
);
afterAll(async () => {
  await app.close();
});

describe('validation errors', () => {
  const good = { url: '/things/abc?limit=1', headers: { 'x-tenant': 'hue' }, payload: { name: 'x' } };

  it.each([
    ['a path parameter', { url: `/things/${'a'.repeat(9)}` }, /^path parameter "id" must NOT have more than 8 characters$/],
    ['a query parameter', { url: '/things/abc?limit=11' }, /^query parameter "limit" must be <= 10$/],
    ['a header', { headers: { 'x-tenant': 'HUE' } }, /^header "x-tenant" must match pattern/],
    ['a missing header', { headers: {} }, /^header "x-tenant" must have required property/],
    ['a missing body field', { payload: {} }, /^body field "name" must have required property/],
    ['a body field', { payload: { name: { first: 'x' } } }, /^body field "name" must be string$/],
  ])('answer %s in the one error shape, naming it', async (_part, over, message) => {
    const response = await app.inject({ method: 'POST', ...good, ...over });
    expect(response.statusCode).toBe(400);
    const body = response.json<ErrorBody>();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({ status: 400, code: 'invalid', message: expect.stringMatching(message) as string, requestId: expect.any(String) as string });
  });
});
