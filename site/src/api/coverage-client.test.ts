import { describe, expect, it } from 'vitest';
import { SOC_TRANG } from '../coverage/report.fixture.ts';
import { coverageClient, reportFileHref } from './coverage-client.ts';
import { ApiNotFoundError, ApiRefusal } from './errors.ts';
import { createTransport } from './transport.ts';

/** A stand-in for the API: answers by method and path, and keeps what it was asked. */
function fakeApi(answers: Record<string, [number, unknown]>) {
  const seen: { method: string; url: string; body: string | null; headers: Record<string, string> }[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    const path = new URL(url).pathname;
    seen.push({ method: init.method ?? 'GET', url: path, body: typeof init.body === 'string' ? init.body : null, headers: init.headers as Record<string, string> });
    const [status, body] = answers[`${init.method ?? 'GET'} ${path}`] ?? [404, { error: { code: 'not_found' } }];
    return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  }) as typeof globalThis.fetch;
  const client = coverageClient(createTransport({ baseUrl: 'http://api.test', timeoutMs: 1000, fetch, visitor: { cookie: 'disan_session=s', csrfToken: 'tok' } }));
  return { client, seen };
}

const input = (({ createdAt: _c, updatedAt: _u, ...rest }) => rest)(SOC_TRANG.target);

describe('the coverage client', () => {
  it('reads the public figures and a report, checked against their shapes', async () => {
    const { client } = fakeApi({
      'GET /api/coverage/public': [200, { reports: [SOC_TRANG] }],
      'GET /api/coverage/targets/soc-trang-2025': [200, SOC_TRANG],
      'GET /api/coverage/targets': [200, { targets: [{ target: SOC_TRANG.target, now: SOC_TRANG.now }] }],
    });
    expect((await client.publicReports())[0]?.now.percentage).toBe(50);
    expect((await client.report('soc-trang-2025')).gaps).toHaveLength(2);
    expect((await client.targets())[0]?.target.id).toBe('soc-trang-2025');
  });

  it('refuses an answer that is not a report', async () => {
    const { client } = fakeApi({ 'GET /api/coverage/public': [200, { reports: [{ ...SOC_TRANG, hiddenGaps: -1 }] }] });
    await expect(client.publicReports()).rejects.toThrow(/does not match its shape/);
  });

  it('creates, replaces and deletes a target with the form\'s CSRF token', async () => {
    const { client, seen } = fakeApi({
      'POST /api/coverage/targets': [201, SOC_TRANG.target],
      'PUT /api/coverage/targets/soc-trang-2025': [200, SOC_TRANG.target],
      'DELETE /api/coverage/targets/soc-trang-2025': [204, null],
    });
    await client.create(input);
    await client.replace('soc-trang-2025', { ...input, percentage: 80 });
    await client.remove('soc-trang-2025');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /api/coverage/targets', 'PUT /api/coverage/targets/soc-trang-2025', 'DELETE /api/coverage/targets/soc-trang-2025']);
    expect(JSON.parse(seen[1]?.body ?? '{}')).toMatchObject({ percentage: 80 });
    expect(seen[0]?.headers['x-csrf-token']).toBe('tok');
  });

  it('keeps the API\'s refusal and its 404', async () => {
    const { client } = fakeApi({ 'POST /api/coverage/targets': [400, { error: { code: 'invalid', message: 'body field "percentage" must be <= 100', status: 400, requestId: 'r' } }] });
    await expect(client.create({ ...input, percentage: 170 })).rejects.toBeInstanceOf(ApiRefusal);
    await expect(client.report('nowhere')).rejects.toBeInstanceOf(ApiNotFoundError);
  });

  it('links the yearly files through the site\'s /api proxy', () => {
    expect(reportFileHref('soc-trang-2025', 'xlsx', 2025)).toBe('/api/coverage/targets/soc-trang-2025/report.xlsx?year=2025');
    expect(reportFileHref('a b', 'pdf')).toBe('/api/coverage/targets/a%20b/report.pdf');
  });
});
