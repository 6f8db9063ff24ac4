import { Collection, type Collection as CollectionShape } from '@disan/schemas';
import type { FormErrors } from '../forms/form.ts';
import { applyIntent, blankForm, parseIntent, readRows, type EditorForm, type FormFields, type TextRow } from './record-form.ts';
import { validateCandidate } from './validate.ts';

/**
 * The collection editor's form: the same multilingual rows and errors as the record
 * editor's, judged by the Collection schema the API validates with.
 */
export interface CollectionForm {
  id: string;
  title: TextRow[];
  description: TextRow[];
  ethnicGroups: string[];
  status: string;
  access: EditorForm['access'];
  /** `collection`, or `word-list`: a curated, ordered list of dictionary entries (issue 14). */
  type: string;
}

export function blankCollection(lang: string): CollectionForm {
  const blank = blankForm(lang);
  return { id: '', title: blank.title, description: [], ethnicGroups: [], status: 'draft', access: blank.access, type: 'collection' };
}

export function collectionFormOf(collection: CollectionShape): CollectionForm {
  return {
    id: collection.id,
    title: collection.title.map((t) => ({ ...t })),
    description: (collection.description ?? []).map((t) => ({ ...t })),
    ethnicGroups: [...(collection.ethnicGroups ?? [])],
    status: collection.status,
    access: { level: collection.access.level, communities: (collection.access.communities ?? []).join(', '), embargoUntil: collection.access.embargoUntil ?? '' },
    type: collection.type ?? 'collection',
  };
}

export function readCollectionForm(form: FormFields): CollectionForm {
  return {
    id: form.text('id'),
    title: readRows(form, 'title'),
    description: readRows(form, 'description'),
    ethnicGroups: form.all('ethnicGroups'),
    status: form.text('status'),
    access: { level: form.text('access[level]'), communities: form.text('access[communities]'), embargoUntil: form.text('access[embargoUntil]') },
    type: form.text('type') || 'collection',
  };
}

/** "Add a language" and "remove row" for the collection's title and description. */
export function applyCollectionIntent(form: CollectionForm, value: string): CollectionForm | null {
  const intent = parseIntent(value);
  if (intent.kind === 'save') return null;
  if (intent.group !== 'title' && intent.group !== 'description') return form;
  const changed = applyIntent({ ...blankForm(''), title: form.title, description: form.description }, intent);
  return { ...form, title: changed.title, description: changed.description };
}

const filled = (rows: readonly TextRow[]) => rows.map((row, index) => ({ row, index })).filter(({ row }) => row.lang !== '' || row.value !== '');
const list = (text: string): string[] => text.split(/[\s,;]+/).filter((s) => s !== '');

/**
 * The collection to send, keeping what this form does not edit (cover, order) from the
 * collection as it is; or the errors beside their fields.
 * @example judgeCollection({ ...blankCollection('vi'), id: 'x' }) // { errors: { 'title-0-value': … } }
 */
export function judgeCollection(form: CollectionForm, current?: CollectionShape): { collection: CollectionShape } | { errors: FormErrors } {
  const title = filled(form.title);
  const description = filled(form.description);
  const communities = list(form.access.communities);
  const draft: Record<string, unknown> = {
    id: form.id,
    title: title.map(({ row }) => row),
    ...(description.length > 0 ? { description: description.map(({ row }) => row) } : {}),
    ...(form.ethnicGroups.length > 0 ? { ethnicGroups: form.ethnicGroups } : {}),
    status: form.status,
    access: { level: form.access.level, ...(communities.length > 0 ? { communities } : {}), ...(form.access.embargoUntil === '' ? {} : { embargoUntil: form.access.embargoUntil }) },
    // A plain collection stays without the field unless it had one, so describing it again changes nothing else.
    ...(form.type !== 'collection' || current?.type !== undefined ? { type: form.type } : {}),
    ...(current?.cover ? { cover: current.cover } : {}),
    ...(current?.itemOrder ? { itemOrder: current.itemOrder } : {}),
  };
  const errors = validateCandidate({ draft, rows: { title: title.map((e) => e.index), description: description.map((e) => e.index) } }, Collection);
  return Object.keys(errors).length > 0 ? { errors } : { collection: draft as CollectionShape };
}

/**
 * The items in the order asked: each item's typed position (`order[<id>]`), ties and
 * blanks keeping their place.
 * @example orderFrom(['a', 'b', 'c'], (id) => ({ a: '3', b: '1', c: '' })[id] ?? '') // ['b', 'a', 'c']
 */
export function orderFrom(ids: readonly string[], position: (id: string) => string): string[] {
  return ids
    .map((id, index) => {
      const typed = Number(position(id));
      return { id, key: position(id) !== '' && Number.isFinite(typed) ? typed : index + 1, index };
    })
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((e) => e.id);
}
