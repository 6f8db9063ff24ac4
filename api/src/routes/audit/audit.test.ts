import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@disan/schemas';
import { addAccount, signIn, type SignedIn } from '../../../../tests/support/accounts.ts';
import { apiFixture, HIDDEN, HIDDEN_COLLECTIONS, OPERATOR, type ApiFixture } from '../../../../tests/support/api-fixture.ts';

const COMMUNITY = 'khmer-soc-trang';

describe('the audit trail through the API', () => {
  let f: ApiFixture;
  let admin: SignedIn;
  let member: SignedIn;
  let archivist: SignedIn;

  beforeAll(async () => {
    f = await apiFixture();
    await f.archive.accounts.communities.create({ id: COMMUNITY, name: 'Khmer Sóc Trăng' }, { id: 'cli' });
    await addAccount(f.archive, { email: 'admin@example.org', roles: ['admin'] });
    await addAccount(f.archive, { email: 'member@example.org', memberships: [{ community: COMMUNITY, steward: false }] });
    await addAccount(f.archive, { email: 'archivist@example.org', roles: ['archivist'] });
    [admin, member, archivist] = [await signIn(f.app, 'admin@example.org'), await signIn(f.app, 'member@example.org'), await signIn(f.app, 'archivist@example.org')];
  });
  afterAll(async () => {
    await f.close();
  });

  const reads = async (action: string) => (await f.archive.catalog.audit.list({ action, limit: 500 })).entries;

  describe('reads of restricted material', () => {
    it('writes a community record read by a member, with the viewer, the address and the request id', async () => {
      const response = await f.app.inject({ url: '/api/items/cong-dong', headers: member.reads });
      expect(response.statusCode).toBe(200);
      const entry = (await reads('record.read')).find((e) => e.requestId === response.headers['x-request-id']);
      expect(entry).toMatchObject({ actor: member.account.id, target: 'cong-dong', address: '127.0.0.1' });
    });

    it('writes nothing for a public record, nor for a refused read', async () => {
      const before = (await reads('record.read')).length;
      expect((await f.app.inject({ url: '/api/items/ok-om-bok', headers: member.reads })).statusCode).toBe(200);
      expect((await f.app.inject({ url: '/api/items/ok-om-bok' })).statusCode).toBe(200);
      expect((await f.app.inject({ url: '/api/items/cong-dong' })).statusCode).toBe(404);
      expect((await reads('record.read')).length).toBe(before);
    });

    it('writes a draft read by an archivist and by the operator', async () => {
      const byArchivist = await f.app.inject({ url: '/api/items/ban-nhap', headers: archivist.reads });
      const byOperator = await f.app.inject({ url: '/api/items/ban-nhap', headers: OPERATOR });
      const entries = await reads('record.read');
      expect(entries.find((e) => e.requestId === byArchivist.headers['x-request-id'])?.actor).toBe(archivist.account.id);
      expect(entries.find((e) => e.requestId === byOperator.headers['x-request-id'])?.actor).toBe('operator');
    });

    it('writes each GET of a restricted medium’s file and text, not a HEAD nor a 304, and nothing for a public medium', async () => {
      const mediaId = await f.mediaOf('cong-dong');
      const file = await f.app.inject({ url: `/api/media/${mediaId}/thumb`, headers: member.reads });
      expect(file.statusCode).toBe(200);
      const text = await f.app.inject({ url: `/api/media/${mediaId}/text`, headers: member.reads });
      expect(text.statusCode).toBe(200);
      const before = (await reads('media.read')).length;
      await f.app.inject({ method: 'HEAD', url: `/api/media/${mediaId}/thumb`, headers: member.reads });
      expect((await f.app.inject({ url: `/api/media/${mediaId}/thumb`, headers: { ...member.reads, 'if-none-match': String(file.headers.etag) } })).statusCode).toBe(304);
      await f.app.inject({ url: `/api/media/${await f.mediaOf('ok-om-bok')}/thumb`, headers: member.reads });
      const entries = await reads('media.read');
      expect(entries.length).toBe(before);
      expect(entries.find((e) => e.requestId === file.headers['x-request-id'])).toMatchObject({ actor: member.account.id, target: mediaId, details: { rendition: 'thumb', bytes: 'all' } });
      expect(entries.find((e) => e.requestId === text.headers['x-request-id'])).toMatchObject({ target: mediaId, details: { text: true } });
    });
  });

  describe('GET /api/audit and /api/audit.csv', () => {
    it('lists entries for admins, filtered by person, action family and day', async () => {
      const day = new Date().toISOString().slice(0, 10);
      const response = await f.app.inject({ url: `/api/audit?actor=${member.account.id}&action=auth.*&from=${day}&to=${day}`, headers: admin.reads });
      expect(response.statusCode).toBe(200);
      const { entries, total } = response.json<{ entries: AuditEntry[]; total: number }>();
      expect(total).toBeGreaterThanOrEqual(1);
      expect(entries.every((e) => e.actor === member.account.id && e.action.startsWith('auth.'))).toBe(true);
      expect(response.headers['cache-control']).toBe('private, no-store');
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect((await f.app.inject({ url: `/api/audit?from=${yesterday}&to=${yesterday}`, headers: admin.reads })).json<{ total: number }>().total).toBe(0);
    });

    it('is no door for anyone but admins', async () => {
      for (const headers of [{}, member.reads, archivist.reads]) {
        expect((await f.app.inject({ url: '/api/audit', headers })).statusCode).toBe(404);
        expect((await f.app.inject({ url: '/api/audit.csv', headers })).statusCode).toBe(404);
      }
    });

    it('exports CSV as a download, with a cell typed as a formula neutralised', async () => {
      const typed = '=1+2@example.org';
      expect((await f.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: typed, password: 'any password at all' } })).statusCode).toBe(401);
      const response = await f.app.inject({ url: '/api/audit.csv?action=auth.sign-in-failed', headers: admin.reads });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="disan-audit-\d{4}-\d\d-\d\d\.csv"$/);
      expect(response.body.split('\n')[0]).toMatch(/^id,at,actor,action,target/);
      expect(response.body).toContain(`'${typed}`);
      expect(response.body).not.toMatch(/(^|,)=1\+2/m);
    });
  });

  describe('caching for people signed in', () => {
    /** The hidden records and collections an item answer names (related items, collections): staff see some, the public none. */
    const hiddenIn = (body: string) => {
      const view = JSON.parse(body) as { collections: { id: string }[]; related: { id: string }[] };
      const hidden = new Set<string>([...HIDDEN, ...HIDDEN_COLLECTIONS]);
      return [...view.collections, ...view.related].map((x) => x.id).filter((id) => hidden.has(id));
    };

    it('answers a signed-in viewer private, no-store, and never serves their answer to the public or the public’s to them', async () => {
      const staff = await f.app.inject({ url: '/api/items/ok-om-bok', headers: archivist.reads });
      const visitor = await f.app.inject({ url: '/api/items/ok-om-bok' });
      expect(staff.headers['cache-control']).toBe('private, no-store');
      expect(hiddenIn(staff.body)).not.toEqual([]);
      expect(hiddenIn(visitor.body)).toEqual([]);
      expect(visitor.headers['cache-control'] ?? '').not.toMatch(/private/);
      // The other way round: the public first fills the cache, then the archivist reads through it.
      const publicFirst = await f.app.inject({ url: '/api/items/chol-chnam-thmay' });
      const staffAfter = await f.app.inject({ url: '/api/items/chol-chnam-thmay', headers: archivist.reads });
      expect(hiddenIn(publicFirst.body)).toEqual([]);
      expect(hiddenIn(staffAfter.body)).not.toEqual([]);
      for (const response of [staff, visitor, staffAfter]) expect(String(response.headers.vary)).toMatch(/Authorization, Cookie/);
    });
  });
});
