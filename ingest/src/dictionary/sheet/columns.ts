import { HEADWORD_SCRIPTS, ROMANISATION_SYSTEMS, ENTRY_RELATIONS } from '@disan/schemas';

/**
 * The columns of a dictionary sheet (CSV or XLSX), one row per entry, lower-case as
 * `disan ingest --sheet` reads them. Repeated things are numbered (`sense2_gloss_vi`,
 * `sense1_example2_text`, `recording1_speaker`); a text per language ends in its tag
 * (`sense1_definition_en`); lists of codes, ids and glosses are joined with "; ".
 *
 * id, status, language, dialect, headword_<script> (khmr hant hans cham latn),
 * romanisation_<system>, ipa, part_of_speech,
 * sense<N>_gloss_<lang>, sense<N>_definition_<lang>, sense<N>_domains,
 * sense<N>_example<M>_text | _romanisation | _source | _translation_<lang>,
 * relations_<type> (synonym variant compound-of see-also: `id`, `id (headword)` or `(headword)`),
 * etymology_<lang>, usage_<lang>, sources, records,
 * access_level, access_communities, access_embargo_until,
 * recording<N>_file | _caption | _speaker | _consent (given, not-given) | _consent_date |
 * _consent_method | _consent_note | _locality | _dialect | _recorded_on | _generated (true, false) |
 * _access_level | _access_communities | _access_embargo_until
 */
export const LIST_SEPARATOR = '; ';

export const ENTRY_FIELDS = ['id', 'status', 'language', 'dialect'] as const;
export const headwordColumn = (script: string) => `headword_${script.toLowerCase()}`;
export const romanisationColumn = (system: string) => `romanisation_${system}`;
export const relationColumn = (type: string) => `relations_${type}`;
export const RECORDING_FIELDS = ['file', 'caption', 'speaker', 'consent', 'consent_date', 'consent_method', 'consent_note', 'locality', 'dialect', 'recorded_on', 'generated', 'access_level', 'access_communities', 'access_embargo_until'] as const;
export type RecordingField = (typeof RECORDING_FIELDS)[number];

/** Languages first in every multilingual group of columns: the archive's own two, then the rest alphabetically. */
const FIRST_LANGUAGES = ['vi', 'en'];
const byLanguage = (a: string, b: string) => {
  const rank = (lang: string) => (FIRST_LANGUAGES.includes(lang) ? FIRST_LANGUAGES.indexOf(lang) : FIRST_LANGUAGES.length);
  return rank(a) - rank(b) || a.localeCompare(b);
};

/**
 * The columns a set of rows needs, in a fixed order (the order above, numbers ascending,
 * languages vi, en then the rest): the same entries always make the same header.
 */
export function orderColumns(present: Iterable<string>): string[] {
  const keys = [...new Set(present)];
  return keys.map((key) => ({ key, rank: rankOf(key) })).sort((a, b) => compareRanks(a.rank, b.rank) || byLanguage(a.key, b.key)).map(({ key }) => key);
}

type Rank = (number | string)[];

function compareRanks(a: Rank, b: Rank): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return byLanguage(String(x), String(y));
  }
  return 0;
}

const SENSE_PARTS = ['gloss', 'definition', 'domains', 'example'];
const EXAMPLE_PARTS = ['text', 'romanisation', 'translation', 'source'];
const TAIL = ['etymology', 'usage', 'sources', 'records', 'access_level', 'access_communities', 'access_embargo_until'];

/** Where a column sorts: groups in order, then its numbers and its language. */
function rankOf(key: string): Rank {
  const fixed = (ENTRY_FIELDS as readonly string[]).indexOf(key);
  if (fixed >= 0) return [0, fixed];
  if (key.startsWith('headword_')) return [1, (HEADWORD_SCRIPTS as readonly string[]).map((s) => s.toLowerCase()).indexOf(key.slice(9))];
  if (key.startsWith('romanisation_')) return [2, (ROMANISATION_SYSTEMS as readonly string[]).indexOf(key.slice(13))];
  if (key === 'ipa') return [3];
  if (key === 'part_of_speech') return [4];
  const example = /^sense(\d+)_example(\d+)_([a-z]+)(?:_(.+))?$/.exec(key);
  if (example) return [5, Number(example[1]), SENSE_PARTS.indexOf('example'), Number(example[2]), EXAMPLE_PARTS.indexOf(example[3]!), example[4] ?? ''];
  const sense = /^sense(\d+)_([a-z]+)(?:_(.+))?$/.exec(key);
  if (sense) return [5, Number(sense[1]), SENSE_PARTS.indexOf(sense[2]!), sense[3] ?? ''];
  if (key.startsWith('relations_')) return [6, (ENTRY_RELATIONS as readonly string[]).indexOf(key.slice(10))];
  const tail = TAIL.findIndex((name) => key === name || key.startsWith(`${name}_`));
  if (tail >= 0 && (TAIL[tail]!.startsWith('access') || ['sources', 'records'].includes(TAIL[tail]!))) return [7, tail];
  if (tail >= 0) return [7, tail, key.slice(TAIL[tail]!.length + 1)];
  const recording = /^recording(\d+)_(.+)$/.exec(key);
  if (recording) return [8, Number(recording[1]), (RECORDING_FIELDS as readonly string[]).indexOf(recording[2]!)];
  return [9, key];
}
