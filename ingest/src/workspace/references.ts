import type { RecordDraft } from '@disan/schemas';
import { RecordValidationError } from '../catalog/validate.ts';
import type { Sql } from '../database/database.ts';
import { elementLinkProblems } from '../inventory/links.ts';
import { libraryReferences } from '../library/validate.ts';

/**
 * Refuses a draft whose library description points to records that do not exist (a
 * relation's itemId, an issue's periodical), or that names as documented elements records
 * that are missing or not inventory elements: a mistyped id would otherwise show as a
 * dead link. Any record counts, draft or published; a withdrawn (deleted) one does not.
 */
export async function assertReferencesExist(sql: Sql, draft: RecordDraft): Promise<void> {
  const problems: { path: string; code: string; message: string }[] = await elementLinkProblems(sql, draft);
  const references = libraryReferences(draft.library);
  if (references.length > 0) {
    const rows = await sql.query(`SELECT id FROM items WHERE id = ANY($1::text[]) AND deleted_at IS NULL`, [[...new Set(references.map((reference) => reference.id))]]);
    const found = new Set(rows.map((row) => String(row.id)));
    problems.push(...references.filter((reference) => !found.has(reference.id)).map((reference) => ({ path: reference.path, code: 'record-not-found', message: `no record has the id ${reference.id}` })));
  }
  if (problems.length > 0) throw new RecordValidationError('record', problems);
}
