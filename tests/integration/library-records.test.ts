import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemView, RecordDraft } from '@disan/schemas';
import { RecordValidationError } from '@disan/ingest/catalog';
import { searchArchive, type Archive } from '@disan/ingest';
import { PUBLIC, SYSTEM, type Viewer } from '@disan/ingest/access';
import { buildApp } from '../../api/src/app.ts';
import { temporaryArchive } from '../support/archive.ts';

const user = (id: string, ...roles: ('archivist' | 'reviewer')[]): Viewer => ({ kind: 'user', id, roles, communities: [] });
const archivist = user('arch-1', 'archivist');
const reviewer = user('rev-1', 'reviewer');
const SOC_TRANG = 'Ủy ban nhân dân tỉnh Sóc Trăng';

function legalDraft(id: string, title: string, legal: NonNullable<RecordDraft['library']>['legal']): RecordDraft {
  return { id, kind: 'legal-document', ethnicGroups: ['khmer'], title: [{ lang: 'vi', value: title }], access: { level: 'public' }, date: '2024', library: { legal } };
}

/**
 * A decision and the plan that implements it, written through the workspace engine as a
 * librarian would, found by number every way a user types it, counted by the library
 * facets, and shown with their relations both ways, never naming a hidden record.
 */
describe('library records through the workspace', () => {
  let archive: Archive;
  let app: FastifyInstance;
  let dispose: () => Promise<void>;

  async function publish(draft: RecordDraft): Promise<void> {
    const created = await archive.workspace.create(archivist, draft);
    const submitted = await archive.workspace.submit(archivist, draft.id, { ifMatch: created.version });
    await archive.workspace.publish(reviewer, draft.id, { ifMatch: submitted.version });
  }
  const findPublic = async (q: string, filters = {}) => searchArchive(archive, { q, filters, facets: ['documentType', 'issuer', 'legalStatus'] }, PUBLIC);
  const itemAs = async (id: string): Promise<ItemView> => {
    const response = await app.inject({ method: 'GET', url: `/api/items/${id}` });
    expect(response.statusCode).toBe(200);
    return response.json<ItemView>();
  };

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive({ LOG_LEVEL: 'silent' }));
    app = await buildApp({ archive, config: archive.config, logger: false });
    await publish(legalDraft('qd-45', 'Quyết định hỗ trợ tổ chức lễ hội Ok Om Bok', {
      documentNumber: '45/2024/QĐ-UBND', documentType: 'quyet-dinh', issuingBody: SOC_TRANG, signer: 'Lâm Văn Mẫn', dateIssued: '2024-09-20', dateInForce: '2024-10-01', legalStatus: 'in-force',
    }));
    await publish(legalDraft('kh-12', 'Kế hoạch tổ chức lễ hội Ok Om Bok năm 2024', {
      documentNumber: '12/KH-UBND', documentType: 'ke-hoach', issuingBody: SOC_TRANG, legalStatus: 'in-force', relations: [{ type: 'implements', itemId: 'qd-45' }],
    }));
    // A draft that implements the published decision: never named to the public.
    await archive.workspace.create(archivist, legalDraft('cv-99-draft', 'Công văn hướng dẫn chưa ban hành', {
      documentNumber: '99/UBND-VX', documentType: 'cong-van', issuingBody: SOC_TRANG, relations: [{ type: 'implements', itemId: 'qd-45' }],
    }));
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it.each(['45/2024/QĐ-UBND', '45/2024/QD-UBND', '45 2024 QĐ UBND', '45/2024/qđ-ubnd', '452024qdubnd', 'quyết định số 45/2024/QĐ-UBND'])(
    'finds the decision first by "%s"',
    async (q) => {
      expect((await findPublic(q)).hits[0]?.id).toBe('qd-45');
    },
  );

  it('counts the library facets over what the public may see', async () => {
    const result = await findPublic('', { kind: ['legal-document'] });
    expect(result.total).toBe(2);
    expect(result.facets).toEqual({ documentType: { 'quyet-dinh': 1, 'ke-hoach': 1 }, issuer: { [SOC_TRANG]: 2 }, legalStatus: { 'in-force': 2 } });
    const staff = await searchArchive(archive, { q: '', filters: { kind: ['legal-document'] }, facets: ['documentType'] }, SYSTEM);
    expect(staff.facets.documentType).toEqual({ 'quyet-dinh': 1, 'ke-hoach': 1, 'cong-van': 1 });
  });

  it('shows the plan as implementing the decision, and the decision as implemented by the plan only', async () => {
    const decision = await itemAs('qd-45');
    expect(decision.library?.legal?.documentNumber).toBe('45/2024/QĐ-UBND');
    expect(decision.legalLinks).toEqual([{ type: 'implements', direction: 'inverse', itemId: 'kh-12', documentNumber: '12/KH-UBND', title: [{ lang: 'vi', value: 'Kế hoạch tổ chức lễ hội Ok Om Bok năm 2024' }] }]);
    expect(JSON.stringify(decision)).not.toContain('cv-99-draft');
    expect(JSON.stringify(decision)).not.toContain('99/UBND-VX');
    const plan = await itemAs('kh-12');
    expect(plan.legalLinks).toEqual([{ type: 'implements', direction: 'forward', itemId: 'qd-45', documentNumber: '45/2024/QĐ-UBND', title: [{ lang: 'vi', value: 'Quyết định hỗ trợ tổ chức lễ hội Ok Om Bok' }] }]);
  });

  it('refuses a relation to a record that does not exist, and a wrong ISBN, naming the field', async () => {
    const dangling = legalDraft('kh-13', 'Kế hoạch', { documentNumber: '13/KH-UBND', documentType: 'ke-hoach', issuingBody: SOC_TRANG, relations: [{ type: 'implements', itemId: 'no-such-record' }] });
    const refused = await archive.workspace.create(archivist, dangling).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RecordValidationError);
    expect((refused as RecordValidationError).problems).toEqual([{ path: '/library/legal/relations/0/itemId', code: 'record-not-found', message: 'no record has the id no-such-record' }]);
    const book: RecordDraft = { id: 'sach-1', kind: 'book', ethnicGroups: [], title: [{ lang: 'vi', value: 'Sách' }], access: { level: 'public' }, library: { identifiers: [{ scheme: 'isbn', value: '978-604-0-12345-0' }] } };
    const wrong = await archive.workspace.create(archivist, book).catch((error: unknown) => error);
    expect((wrong as RecordValidationError).problems.map((problem) => problem.path)).toEqual(['/library/identifiers/0/value']);
    expect((wrong as RecordValidationError).message).toContain('wrong check digit');
  });
});
