import { RecordDraft, type Collection, type PlaceView, type WorkspaceRecord } from '@disan/schemas';
import { Value } from 'typebox/value';
import { ApiNotFoundError, ApiRefusal } from '../api/errors.ts';
import { refusalDetails, type EditorClient, type SaveOutcome } from '../api/workspace-client.ts';
import type { FormErrors, FormMessage, PostedForm } from '../forms/form.ts';
import type { Lang } from '../i18n/langs.ts';
import { draftOf, mergeDrafts, type Side } from './conflict.ts';
import { entryFormErrors } from './entry-errors.ts';
import { fieldMessage } from './library-errors.ts';
import { applyIntent, draftFromForm, EDITOR_FIELDS, formFromItem, isBlank, parseIntent, readEditorForm, type Candidate, type EditorField, type EditorForm } from './record-form.ts';
import { problemField, validateCandidate } from './validate.ts';

/** The lists an editor chooses from; a list the API cannot give yet is empty, not an error page. */
export async function editorChoices(client: EditorClient): Promise<{ provinces: PlaceView[]; collections: Collection[] }> {
  const [places, collections] = await Promise.allSettled([client.places(), client.collections()]);
  return {
    provinces: places.status === 'fulfilled' ? places.value.places : [],
    collections: collections.status === 'fulfilled' ? collections.value.collections : [],
  };
}

/**
 * A place named by a province of the catalog and given no point takes the province's
 * centre, and no name the province's: "chosen from the catalog".
 */
export function fillFromCatalog(form: EditorForm, provinces: readonly PlaceView[]): EditorForm {
  const places = form.places.map((row) => {
    const known = provinces.find((p) => p.province === row.province);
    if (!known) return row;
    const filled = { ...row, name: row.name === '' ? known.province : row.name };
    if (row.lat === '' && row.lon === '' && known.geo) return { ...filled, lat: String(known.geo.lat), lon: String(known.geo.lon) };
    return filled;
  });
  return { ...form, places };
}

/** @example slugOf('Chùa Dơi, Sóc Trăng') // 'chua-doi-soc-trang' */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/**
 * Places ticked "save in the catalog" are written there first (POST /workspace/places),
 * and the record then refers to them by id. A refusal is shown beside the place.
 */
export async function savePlaces(client: EditorClient, form: EditorForm, lang: Lang): Promise<{ form: EditorForm; errors: FormErrors }> {
  const errors: Record<string, FormMessage> = {};
  const places = await Promise.all(
    form.places.map(async (row, i) => {
      if (!row.save || row.placeId !== '' || row.name === '') return row;
      const id = slugOf(`${row.name} ${row.province}`) || `place-${Date.now()}`;
      const geo = row.lat !== '' && row.lon !== '' ? { geo: { lat: Number(row.lat), lon: Number(row.lon) } } : {};
      try {
        const place = await client.createPlace({ id, names: [{ lang, value: row.name }], ...geo, ...(row.province === '' ? {} : { province: row.province }) });
        return { ...row, placeId: place.id, save: false };
      } catch (error) {
        if (!(error instanceof ApiRefusal || error instanceof ApiNotFoundError)) throw error;
        errors[`places-${i}-name`] = { id: 'editor.error.api', values: { message: error instanceof ApiRefusal ? refusalDetails(error).join(' ') || String(error.status) : '404' } };
        return row;
      }
    }),
  );
  return { form: { ...form, places }, errors };
}

/**
 * A refusal of a save, in the editor's words (and the API's own, when it gives them).
 * Problems the API names at their fields (a wrong ISBN, a relation to no record) are
 * shown beside the input the person typed them in: `rows` maps the draft's rows to the form's.
 */
export function saveRefusal(error: ApiRefusal | ApiNotFoundError, rows: Candidate['rows'] = {}): FormErrors {
  if (error instanceof ApiNotFoundError) return { form: { id: 'form.gone' } };
  if (error.status === 409) return { id: { id: 'editor.error.exists' } };
  if (error.status === 403) return { form: { id: 'editor.error.notPermitted' } };
  if (error.fields.length > 0) {
    const errors: Record<string, FormMessage> = {};
    for (const problem of error.fields) errors[problemField({ keyword: problem.code, instancePath: problem.path, params: {} }, rows)] ??= fieldMessage(problem);
    return errors;
  }
  const details = refusalDetails(error);
  return { form: details.length > 0 ? details.map((message) => ({ id: 'editor.error.api', values: { message } }) as const) : { id: 'form.invalid' } };
}

/** What an editor page shows after a POST. */
export type EditorState =
  | { view: 'form'; form: EditorForm; errors: FormErrors; base: number; status: number }
  | { view: 'conflict'; mine: RecordDraft; theirs: WorkspaceRecord; note: string; status: number }
  | { view: 'saved'; record: WorkspaceRecord };

/** The draft judged and cleaned for the API, or the errors beside their fields. */
export function judge(form: EditorForm, id?: string): { draft: RecordDraft; rows: Candidate['rows'] } | { errors: FormErrors } {
  const candidate = draftFromForm(id === undefined ? form : { ...form, id });
  const errors = { ...validateCandidate(candidate), ...entryFormErrors(form.entry, form, isBlank) };
  if (Object.keys(errors).length > 0 || !Value.Check(RecordDraft, candidate.draft)) return { errors };
  return { draft: candidate.draft, rows: candidate.rows };
}

function outcomeState(outcome: SaveOutcome, mine: RecordDraft, note: string): EditorState {
  if ('saved' in outcome) return { view: 'saved', record: outcome.saved };
  return { view: 'conflict', mine, theirs: outcome.conflict, note, status: 409 };
}

const noteOf = (note: string): { note?: string } => (note === '' ? {} : { note });

/**
 * A posted editor form: a row added or removed (shown again, nothing saved), or a save
 * judged by the schema and, if sound, sent with If-Match of the version it started from.
 * `save` is the API call: create (no version) or update.
 */
export async function postEditor(
  posted: PostedForm,
  client: EditorClient,
  lang: Lang,
  options: { id?: string; provinces: readonly PlaceView[]; save: (body: { item: RecordDraft; note?: string }, base: number) => Promise<SaveOutcome> },
): Promise<EditorState> {
  let form = readEditorForm(posted);
  const base = Number(posted.text('baseVersion')) || 0;
  const intent = parseIntent(posted.text('intent'));
  if (intent.kind !== 'save') return { view: 'form', form: applyIntent(form, intent), errors: {}, base, status: 200 };
  form = fillFromCatalog(form, options.provinces);
  const judged = judge(form, options.id);
  if ('errors' in judged) return { view: 'form', form, errors: judged.errors, base, status: 422 };
  const placed = await savePlaces(client, form, lang);
  if (Object.keys(placed.errors).length > 0) return { view: 'form', form: placed.form, errors: placed.errors, base, status: 422 };
  const again = judge(placed.form, options.id);
  if ('errors' in again) return { view: 'form', form: placed.form, errors: again.errors, base, status: 422 };
  try {
    return outcomeState(await options.save({ item: again.draft, ...noteOf(form.note) }, base), again.draft, form.note);
  } catch (error) {
    if (!(error instanceof ApiRefusal || error instanceof ApiNotFoundError)) throw error;
    return { view: 'form', form: placed.form, errors: saveRefusal(error, again.rows), base, status: error instanceof ApiRefusal ? error.status : 404 };
  }
}

/** The side each differing field was given in the conflict view; "take all" sets every one. */
export function picksOf(posted: PostedForm, intent: string): Partial<Record<EditorField, Side>> {
  const all = intent === 'take-theirs' ? 'theirs' : intent === 'take-mine' ? 'mine' : null;
  return Object.fromEntries(EDITOR_FIELDS.map((field) => [field, all ?? (posted.text(`pick[${field}]`) === 'theirs' ? 'theirs' : 'mine')]));
}

/**
 * The conflict view's answer: the person's draft (from the hidden field, judged again),
 * merged with theirs by the choices, saved with If-Match of theirs. If someone saved yet
 * again meanwhile, the side-by-side comes back with the newest.
 */
export async function postResolution(posted: PostedForm, client: EditorClient, id: string, current: WorkspaceRecord): Promise<EditorState> {
  const intent = posted.text('intent');
  const note = posted.text('note');
  let mine: unknown;
  try {
    mine = JSON.parse(posted.raw('mine'));
  } catch {
    mine = null;
  }
  if (!Value.Check(RecordDraft, mine)) return { view: 'form', form: formOfRecord(current), errors: { form: { id: 'form.invalid' } }, base: current.version, status: 422 };
  if (Number(posted.text('theirsVersion')) !== current.version) return { view: 'conflict', mine, theirs: current, note, status: 409 };
  const merged = mergeDrafts(mine, draftOf(current), picksOf(posted, intent));
  merged.id = id;
  try {
    return outcomeState(await client.saveRecord(id, current.version, { item: merged, ...noteOf(note) }), merged, note);
  } catch (error) {
    if (!(error instanceof ApiRefusal || error instanceof ApiNotFoundError)) throw error;
    return { view: 'conflict', mine, theirs: current, note, status: error instanceof ApiRefusal ? error.status : 404 };
  }
}

/** The form showing a record's head. */
export const formOfRecord = (record: WorkspaceRecord): EditorForm => formFromItem(draftOf(record));
