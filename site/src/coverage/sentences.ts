import type { CoverageGap, CoveragePace, CoverageShortfall, DigitisationRule } from '@disan/schemas';
import { languageName } from '../i18n/language-name.ts';
import { HTML_LANG, type Lang } from '../i18n/langs.ts';
import { useTranslations } from '../i18n/translate.ts';
import type { MessageId } from '../i18n/vi.ts';

/**
 * The coverage figures said in the reader's language: a gap's sentence, the pace's, the
 * hidden gaps' count. Built from the dictionaries' pieces (never the engine's Vietnamese
 * and English labels, which are the XLSX's and the PDF's).
 */

type Counted = 'coverage.rule.records' | 'coverage.missing.records' | 'coverage.missing.images' | 'coverage.missing.audioVisual' | 'coverage.missing.documents' | 'coverage.gap.inDays' | 'coverage.gaps.hidden';

/**
 * A counted phrase (the dictionaries have `.one` and `.other` of each). Counts here are whole,
 * so exactly one picks `.one` in every language: Vietnamese, Khmer and Chinese have no plural
 * but still say "a photograph" (một bức ảnh, 一张照片) rather than "1 photograph(s)".
 */
function counted(lang: Lang, id: Counted, count: number): string {
  const category = count === 1 ? 'one' : 'other';
  return useTranslations(lang)(`${id}.${category}` as MessageId, { count });
}

/** A list joined as the language joins one ("a, b and c"; Chinese 、; Khmer and Vietnamese their "and"). */
export function listOf(parts: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(HTML_LANG[lang], { style: 'long', type: 'conjunction' }).format(parts);
}

/**
 * What an element still lacks, one phrase each: records, photographs, films or recordings,
 * documents, then each description language.
 * @example missingPhrases({ records: 0, images: 2, audioVisual: 1, documents: 0, descriptionIn: ['km'] }, 'en') // ['2 photographs', 'a film or recording', 'a description in Khmer']
 */
export function missingPhrases(missing: CoverageShortfall, lang: Lang): string[] {
  const t = useTranslations(lang);
  const phrases: string[] = [];
  if (missing.records > 0) phrases.push(counted(lang, 'coverage.missing.records', missing.records));
  if (missing.images > 0) phrases.push(counted(lang, 'coverage.missing.images', missing.images));
  if (missing.audioVisual > 0) phrases.push(counted(lang, 'coverage.missing.audioVisual', missing.audioVisual));
  if (missing.documents > 0) phrases.push(counted(lang, 'coverage.missing.documents', missing.documents));
  for (const tag of missing.descriptionIn) phrases.push(t('coverage.missing.description', { language: languageName(tag, lang) }));
  return phrases;
}

/**
 * What follows a gap's name: when it is next celebrated, and what it lacks.
 * @example gapSentence({ …, daysUntil: 19, state: 'not-documented' }, 'en') // 'in 19 days, nothing documented yet'
 * @example gapSentence({ …, daysUntil: null, state: 'described', missing: { images: 2, … } }, 'en') // 'described, still missing: 2 photographs'
 */
export function gapSentence(gap: Pick<CoverageGap, 'state' | 'daysUntil' | 'missing'>, lang: Lang): string {
  const t = useTranslations(lang);
  const when = gap.daysUntil === null ? null : gap.daysUntil === 0 ? t('coverage.gap.today') : counted(lang, 'coverage.gap.inDays', gap.daysUntil);
  const phrases = missingPhrases(gap.missing, lang);
  const what = gap.state === 'not-documented' || phrases.length === 0 ? t('coverage.gap.nothing') : t('coverage.gap.described', { missing: listOf(phrases, lang) });
  return when === null ? what : `${when}${lang === 'zh' ? '，' : ', '}${what}`;
}

/** @example hiddenGapsSentence(2, 'en') // 'and 2 restricted elements' */
export function hiddenGapsSentence(count: number, lang: Lang): string {
  return counted(lang, 'coverage.gaps.hidden', count);
}

/**
 * Points a month, signed and to one decimal, as the reader writes numbers.
 * @example signedPoints(1.84, 'en') // '+1.8'
 */
export function signedPoints(value: number, lang: Lang): string {
  return new Intl.NumberFormat(HTML_LANG[lang], { signDisplay: 'exceptZero', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** A calendar date (YYYY-MM-DD) as the reader writes it. */
export function formatDay(day: string, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined || [year, month, date].some(Number.isNaN)) return day;
  return new Intl.DateTimeFormat(HTML_LANG[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, date));
}

/**
 * Whether the target is being met in time, in one sentence.
 * @example paceSentence({ status: 'behind', neededPerMonth: 1.8, lastYearPerMonth: 0.6, … }, 70, '2025-12-31', 'en') // 'Needs +1.8 points a month until December 31, 2025; the last 12 months gained +0.6 a month: behind.'
 */
export function paceSentence(pace: CoveragePace, targetPercentage: number, deadline: string, lang: Lang): string {
  const t = useTranslations(lang);
  const last = signedPoints(pace.lastYearPerMonth, lang);
  const day = formatDay(deadline, lang);
  if (pace.status === 'met') return t('coverage.pace.met', { target: targetPercentage });
  if (pace.status === 'missed' || pace.neededPerMonth === null) return t('coverage.pace.missed', { deadline: day, last });
  return t('coverage.pace.needs', { needed: signedPoints(pace.neededPerMonth, lang), deadline: day, last, status: t(`coverage.pace.${pace.status}`) });
}

/**
 * A day of every year (MM-DD, the report's due day) as the reader writes it.
 * @example formatMonthDay('12-05', 'en') // 'December 5'
 */
export function formatMonthDay(monthDay: string, lang: Lang): string {
  const [month, day] = monthDay.split('-').map(Number);
  if (month === undefined || day === undefined || Number.isNaN(month) || Number.isNaN(day)) return monthDay;
  return new Intl.DateTimeFormat(HTML_LANG[lang], { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, day));
}

/**
 * What a target counts as digitised, in words.
 * @example ruleSentence({ minRecords: 1, descriptionIn: ['vi', 'group'], minImages: 2 }, 'en') // 'at least 1 record, a description in Vietnamese and the people's own language, and 2 photographs'
 */
export function ruleSentence(rule: DigitisationRule, lang: Lang): string {
  const t = useTranslations(lang);
  const languages = (rule.descriptionIn ?? []).map((tag) => (tag === 'group' ? t('coverage.rule.groupLanguage') : languageName(tag, lang)));
  const parts = [counted(lang, 'coverage.rule.records', rule.minRecords ?? 1)];
  if (languages.length > 0) parts.push(t('coverage.rule.descriptionIn', { languages: listOf(languages, lang) }));
  if (rule.minImages) parts.push(counted(lang, 'coverage.missing.images', rule.minImages));
  if (rule.minAudioVisual) parts.push(counted(lang, 'coverage.missing.audioVisual', rule.minAudioVisual));
  if (rule.minDocuments) parts.push(counted(lang, 'coverage.missing.documents', rule.minDocuments));
  return listOf(parts, lang);
}
