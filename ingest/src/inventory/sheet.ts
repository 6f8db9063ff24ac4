import { Value } from 'typebox/value';
import { ELEMENT_CATEGORIES, ItemInput, RECOGNITION_LISTS, VIABILITY_LEVELS, type SheetPreviewRow, type SheetRow } from '@disan/schemas';
import { canEditRecord, type Viewer } from '../access/index.ts';
import { canonicalJson } from '../catalog/validate.ts';
import { slugify } from '../registration/slug.ts';
import type { SheetHead } from '../workspace/sheets/heads.ts';
import type { RecordPlan, SheetPlan } from '../workspace/sheets/plan.ts';
import type { SheetTable } from '../workspace/sheets/table.ts';
import { parseSeason } from './season.ts';

/**
 * A province's list of heritage elements as a sheet (issue 15): one row per element, in the
 * columns a provincial list has (name in Vietnamese and in the community's script, category,
 * ethnic groups, provinces, localities, season as written, recognition, viability, sources,
 * inventory number). It is told from the metadata sheet by its columns (name_vi and category,
 * no file) and goes through the same preview and import: new elements are drafts for review.
 */
export const isElementSheet = (columns: readonly string[]): boolean => columns.includes('name_vi') && columns.includes('category') && !columns.includes('file');

const list = (cell: string | undefined, separator: string | RegExp = ';'): string[] => (cell ?? '').split(separator).map((part) => part.trim()).filter((part) => part !== '');
const fold = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();

/** The categories as provinces' lists write them in Vietnamese (the Law on Cultural Heritage's wording), folded. */
const CATEGORY_WORDS: Record<string, (typeof ELEMENT_CATEGORIES)[number]> = {
  'le hoi': 'festival', 'le hoi truyen thong': 'festival', 'tap quan xa hoi': 'custom', 'phong tuc': 'custom', 'nghi le': 'ritual', 'tin nguong': 'belief',
  'nghe thuat trinh dien dan gian': 'performing-art', 'nghe thuat trinh dien': 'performing-art', 'nghe thu cong truyen thong': 'craft', 'nghe thu cong': 'craft',
  'san pham truyen thong': 'traditional-product', 'am thuc': 'cuisine', 'tri thuc dan gian': 'folk-knowledge', 'ngu van dan gian': 'folk-literature',
  'tieng noi, chu viet': 'language', 'tieng noi chu viet': 'language', 'dia diem': 'place', 'di tich': 'place',
};
const VIABILITY_WORDS: Record<string, (typeof VIABILITY_LEVELS)[number]> = {
  'phat trien manh': 'thriving', 'on dinh': 'stable', 'de bi ton thuong': 'vulnerable', 'co nguy co mai mot': 'endangered', 'nguy co mai mot nghiem trong': 'critically-endangered', 'khong con thuc hanh': 'dormant',
};

/** A code as written, or the Vietnamese words for it, or null. */
function codeOf<C extends string>(cell: string, codes: readonly C[], words: Record<string, C>): C | null {
  const folded = fold(cell);
  return (codes as readonly string[]).includes(folded) ? (folded as C) : (words[folded] ?? null);
}

/** The element's id: the identifier column, else made from its Vietnamese name. */
export const elementIdOf = (cells: SheetRow): string => cells.identifier || (cells.name_vi ? slugify(cells.name_vi) : '');

/** One row as an element (a draft), or everything wrong with it, each naming its column. */
export function elementRowToItem(cells: SheetRow): { item: ItemInput } | { problems: string[] } {
  const problems: string[] = [];
  const id = elementIdOf(cells);
  if (!cells.name_vi) problems.push('name_vi: fill in the element’s name in Vietnamese');
  const category = cells.category ? codeOf(cells.category, ELEMENT_CATEGORIES, CATEGORY_WORDS) : null;
  if (!category) problems.push(`category: "${cells.category ?? ''}" is not a category: write one of ${ELEMENT_CATEGORIES.join(', ')} (or its Vietnamese name, e.g. "Lễ hội truyền thống")`);
  const element: Record<string, unknown> = { category };
  const communities = list(cells.communities);
  if (communities.length > 0) element.communities = communities;
  if (cells.recognition_list || cells.recognition_decision || cells.recognition_date) {
    const listCode = fold(cells.recognition_list ?? '');
    if (!(RECOGNITION_LISTS as readonly string[]).includes(listCode)) problems.push(`recognition_list: "${cells.recognition_list ?? ''}" must be one of ${RECOGNITION_LISTS.join(', ')}`);
    element.recognition = [{ list: listCode, ...(cells.recognition_decision ? { decision: cells.recognition_decision } : {}), ...(cells.recognition_date ? { date: cells.recognition_date } : {}) }];
  }
  if (cells.viability) {
    const viability = codeOf(cells.viability, VIABILITY_LEVELS, VIABILITY_WORDS);
    if (viability) element.viability = viability;
    else problems.push(`viability: "${cells.viability}" must be one of ${VIABILITY_LEVELS.join(', ')}`);
  }
  const sources = list(cells.sources, /\s*\|\s*|\n/);
  if (sources.length > 0) element.sources = sources;
  if (cells.inventory_number) element.inventoryNumber = cells.inventory_number;

  const item: Record<string, unknown> = { id, kind: 'element', ethnicGroups: list(cells.ethnic_groups).map((code) => code.toLowerCase()), title: [{ lang: 'vi', value: cells.name_vi ?? '' }], status: 'draft', access: { level: 'public' }, element };
  const names = Object.entries(cells).filter(([column, value]) => column.startsWith('name_') && column !== 'name_vi' && value !== '');
  if (names.length > 0) item.alternativeNames = names.map(([column, value]) => ({ lang: column.slice(5), value, type: column.includes('-Latn') ? 'romanisation' : 'native' }));
  const descriptions = Object.entries(cells).filter(([column, value]) => column.startsWith('description_') && value !== '');
  if (descriptions.length > 0) item.description = descriptions.map(([column, value]) => ({ lang: column.slice(12), value }));
  const provinces = list(cells.provinces);
  const localities = list(cells.localities);
  if (localities.length > 0 && provinces.length === 0) problems.push('localities: name the province (provinces column) the localities are in');
  const places = [...localities.map((name) => ({ name, province: provinces[0]! })), ...provinces.filter((p, i) => i > 0 || localities.length === 0).map((province) => ({ name: province, province }))];
  if (places.length > 0) item.places = places;
  if (cells.season) {
    const season = parseSeason(cells.season);
    if ('error' in season) problems.push(`season: ${season.error}`);
    else item.recurrence = season.recurrence;
  }
  if (problems.length === 0) {
    for (const error of Value.Errors(ItemInput, item)) problems.push(`${columnOfPath(error.instancePath)}: ${error.message}`);
  }
  return problems.length > 0 ? { problems: [...new Set(problems)] } : { item: item as ItemInput };
}

/** The column a schema problem of an element row belongs to. */
function columnOfPath(path: string): string {
  const [, field = '', , sub = ''] = path.split('/');
  const columns: Record<string, string> = { id: 'identifier', ethnicGroups: 'ethnic_groups', title: 'name_vi', alternativeNames: 'name_<lang>', places: 'provinces/localities', recurrence: 'season', description: 'description_<lang>' };
  if (field === 'element') {
    const inner = path.split('/')[2] ?? '';
    return { recognition: `recognition_${sub || 'list'}`, inventoryNumber: 'inventory_number', viability: 'viability', sources: 'sources', communities: 'communities' }[inner] ?? 'category';
  }
  return columns[field] ?? field;
}

/**
 * The plan of an elements sheet, in the shape of the metadata sheet's (SheetPlan), so that
 * the preview and the import are the same. An element already in the archive takes the
 * sheet's fields over its own and keeps the rest (its state, access, other descriptions).
 */
export function planElementSheet(table: SheetTable, heads: ReadonlyMap<string, SheetHead>, viewer: Viewer): SheetPlan {
  const rows: SheetPreviewRow[] = table.unreadable.map(({ line, reason }) => ({ line, outcome: 'invalid', errors: [reason] }));
  const records: RecordPlan[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const id = elementIdOf(row.cells);
    const plan: RecordPlan = { id, lines: [row.line], outcome: 'invalid', errors: [], steps: [], files: [] };
    const earlier = seen.get(id);
    if (earlier !== undefined) plan.errors.push(`identifier: the element ${id} is already on row ${earlier}`);
    else if (id !== '') seen.set(id, row.line);
    const built = elementRowToItem(row.cells);
    if ('problems' in built) plan.errors.push(...built.problems);
    else if (plan.errors.length === 0) {
      const head = heads.get(id);
      if (!head) {
        plan.item = built.item;
        plan.outcome = 'new';
      } else {
        const { status: _status, access: _access, ...fields } = built.item;
        const merged: ItemInput = { ...head.item, ...fields };
        plan.headVersion = head.version;
        plan.item = merged;
        plan.outcome = canonicalJson(merged) === canonicalJson(head.item) ? 'unchanged' : 'changed';
        if (head.item.kind !== 'element') plan.errors.push(`identifier: ${id} is a "${head.item.kind}" in the archive, not an inventory element`);
        if (plan.outcome === 'changed' && !canEditRecord(viewer, { status: head.state })) plan.errors.push(`the record is ${head.state}: you may not change it now`);
      }
    }
    if (plan.errors.length > 0) plan.outcome = 'invalid';
    records.push(plan);
    rows.push({ line: row.line, ...(id ? { itemId: id } : {}), outcome: plan.outcome, errors: plan.errors });
  }
  rows.sort((a, b) => a.line - b.line);
  const valid = records.filter((plan) => plan.outcome !== 'invalid');
  return { records: valid, preview: { rows, records: records.length, invalid: rows.filter((row) => row.outcome === 'invalid').length, files: [] } };
}
