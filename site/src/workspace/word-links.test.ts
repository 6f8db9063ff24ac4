import type { SaveRecordBody, WorkspaceRecord } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { ApiNotFoundError } from '../api/errors.ts';
import type { EditorClient, SaveOutcome } from '../api/workspace-client.ts';
import { readEditorForm, type FormFields } from './record-form.ts';
import { linkWordsToRecord, suggestionsFor } from './word-links.ts';

/** A head as the workspace API gives it (only what linking reads and writes). */
const head = (id: string, kind: string, records?: string[]): WorkspaceRecord =>
  ({
    item: { id, kind, status: 'draft', ethnicGroups: ['khmer'], title: [{ lang: 'km', value: id }], access: { level: 'public' }, ...(kind === 'word' ? { entry: { language: 'km', headwords: [{ value: id, script: 'Khmr' }], senses: [{ glosses: [{ lang: 'vi', value: 'ghe' }] }], ...(records ? { records } : {}) } } : {}) },
    version: 3,
  }) as unknown as WorkspaceRecord;

/** A workspace holding some heads in memory, saving as the API does: a stale version is a conflict. */
function workspace(heads: WorkspaceRecord[]): Pick<EditorClient, 'record' | 'saveRecord'> & { saves: { id: string; version: number; body: SaveRecordBody }[] } {
  const byId = new Map(heads.map((h) => [h.item.id, h]));
  const saves: { id: string; version: number; body: SaveRecordBody }[] = [];
  return {
    saves,
    record: (id) => {
      const found = byId.get(id);
      return found ? Promise.resolve(found) : Promise.reject(new ApiNotFoundError(`/api/workspace/records/${id}`));
    },
    saveRecord: (id, version, body): Promise<SaveOutcome> => {
      saves.push({ id, version, body });
      const found = byId.get(id);
      if (!found || found.version !== version) return Promise.resolve({ conflict: found ?? head(id, 'word') });
      return Promise.resolve({ saved: { ...found, item: { ...found.item, ...body.item }, version: version + 1 } });
    },
  };
}

describe('linking words and records', () => {
  it('saves each word ticked with the record added to its links, with If-Match of the version read', async () => {
    const ws = workspace([head('tuk-ngo', 'word', ['ok-om-bok']), head('ngo', 'word')]);
    const outcome = await linkWordsToRecord(ws, 'dua-ghe-ngo', ['tuk-ngo', 'ngo', 'tuk-ngo'], 'linked');
    expect(outcome).toEqual({ linked: ['tuk-ngo', 'ngo'], failed: [] });
    expect(ws.saves.map((s) => [s.id, s.version, s.body.item.entry?.records, s.body.note])).toEqual([
      ['tuk-ngo', 3, ['ok-om-bok', 'dua-ghe-ngo'], 'linked'],
      ['ngo', 3, ['dua-ghe-ngo'], 'linked'],
    ]);
  });

  it('leaves a word that already names the record alone, and reports what is gone or not a word', async () => {
    const ws = workspace([head('tuk-ngo', 'word', ['dua-ghe-ngo']), head('ok-om-bok', 'festival')]);
    expect(await linkWordsToRecord(ws, 'dua-ghe-ngo', ['tuk-ngo', 'ok-om-bok', 'gone'], 'linked')).toEqual({ linked: ['tuk-ngo'], failed: ['ok-om-bok', 'gone'] });
    expect(ws.saves).toEqual([]);
  });

  it('says suggestions are unavailable when the API has no such route yet', async () => {
    expect(await suggestionsFor({ wordLinks: () => Promise.reject(new ApiNotFoundError('/x')) }, 'tuk-ngo')).toBeNull();
  });

  it('adds the records ticked on a word\'s editor to those typed', () => {
    const entries: [string, string][] = [
      ['kind', 'word'],
      ['entry[records]', 'ok-om-bok, dua-ghe-ngo'],
      ['linkRecords', 'dua-ghe-ngo'],
      ['linkRecords', 'chol-chnam-thmay'],
    ];
    const all = (name: string) => entries.filter(([n]) => n === name).map(([, v]) => v);
    const posted: FormFields = { raw: (n) => all(n)[0] ?? '', text: (n) => (all(n)[0] ?? '').trim(), all, has: (n) => all(n).length > 0 };
    expect(readEditorForm(posted).entry.records).toBe('ok-om-bok, dua-ghe-ngo, chol-chnam-thmay');
  });
});
