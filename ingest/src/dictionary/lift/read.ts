import { Value } from 'typebox/value';
import { Access, isId, RecordingInfo, SENSE_DOMAINS, type DictionaryEntry, type EntryExample, type EntryRelation, type EntrySense, type Headword, type LocalizedText, type PartOfSpeech, type Romanisation, type SenseDomain } from '@disan/schemas';
import { entryProblems, idFromLift, type ExchangeRecording, type ReadEntry } from '../exchange/entry.ts';
import { UNDETERMINED } from './write.ts';
import { COMPONENT_LEXEME, domainOfDdp4, OWN, partOfSpeechOf, relationTypeOf } from './vocabulary.ts';
import { formRole, languageOf } from './writing-systems.ts';
import { attribute, child, children, formsOf, parseLift, textOf, traitsOf, type LiftNode } from './xml.ts';

/**
 * Reads a LIFT document (0.13 to 0.15, as FieldWorks, WeSay or Disan write it) into
 * entries, each on its own: a bad entry is refused with its reasons and the others read.
 * A document that is not LIFT at all is a ValidationError. `line` is the entry's position (1-based).
 */
export function readLift(xml: string): ReadEntry[] {
  const root = parseLift(xml);
  const entries = children(root, 'entry');
  // Relations name entries by their LIFT id: resolved to the item ids this import gives them.
  const ids = new Map<string, string>();
  for (const node of entries) {
    const liftId = attribute(node, 'id');
    const itemId = itemIdOf(node);
    if (liftId && itemId) ids.set(liftId, itemId);
  }
  return entries.map((node, index) => readEntry(node, index + 1, ids));
}

function itemIdOf(node: LiftNode): string | undefined {
  const own = traitsOf(node).find((trait) => trait.name === OWN.id)?.value;
  if (own && isId(own)) return own;
  return idFromLift({ guid: attribute(node, 'guid'), id: attribute(node, 'id') });
}

/** What an entry reads into while it is read: the parts, then checked as a whole. */
interface Draft {
  headwords: Headword[];
  romanisations: Romanisation[];
  ipa: string[];
  recordings: ExchangeRecording[];
  errors: string[];
  warnings: string[];
}

function readEntry(node: LiftNode, line: number, ids: ReadonlyMap<string, string>): ReadEntry {
  const result: ReadEntry = { line, errors: [], warnings: [] };
  if (attribute(node, 'dateDeleted')) {
    result.warnings.push('the entry is marked deleted in the file (dateDeleted): not imported');
    return result;
  }
  const id = itemIdOf(node);
  if (!id) {
    result.errors.push('the entry has neither a guid nor an id: nothing to know it by on the next import');
    return result;
  }
  const draft: Draft = { headwords: [], romanisations: [], ipa: [], recordings: [], errors: result.errors, warnings: result.warnings };
  const headForms = [...formsOf(child(node, 'lexical-unit')), ...formsOf(child(node, 'citation'))];
  for (const form of headForms) addForm(draft, form, 'lexical-unit');
  for (const pronunciation of children(node, 'pronunciation')) readPronunciation(draft, pronunciation);
  const language = languageOf(headForms.find((form) => formRole(form.lang).role === 'headword')?.lang ?? headForms[0]?.lang ?? '');
  if (draft.headwords.length === 0) draft.errors.push('lexical-unit: the entry has no headword (a form in a writing system of a script, such as km, zh-Hant or cjm)');

  const pos: PartOfSpeech[] = [];
  const senses = children(node, 'sense').flatMap((sense) => [sense, ...children(sense, 'subsense')]).map((sense, index) => readSense(draft, sense, index + 1, pos));
  if (senses.length === 0) draft.errors.push('sense: the entry has no sense (a gloss or a definition)');
  if (new Set(pos).size > 1) draft.warnings.push(`grammatical-info: the senses have different parts of speech (${[...new Set(pos)].join(', ')}); the entry keeps the first`);

  const entry: DictionaryEntry = {
    language,
    headwords: draft.headwords,
    senses,
    ...(draft.romanisations.length ? { romanisations: draft.romanisations } : {}),
    ...(draft.ipa.length ? { ipa: draft.ipa } : {}),
    ...(pos[0] ? { partOfSpeech: pos[0] } : {}),
  };
  readNotes(draft, node, entry);
  const relations = [...children(node, 'relation').flatMap((relation) => readRelation(draft, relation, ids)), ...children(node, 'variant').map((variant) => readVariant(variant, ids))];
  if (relations.length) entry.relations = relations;
  const etymology = children(node, 'etymology').flatMap(readEtymology);
  if (etymology.length) entry.etymology = etymology;
  const traits = traitsOf(node);
  const dialect = traits.find((trait) => trait.name === OWN.dialect)?.value;
  if (dialect) entry.dialect = dialect;
  const records = traits.filter((trait) => trait.name === OWN.record).map((trait) => trait.value);
  if (records.length) entry.records = records;
  for (const field of children(node, 'field')) draft.warnings.push(`field "${attribute(field, 'name') || attribute(field, 'type')}": not a part of Disan's entries, not imported`);

  const access = readAccess(draft, node, 'entry');
  // The schema's own wording only where the reading above found nothing plainer to say.
  if (draft.errors.length === 0) draft.errors.push(...entryProblems(entry));
  if (draft.errors.length > 0) return result;
  result.entry = {
    id,
    entry,
    recordings: draft.recordings,
    ...(access ? { access } : {}),
    ...(attribute(node, 'dateCreated') ? { created: attribute(node, 'dateCreated') } : {}),
    ...(attribute(node, 'dateModified') ? { modified: attribute(node, 'dateModified') } : {}),
  };
  return result;
}

function addForm(draft: Draft, form: { lang: string; value: string }, where: string): void {
  const role = formRole(form.lang);
  if (isAudioSystem(form.lang)) {
    draft.recordings.push({ file: audioPath(form.value) });
    return;
  }
  switch (role.role) {
    case 'headword':
      if (!draft.headwords.some((known) => known.script === role.script)) draft.headwords.push({ value: form.value, script: role.script });
      return;
    case 'romanisation':
      if (!draft.romanisations.some((known) => known.system === role.system && known.value === form.value)) draft.romanisations.push({ value: form.value, system: role.system });
      return;
    case 'ipa':
      if (!draft.ipa.includes(form.value)) draft.ipa.push(form.value);
      return;
    case 'unknown':
      draft.warnings.push(`${where}: the writing system "${form.lang}" names no script or romanisation Disan knows; the form "${form.value}" is not imported`);
  }
}

/** FieldWorks keeps a sound file's name as a form in an audio writing system (`km-Zxxx-x-audio`). */
const isAudioSystem = (lang: string) => /-zxxx-x-audio$/i.test(lang);

/** Sound files sit in `audio/` beside the LIFT file; a bare name is read from there. */
const audioPath = (href: string) => (href.includes('/') ? href.replace(/^\.\//, '') : `audio/${href}`);

function readPronunciation(draft: Draft, node: LiftNode): void {
  for (const form of formsOf(node)) addForm(draft, form, 'pronunciation');
  const info = readRecordingInfo(draft, node);
  const access = readAccess(draft, node, 'pronunciation');
  for (const media of children(node, 'media')) {
    const href = attribute(media, 'href');
    if (!href) {
      draft.errors.push('pronunciation: a <media> without href');
      continue;
    }
    const caption = formsOf(child(media, 'label'))[0]?.value;
    draft.recordings.push({ file: audioPath(decodeURI(href)), ...(caption ? { caption } : {}), ...(info ? { recording: info } : {}), ...(access ? { access } : {}) });
  }
}

function readRecordingInfo(draft: Draft, node: LiftNode): RecordingInfo | undefined {
  const traits = new Map(traitsOf(node).map((trait) => [trait.name, trait.value]));
  const speaker = traits.get(OWN.speaker);
  if (speaker === undefined) return undefined;
  const consent = traits.get(OWN.consent);
  const info = {
    speaker,
    consent: {
      given: consent === 'given',
      ...(traits.has(OWN.consentDate) ? { date: traits.get(OWN.consentDate) } : {}),
      ...(traits.has(OWN.consentMethod) ? { method: traits.get(OWN.consentMethod) } : {}),
      ...(traits.has(OWN.consentNote) ? { note: traits.get(OWN.consentNote) } : {}),
    },
    ...(traits.has(OWN.locality) ? { locality: traits.get(OWN.locality) } : {}),
    ...(traits.has(OWN.dialect) ? { dialect: traits.get(OWN.dialect) } : {}),
    ...(traits.has(OWN.recordedOn) ? { recordedOn: traits.get(OWN.recordedOn) } : {}),
    ...(traits.has(OWN.generated) ? { generated: traits.get(OWN.generated) === 'true' } : {}),
  };
  if (consent !== 'given' && consent !== 'not-given') draft.errors.push(`pronunciation: ${OWN.consent} must be "given" or "not-given", not "${consent ?? ''}"`);
  const problems = [...Value.Errors(RecordingInfo, info)].map((error) => `pronunciation: recording ${error.instancePath}: ${error.message}`);
  draft.errors.push(...problems);
  return problems.length ? undefined : (info as RecordingInfo);
}

function readAccess(draft: Draft, node: LiftNode, where: string): Access | undefined {
  const traits = traitsOf(node);
  const level = traits.find((trait) => trait.name === OWN.accessLevel)?.value;
  if (level === undefined) return undefined;
  const communities = traits.filter((trait) => trait.name === OWN.accessCommunity).map((trait) => trait.value);
  const embargo = traits.find((trait) => trait.name === OWN.accessEmbargo)?.value;
  const access = { level, ...(communities.length ? { communities } : {}), ...(embargo ? { embargoUntil: embargo } : {}) };
  const problems = [...Value.Errors(Access, access)].map((error) => `${where}: access ${error.instancePath}: ${error.message}`);
  draft.errors.push(...problems);
  return problems.length ? undefined : (access as Access);
}

function readSense(draft: Draft, node: LiftNode, index: number, pos: PartOfSpeech[]): EntrySense {
  const grammar = attribute(child(node, 'grammatical-info') ?? {}, 'value');
  if (grammar) {
    const found = partOfSpeechOf(grammar);
    if (found) pos.push(found);
    else draft.warnings.push(`sense ${index}: the part of speech "${grammar}" is none of Disan's; not imported`);
  }
  const definition = formsOf(child(node, 'definition'));
  let glosses: LocalizedText[] = children(node, 'gloss').map((gloss) => ({ lang: attribute(gloss, 'lang'), value: textOf(gloss) })).filter((gloss) => gloss.value.trim() !== '');
  if (glosses.length === 0 && definition.length > 0) {
    draft.warnings.push(`sense ${index}: no gloss; its definition is used as the gloss`);
    glosses = definition;
  }
  const examples = children(node, 'example').map(readExample).filter((example) => example !== undefined);
  const domains: SenseDomain[] = [];
  for (const trait of traitsOf(node)) {
    let domain: SenseDomain | undefined;
    if (trait.name === OWN.domain) domain = (SENSE_DOMAINS as readonly string[]).includes(trait.value) ? (trait.value as SenseDomain) : undefined;
    else if (trait.name.startsWith('semantic-domain')) domain = domainOfDdp4(trait.value);
    else continue;
    if (domain === undefined) draft.warnings.push(`sense ${index}: the semantic domain "${trait.value}" matches none of Disan's domains; not imported`);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return {
    glosses,
    ...(definition.length ? { definition } : {}),
    ...(examples.length ? { examples } : {}),
    ...(domains.length ? { domains } : {}),
  };
}

function readExample(node: LiftNode): EntryExample | undefined {
  const forms = formsOf(node);
  const text = forms.find((form) => formRole(form.lang).role !== 'romanisation') ?? forms[0];
  if (!text) return undefined;
  const romanisation = forms.find((form) => form !== text && formRole(form.lang).role === 'romanisation');
  const translations = children(node, 'translation').flatMap((translation) => formsOf(translation));
  const source = attribute(node, 'source');
  return { text: text.value, ...(romanisation ? { romanisation: romanisation.value } : {}), ...(translations.length ? { translations } : {}), ...(source ? { source } : {}) };
}

const USAGE_NOTES = new Set(['usage', 'general', '']);
const SOURCE_NOTES = new Set(['bibliography', 'source', 'sources']);

function readNotes(draft: Draft, node: LiftNode, entry: DictionaryEntry): void {
  for (const note of children(node, 'note')) {
    const type = attribute(note, 'type').toLowerCase();
    const forms = formsOf(note);
    if (USAGE_NOTES.has(type)) entry.usageNotes = [...(entry.usageNotes ?? []), ...forms];
    else if (SOURCE_NOTES.has(type)) entry.sources = [...(entry.sources ?? []), ...forms.map((form) => form.value)];
    else draft.warnings.push(`note "${type}": Disan keeps usage notes and sources (bibliography); not imported`);
  }
}

function relationTarget(ref: string, ids: ReadonlyMap<string, string>): Pick<EntryRelation, 'entryId' | 'headword'> {
  if (!ref) return {};
  const known = ids.get(ref);
  if (known) return { entryId: known };
  if (isId(ref)) return { entryId: ref };
  // FieldWorks names an entry `headword_guid`: outside this file, the headword is what is left.
  return { headword: ref.replace(/_[0-9a-fA-F-]{36}$/, '') };
}

function readRelation(draft: Draft, node: LiftNode, ids: ReadonlyMap<string, string>): EntryRelation[] {
  const type = attribute(node, 'type');
  const traits = traitsOf(node);
  const named = traits.find((trait) => trait.name === OWN.headword)?.value;
  const relationType = type === COMPONENT_LEXEME ? (traits.some((trait) => trait.name === 'variant-type') ? 'variant' : 'compound-of') : relationTypeOf(type);
  if (!relationType) {
    draft.warnings.push(`relation "${type}": Disan relates entries as synonym, variant, compound-of or see-also; not imported`);
    return [];
  }
  const target = relationTarget(attribute(node, 'ref'), ids);
  const relation: EntryRelation = { type: relationType, ...target, ...(named ? { headword: named } : {}) };
  if (relation.entryId === undefined && relation.headword === undefined) {
    draft.warnings.push(`relation "${type}": it names no entry; not imported`);
    return [];
  }
  return [relation];
}

function readVariant(node: LiftNode, ids: ReadonlyMap<string, string>): EntryRelation {
  const headword = formsOf(node)[0]?.value;
  return { type: 'variant', ...relationTarget(attribute(node, 'ref'), ids), ...(headword ? { headword } : {}) };
}

function readEtymology(node: LiftNode): LocalizedText[] {
  const texts = [...children(node, 'field').flatMap((field) => formsOf(field)), ...formsOf(node), ...children(node, 'gloss').map((gloss) => ({ lang: attribute(gloss, 'lang'), value: textOf(gloss) }))];
  const source = attribute(node, 'source');
  return [...texts.filter((text) => text.value.trim() !== ''), ...(source ? [{ lang: UNDETERMINED, value: source }] : [])];
}
