import { RecordDraft } from '@disan/schemas';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { FormErrors, FormMessage } from '../forms/form.ts';
import { entryProblemField } from './entry-errors.ts';
import { libraryProblemField } from './library-errors.ts';
import { isRowGroup, type Candidate } from './record-form.ts';

/** One problem TypeBox reports (the fields the mapping reads). */
export interface SchemaProblem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Limits the messages name ("from 1 to 13"), by the last name in the path. */
const RANGES: Record<string, readonly [number, number]> = {
  lat: [-90, 90],
  lon: [-180, 180],
  month: [1, 13],
  day: [1, 31],
  durationDays: [1, 60],
  level: [1, 6],
  copies: [0, 100_000],
};

/** Pattern problems by field: each pattern has its own plain explanation. */
function patternMessage(last: string, top: string): FormMessage {
  if (last === 'lang' || last === 'language' || top === 'languages') return { id: 'editor.error.lang' };
  if (last === 'id' || last === 'agentId' || last === 'placeId' || last === 'itemId' || last === 'entryId' || last === 'records' || last === 'periodicalId' || top === 'collections') return { id: 'editor.error.id' };
  if (last === 'dateIssued' || last === 'dateInForce') return { id: 'editor.error.isoDate' };
  if (top === 'library' && last === 'source') return { id: 'libraryEditor.error.vocabulary' };
  if (top === 'date') return { id: 'editor.error.edtf' };
  if (top === 'rights') return { id: 'editor.error.rights' };
  return { id: 'editor.error.invalid' };
}

/** How many examples each sense of a candidate entry has, in the draft's order. */
function exampleCounts(draft: Record<string, unknown>): number[] {
  const entry = draft.entry as { senses?: unknown } | undefined;
  if (!entry || !Array.isArray(entry.senses)) return [];
  return (entry.senses as { examples?: unknown }[]).map((s) => (Array.isArray(s.examples) ? s.examples.length : 0));
}

/**
 * A schema problem in the editor's words (message ids of the dictionaries).
 * @example problemMessage({ keyword: 'maxLength', instancePath: '/source', params: { limit: 1000 } }) // { id: 'editor.error.tooLong', values: { max: 1000 } }
 */
export function problemMessage(problem: SchemaProblem): FormMessage {
  const segments = problem.instancePath.split('/').filter((s) => s !== '');
  const top = segments[0] ?? '';
  const last = segments.filter((s) => !/^\d+$/.test(s)).at(-1) ?? '';
  const limit = typeof problem.params.limit === 'number' ? problem.params.limit : 0;
  switch (problem.keyword) {
    case 'required':
      return { id: 'editor.error.required' };
    case 'minLength':
      return { id: 'editor.error.required' };
    case 'minItems':
      return top === 'title' ? { id: 'editor.error.titleRequired' } : { id: 'editor.error.required' };
    case 'maxLength':
      return { id: 'editor.error.tooLong', values: { max: limit } };
    case 'maxItems':
      return { id: 'editor.error.tooMany', values: { max: limit } };
    case 'pattern':
      return patternMessage(last, top);
    case 'format':
      if (problem.params.format === 'uri') return { id: 'libraryEditor.error.uri' };
      return problem.params.format === 'date' ? { id: 'editor.error.isoDate' } : { id: 'editor.error.dateTime' };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { id: 'editor.error.choice' };
    case 'type':
      return problem.params.type === 'number' || problem.params.type === 'integer' ? { id: 'editor.error.number' } : { id: 'editor.error.invalid' };
    case 'minimum':
    case 'maximum':
    case 'multipleOf': {
      const range = RANGES[last];
      if (last === 'page') return { id: 'libraryEditor.error.page' };
      return range ? { id: 'editor.error.range', values: { min: range[0], max: range[1] } } : { id: 'editor.error.invalid' };
    }
    default:
      return { id: 'editor.error.invalid' };
  }
}

/**
 * The form field a problem belongs to (its key, the input's id without `f-`): the row
 * index is the form's, not the draft's, and a place's point is its latitude and
 * longitude inputs. List fields of checkboxes or one text box (ethnic groups,
 * collections, languages, communities) take their problems as a whole.
 * @example problemField({ keyword: 'pattern', instancePath: '/title/0/lang', params: {} }, { title: [2] }) // 'title-2-lang'
 * @example problemField({ keyword: 'required', instancePath: '/places/0/geo', params: { requiredProperties: ['lon'] } }, { places: [0] }) // 'places-0-lon'
 */
export function problemField(problem: SchemaProblem, rows: Candidate['rows'], draft: Record<string, unknown> = {}): string {
  const segments = problem.instancePath.split('/').filter((s) => s !== '');
  const required: unknown = problem.params.requiredProperties;
  if (problem.keyword === 'required' && Array.isArray(required)) {
    const missing: unknown = required[0];
    if (typeof missing === 'string') segments.push(missing);
  }
  const [top = 'form', second, ...rest] = segments;
  if (top === 'ethnicGroups' || top === 'collections' || top === 'languages') return top;
  if (top === 'access') return second === 'communities' ? 'access-communities' : `access-${second ?? 'level'}`;
  if (top === 'provenance') return `provenance-${second ?? 'contributor'}`;
  if (top === 'library') return libraryProblemField(segments.slice(1), rows);
  if (top === 'entry') return entryProblemField(segments.slice(1), rows, exampleCounts(draft));
  // The element block's names mirror its paths: /element/bearers/0/name is element[bearers][0][name].
  if (top === 'element') return ['element', ...(second === undefined ? ['category'] : [second, ...rest])].join('-').replace(/-consent-(\w)/, (_m, c: string) => `-consent${c.toUpperCase()}`);
  if (top === 'elements') return 'element-ids';
  if (isRowGroup(top)) {
    if (second === undefined) return `${top}-0-${top === 'agents' || top === 'places' ? 'name' : top === 'recurrence' ? 'month' : 'value'}`;
    const index = rows[top]?.[Number(second)] ?? Number(second);
    const field = rest.filter((s) => s !== 'geo')[0] ?? (top === 'places' ? 'lat' : 'value');
    return `${top}-${index}-${field}`;
  }
  return top;
}

/**
 * Judges a candidate with the schema the API validates with, and says each problem
 * beside its field: nothing the schema refuses is sent. The first problem of a field is
 * the one shown (a value both too long and of the wrong pattern needs one fix at a time).
 */
export function validateCandidate(candidate: Candidate, schema: TSchema = RecordDraft): FormErrors {
  const errors: Record<string, FormMessage> = {};
  for (const problem of Value.Errors(schema, candidate.draft) as Iterable<SchemaProblem>) {
    // The draft is built from known fields only; a leftover key would be a bug, not the person's mistake.
    if (problem.keyword === 'additionalProperties' || problem.keyword === 'boolean') continue;
    const field = problemField(problem, candidate.rows, candidate.draft);
    errors[field] ??= problemMessage(problem);
  }
  return errors;
}
