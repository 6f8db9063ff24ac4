import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import type { CoverageReport, CoverageTarget, CoverageTargetList, ItemInput, PublicCoverage } from '@disan/schemas';
import type { Archive } from '@disan/ingest';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';
import { addAccount, signIn, type SignedIn } from '../support/accounts.ts';

const OPERATOR_TOKEN = 'coverage-operator-token-0123456789abcdef';
const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };

const element = (id: string, access: ItemInput['access'], status: ItemInput['status'] = 'published'): ItemInput => ({
  id,
  kind: 'element',
  ethnicGroups: ['khmer'],
  title: [{ lang: 'vi', value: `Di sản ${id}` }],
  places: [{ name: 'Vĩnh Châu', province: 'Sóc Trăng' }],
  status,
  access,
  element: { category: 'festival', viability: 'vulnerable' },
});

const TARGET = {
  id: 'soc-trang-khmer',
  name: [{ lang: 'vi', value: 'Sóc Trăng: lễ hội Khmer' }],
  scope: { provinces: ['Sóc Trăng'], ethnicGroups: ['khmer'], categories: ['festival'] },
  percentage: 70,
  deadline: '2030-12-31',
  rule: { minImages: 1 },
  public: true,
};

/**
 * The coverage doors (issue 15): who may set targets and read reports, and which gaps each
 * viewer is told the names of. Figures count every element the archive keeps; names reach only
 * those who may read the element.
 */
describe('coverage over the API', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: SignedIn;
  let archivist: SignedIn;
  let researcher: SignedIn;

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent', DISAN_OPERATOR_TOKEN: OPERATOR_TOKEN }));
    app = await buildApp({ archive, config: archive.config, logger: false });
    for (const role of ['admin', 'archivist', 'researcher'] as const) await addAccount(archive, { email: `${role}@coverage.test`, roles: [role] });
    admin = await signIn(app, 'admin@coverage.test');
    archivist = await signIn(app, 'archivist@coverage.test');
    researcher = await signIn(app, 'researcher@coverage.test');
    for (const item of [
      element('public-festival', { level: 'public' }),
      element('community-festival', { level: 'community', communities: ['khmer-vinh-chau'] }),
      element('draft-festival', { level: 'public' }, 'draft'),
    ]) await archive.catalog.items.upsert(item, { author: 'fixture' });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('lets an admin set a target, refuses others and bad targets with the field named', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/coverage/targets', headers: archivist.writes, payload: TARGET })).statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: '/api/coverage/targets', headers: admin.writes, payload: { ...TARGET, percentage: 170 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('percentage');
    const created = await app.inject({ method: 'POST', url: '/api/coverage/targets', headers: admin.writes, payload: TARGET });
    expect(created.statusCode).toBe(201);
    expect(created.json<CoverageTarget>()).toMatchObject({ id: TARGET.id, percentage: 70 });
    expect((await app.inject({ method: 'POST', url: '/api/coverage/targets', headers: admin.writes, payload: TARGET })).statusCode).toBe(409);
  });

  it('gives staff every gap by name, counting restricted and draft elements in the figure', async () => {
    const list = await app.inject({ url: '/api/coverage/targets', headers: archivist.reads });
    expect(list.json<CoverageTargetList>().targets.map((t) => [t.target.id, t.now.total])).toEqual([[TARGET.id, 3]]);
    const report = (await app.inject({ url: `/api/coverage/targets/${TARGET.id}`, headers: archivist.reads })).json<CoverageReport>();
    expect(report.now).toMatchObject({ total: 3, notDocumented: 3, percentage: 0 });
    expect(report.gaps.map((g) => g.elementId).sort()).toEqual(['community-festival', 'draft-festival', 'public-festival']);
    expect(report.hiddenGaps).toBe(0);
    expect(report.pace).toMatchObject({ status: 'behind' });
  });

  it('keeps the staff report from the public and from researchers', async () => {
    for (const headers of [{}, researcher.reads]) {
      expect((await app.inject({ url: `/api/coverage/targets/${TARGET.id}`, headers })).statusCode).toBe(404);
      expect((await app.inject({ url: `/api/coverage/targets/${TARGET.id}/report.xlsx`, headers })).statusCode).toBe(404);
      expect((await app.inject({ url: `/api/coverage/targets/${TARGET.id}/report.pdf`, headers })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/coverage/targets', headers })).statusCode).toBe(404);
    }
  });

  it('shows the public the same figure, naming only the elements the public may read', async () => {
    const { reports } = (await app.inject({ url: '/api/coverage/public' })).json<PublicCoverage>();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.now).toMatchObject({ total: 3, percentage: 0 });
    expect(reports[0]!.gaps.map((g) => g.elementId)).toEqual(['public-festival']);
    expect(reports[0]!.hiddenGaps).toBe(2);
    expect(JSON.stringify(reports)).not.toMatch(/community-festival|draft-festival/);
  });

  it('hides a target that is not public from the public page', async () => {
    await app.inject({ method: 'PUT', url: `/api/coverage/targets/${TARGET.id}`, headers: operator, payload: { ...TARGET, public: false } });
    expect((await app.inject({ url: '/api/coverage/public' })).json<PublicCoverage>().reports).toEqual([]);
    await app.inject({ method: 'PUT', url: `/api/coverage/targets/${TARGET.id}`, headers: operator, payload: TARGET });
  });

  it('sends the yearly report as a spreadsheet and a PDF to staff', async () => {
    const xlsx = await app.inject({ url: `/api/coverage/targets/${TARGET.id}/report.xlsx?year=2026`, headers: archivist.reads });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="bao-cao-${TARGET.id}-2026.xlsx"`);
    const summary = await readSheet(xlsx.rawPayload, 'Tổng hợp');
    expect(summary.find((row) => row[0] === 'Tổng số di sản trong danh mục kiểm kê')?.[1]).toBe(3);
    const pdf = await app.inject({ url: `/api/coverage/targets/${TARGET.id}/report.pdf`, headers: archivist.reads });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets only admins delete a target', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/api/coverage/targets/${TARGET.id}`, headers: archivist.writes })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/coverage/targets/${TARGET.id}`, headers: researcher.writes })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/coverage/targets/${TARGET.id}`, headers: admin.writes })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/coverage/targets/${TARGET.id}`, headers: admin.writes })).statusCode).toBe(404);
  });
});
