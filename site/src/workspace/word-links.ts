import { LinkSuggestions } from '@disan/schemas';
import { ApiNotFoundError, ApiRefusal } from '../api/errors.ts';
import type { EditorClient } from '../api/workspace-client.ts';
import { draftOf } from './conflict.ts';

/**
 * Links between words and the records that show them (issue 14). The link is kept on the
 * entry (`entry.records`): on a word's editor, the records ticked among the suggestions are
 * added to it by the editor's own save; on any other record's editor, each word ticked
 * ("words in this record") is saved with this record added to its links.
 */

/** The suggestions for a record or word, or null when the API cannot give them (the panel then says so). */
export async function suggestionsFor(client: Pick<EditorClient, 'wordLinks'>, id: string): Promise<LinkSuggestions | null> {
  try {
    return await client.wordLinks(id);
  } catch (error) {
    if (error instanceof ApiRefusal || error instanceof ApiNotFoundError) return null;
    throw error;
  }
}

/** What linking words to a record did: the entries now linked, and those that could not be (gone, not words, refused, changed meanwhile). */
export interface LinkOutcome {
  linked: string[];
  failed: string[];
}

/**
 * Adds `recordId` to the links of each entry, each saved as its own new version with
 * If-Match of the version just read; an entry that already names the record is left alone.
 */
export async function linkWordsToRecord(client: Pick<EditorClient, 'record' | 'saveRecord'>, recordId: string, entryIds: readonly string[], note: string): Promise<LinkOutcome> {
  const outcome: LinkOutcome = { linked: [], failed: [] };
  for (const entryId of new Set(entryIds)) {
    try {
      const current = await client.record(entryId);
      const draft = draftOf(current);
      if (draft.kind !== 'word' || !draft.entry) {
        outcome.failed.push(entryId);
        continue;
      }
      const records = draft.entry.records ?? [];
      if (records.includes(recordId)) {
        outcome.linked.push(entryId);
        continue;
      }
      const saved = await client.saveRecord(entryId, current.version, { item: { ...draft, entry: { ...draft.entry, records: [...records, recordId] } }, note });
      ('saved' in saved ? outcome.linked : outcome.failed).push(entryId);
    } catch (error) {
      if (!(error instanceof ApiRefusal || error instanceof ApiNotFoundError)) throw error;
      outcome.failed.push(entryId);
    }
  }
  return outcome;
}
