import type { InventoryElement, SpeakerConsent } from '@disan/schemas';
import type { FormFields, TextRow } from './record-form.ts';

/**
 * The inventory section of the record editor (issue 15): an element's block as posted
 * (`element[category]`, `element[bearers][0][name]`...), each value as typed. Bearers,
 * recognitions and viability notes are rows: the form always shows one blank row after
 * those filled in, so without JavaScript a person adds one by filling it and saving.
 * Communities and sources are one per line. A record's `elements` (the elements it
 * documents) is a list of ids typed or picked from the suggestions.
 */
export interface BearerRow {
  name: string;
  role: string;
  locality: string;
  consentGiven: boolean;
  consentDate: string;
  consentMethod: string;
}
export interface RecognitionRow {
  list: string;
  decision: string;
  date: string;
  note: string;
}
export interface ElementFields {
  category: string;
  /** One community per line. */
  communities: string;
  viability: string;
  viabilityNotes: TextRow[];
  /** One source per line. */
  sources: string;
  inventoryNumber: string;
  bearers: BearerRow[];
  recognition: RecognitionRow[];
}

/** How a bearer's consent was given: the schema's choices (SpeakerConsent.method), checked against it by the compiler. */
export const CONSENT_METHODS = ['written', 'oral-recorded', 'oral-witnessed', 'guardian'] as const satisfies readonly NonNullable<SpeakerConsent['method']>[];

const ROWS = { bearers: 100, recognition: 10, viabilityNotes: 64 } as const;
type ElementRowGroup = keyof typeof ROWS;
const BEARER_FIELDS = ['name', 'role', 'locality', 'consentGiven', 'consentDate', 'consentMethod'] as const;
const RECOGNITION_FIELDS = ['list', 'decision', 'date', 'note'] as const;
const NOTE_FIELDS = ['lang', 'value'] as const;

/**
 * The posted name of an element field, or of a field of one of its rows.
 * @example elementName('category') // 'element[category]'
 * @example elementName('bearers', 0, 'name') // 'element[bearers][0][name]'
 */
export const elementName = (field: keyof ElementFields, index?: number, inner?: string): string =>
  index === undefined ? `element[${field}]` : `element[${field}][${index}][${inner ?? ''}]`;

export const blankBearer = (): BearerRow => ({ name: '', role: '', locality: '', consentGiven: false, consentDate: '', consentMethod: '' });
export const blankRecognition = (): RecognitionRow => ({ list: '', decision: '', date: '', note: '' });

export const blankElement = (): ElementFields => ({ category: '', communities: '', viability: '', viabilityNotes: [], sources: '', inventoryNumber: '', bearers: [], recognition: [] });

/** The block of a record as the form shows it. */
export function elementFieldsOf(element: InventoryElement | undefined): ElementFields {
  if (!element) return blankElement();
  return {
    category: element.category,
    communities: (element.communities ?? []).join('\n'),
    viability: element.viability ?? '',
    viabilityNotes: (element.viabilityNote ?? []).map((n) => ({ lang: n.lang, value: n.value })),
    sources: (element.sources ?? []).join('\n'),
    inventoryNumber: element.inventoryNumber ?? '',
    bearers: (element.bearers ?? []).map((b) => ({
      name: b.name,
      role: b.role ?? '',
      locality: b.locality ?? '',
      consentGiven: b.consent.given,
      consentDate: b.consent.date ?? '',
      consentMethod: b.consent.method ?? '',
    })),
    recognition: (element.recognition ?? []).map((r) => ({ list: r.list, decision: r.decision ?? '', date: r.date ?? '', note: r.note ?? '' })),
  };
}

function readElementRows(form: FormFields, group: ElementRowGroup, fields: readonly string[], checkboxes: readonly string[] = []): Record<string, string | boolean>[] {
  const rows: Record<string, string | boolean>[] = [];
  for (let i = 0; i < ROWS[group] + 1; i++) {
    if (!fields.some((f) => form.has(elementName(group, i, f)))) break;
    rows.push(Object.fromEntries(fields.map((f) => [f, checkboxes.includes(f) ? form.has(elementName(group, i, f)) : form.text(elementName(group, i, f))])));
  }
  return rows;
}

/** The section as posted. */
export function readElementFields(form: FormFields): ElementFields {
  return {
    category: form.text(elementName('category')),
    communities: form.raw(elementName('communities')),
    viability: form.text(elementName('viability')),
    viabilityNotes: readElementRows(form, 'viabilityNotes', NOTE_FIELDS) as unknown as TextRow[],
    sources: form.raw(elementName('sources')),
    inventoryNumber: form.text(elementName('inventoryNumber')),
    bearers: readElementRows(form, 'bearers', BEARER_FIELDS, ['consentGiven']) as unknown as BearerRow[],
    recognition: readElementRows(form, 'recognition', RECOGNITION_FIELDS) as unknown as RecognitionRow[],
  };
}

/** Lines of a text area that are not blank. */
export const linesOf = (text: string): string[] => text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');

const filled = (entries: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== ''));
const isBlankBearer = (row: BearerRow) => !row.consentGiven && Object.values(filled({ name: row.name, role: row.role, locality: row.locality, date: row.consentDate, method: row.consentMethod })).length === 0;

/**
 * The candidate element block, or undefined when the record is not an element and nothing of
 * the block was typed. An element's block always carries its category, chosen or not, so the
 * schema names it beside its input.
 */
export function elementDraft(kind: string, fields: ElementFields): Record<string, unknown> | undefined {
  const block: Record<string, unknown> = {};
  const communities = linesOf(fields.communities);
  if (communities.length > 0) block.communities = communities;
  const bearers = fields.bearers.filter((row) => !isBlankBearer(row)).map((row) => ({
    name: row.name,
    ...filled({ role: row.role, locality: row.locality }),
    consent: { given: row.consentGiven, ...filled({ date: row.consentDate, method: row.consentMethod }) },
  }));
  if (bearers.length > 0) block.bearers = bearers;
  const recognition = fields.recognition.filter((row) => Object.values(row).some((v) => v !== '')).map((row) => ({ list: row.list, ...filled({ decision: row.decision, date: row.date, note: row.note }) }));
  if (recognition.length > 0) block.recognition = recognition;
  if (fields.viability !== '') block.viability = fields.viability;
  const notes = fields.viabilityNotes.filter((row) => row.value !== '').map((row) => ({ lang: row.lang, value: row.value }));
  if (notes.length > 0) block.viabilityNote = notes;
  const sources = linesOf(fields.sources);
  if (sources.length > 0) block.sources = sources;
  if (fields.inventoryNumber !== '') block.inventoryNumber = fields.inventoryNumber;
  if (kind !== 'element' && Object.keys(block).length === 0 && fields.category === '') return undefined;
  return { category: fields.category, ...block };
}

/** The rows shown: those typed, then one blank to add another (up to the schema's limit). */
export function withBlankRow<G extends 'bearers' | 'recognition' | 'viabilityNotes'>(fields: ElementFields, group: G): ElementFields[G] {
  const rows = fields[group];
  if (rows.length >= ROWS[group]) return rows;
  const blank = group === 'bearers' ? blankBearer() : group === 'recognition' ? blankRecognition() : { lang: '', value: '' };
  return [...rows, blank] as ElementFields[G];
}

/**
 * The ids of the elements a record documents, as typed: separated by commas, spaces or lines.
 * @example elementIdsOf('ok-om-bok, sene-dolta') // ['ok-om-bok', 'sene-dolta']
 */
export const elementIdsOf = (text: string): string[] => [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ''))];
