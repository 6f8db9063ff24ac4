import { create } from 'xmlbuilder2';
import type { Access, DictionaryEntry, EntryRelation, EntrySense, LocalizedText } from '@disan/schemas';
import { xmlText, type XMLBuilder } from '../../library/oai/xml.ts';
import { guidOf, type ExchangeEntry, type ExchangeRecording } from '../exchange/entry.ts';
import { COMPONENT_LEXEME, OWN, POS_NAMES, RELATION_NAMES } from './vocabulary.ts';
import { headwordSystem, ipaSystem, romanisationSystem } from './writing-systems.ts';

/** The LIFT version written; the reader takes 0.13 to 0.15. */
export const LIFT_VERSION = '0.15';
/** A caption or source has no language of its own: LIFT's forms need one, BCP 47's "undetermined". */
export const UNDETERMINED = 'und';

/**
 * A dictionary as a LIFT 0.15 document (valid against lift.rng), entries in the order
 * given, every element in one fixed order, pretty-printed: the same entries always give
 * the same bytes, so export, import, export changes nothing.
 */
export function writeLift(entries: readonly ExchangeEntry[], options: { producer?: string } = {}): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const lift = doc.ele('lift', { version: LIFT_VERSION, producer: options.producer ?? 'Disan' });
  for (const exchanged of entries) writeEntry(lift, exchanged);
  return `${doc.end({ prettyPrint: true, indent: '  ' })}\n`;
}

function writeEntry(lift: XMLBuilder, exchanged: ExchangeEntry): void {
  const { entry } = exchanged;
  const node = lift.ele('entry', {
    id: exchanged.id,
    guid: guidOf(exchanged.id),
    ...(exchanged.created ? { dateCreated: exchanged.created } : {}),
    ...(exchanged.modified ? { dateModified: exchanged.modified } : {}),
  });
  const forms = [
    ...entry.headwords.map((headword) => ({ lang: headwordSystem(entry.language, headword.script), value: headword.value })),
    ...(entry.romanisations ?? []).map((romanisation) => ({ lang: romanisationSystem(entry.language, romanisation.system), value: romanisation.value })),
  ];
  multitext(node.ele('lexical-unit'), forms);
  for (const ipa of entry.ipa ?? []) multitext(node.ele('pronunciation'), [{ lang: ipaSystem(entry.language), value: ipa }]);
  for (const recording of exchanged.recordings) writeRecording(node, recording);
  entry.senses.forEach((sense) => {
    writeSense(node, sense, entry);
  });
  if (entry.usageNotes?.length) multitext(node.ele('note', { type: 'usage' }), entry.usageNotes);
  for (const source of entry.sources ?? []) multitext(node.ele('note', { type: 'bibliography' }), [{ lang: UNDETERMINED, value: source }]);
  for (const relation of entry.relations ?? []) writeRelation(node, relation);
  if (entry.etymology?.length) multitext(node.ele('etymology', { type: 'note', source: '' }).ele('field', { name: 'comment' }), entry.etymology);
  trait(node, OWN.id, exchanged.id);
  if (entry.dialect) trait(node, OWN.dialect, entry.dialect);
  for (const record of entry.records ?? []) trait(node, OWN.record, record);
  if (exchanged.access) accessTraits(node, exchanged.access);
}

function writeRecording(entry: XMLBuilder, recording: ExchangeRecording): void {
  const pronunciation = entry.ele('pronunciation');
  const media = pronunciation.ele('media', { href: recording.file });
  if (recording.caption) multitext(media.ele('label'), [{ lang: UNDETERMINED, value: recording.caption }]);
  const info = recording.recording;
  if (info) {
    trait(pronunciation, OWN.speaker, info.speaker);
    trait(pronunciation, OWN.consent, info.consent.given ? 'given' : 'not-given');
    if (info.consent.date) trait(pronunciation, OWN.consentDate, info.consent.date);
    if (info.consent.method) trait(pronunciation, OWN.consentMethod, info.consent.method);
    if (info.consent.note) trait(pronunciation, OWN.consentNote, info.consent.note);
    if (info.locality) trait(pronunciation, OWN.locality, info.locality);
    if (info.dialect) trait(pronunciation, OWN.dialect, info.dialect);
    if (info.recordedOn) trait(pronunciation, OWN.recordedOn, info.recordedOn);
    if (info.generated !== undefined) trait(pronunciation, OWN.generated, String(info.generated));
  }
  if (recording.access) accessTraits(pronunciation, recording.access);
}

function writeSense(entryNode: XMLBuilder, sense: EntrySense, entry: DictionaryEntry): void {
  const node = entryNode.ele('sense');
  if (entry.partOfSpeech) node.ele('grammatical-info', { value: POS_NAMES[entry.partOfSpeech] });
  for (const gloss of sense.glosses) node.ele('gloss', { lang: gloss.lang }).ele('text').txt(xmlText(gloss.value));
  if (sense.definition?.length) multitext(node.ele('definition'), sense.definition);
  const main = entry.headwords[0]!;
  const romanised = romanisationSystem(entry.language, entry.romanisations?.[0]?.system ?? 'other');
  for (const example of sense.examples ?? []) {
    const node2 = node.ele('example', example.source ? { source: example.source } : {});
    multitext(node2, [{ lang: headwordSystem(entry.language, main.script), value: example.text }, ...(example.romanisation ? [{ lang: romanised, value: example.romanisation }] : [])]);
    if (example.translations?.length) multitext(node2.ele('translation', { type: 'Free translation' }), example.translations);
  }
  for (const domain of sense.domains ?? []) trait(node, OWN.domain, domain);
}

/**
 * Relations in FieldWorks' terms: lexical relations by name, a compound and a variant as a
 * complex form (`_component-lexeme` with its type). A relation to a headword not in the
 * dictionary has an empty ref and names the headword in a trait of ours.
 */
function writeRelation(entry: XMLBuilder, relation: EntryRelation): void {
  const type = relation.type === 'variant' || relation.type === 'compound-of' ? COMPONENT_LEXEME : RELATION_NAMES[relation.type];
  const node = entry.ele('relation', { type, ref: relation.entryId ?? '' });
  if (relation.type === 'variant') trait(node, 'variant-type', 'Spelling Variant');
  if (relation.type === 'compound-of') trait(node, 'complex-form-type', 'Compound');
  if (relation.headword) trait(node, OWN.headword, relation.headword);
}

function accessTraits(node: XMLBuilder, access: Access): void {
  trait(node, OWN.accessLevel, access.level);
  for (const community of access.communities ?? []) trait(node, OWN.accessCommunity, community);
  if (access.embargoUntil) trait(node, OWN.accessEmbargo, access.embargoUntil);
}

const trait = (node: XMLBuilder, name: string, value: string): void => {
  node.ele('trait', { name, value: xmlText(value) });
};

function multitext(node: XMLBuilder, forms: readonly LocalizedText[]): void {
  for (const form of forms) node.ele('form', { lang: form.lang }).ele('text').txt(xmlText(form.value));
}
