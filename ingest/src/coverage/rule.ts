import type { CoverageShortfall, DigitisationRule } from '@disan/schemas';

/** What an element's kept (or published) records hold at one moment, summed. */
export interface Holdings {
  records: number;
  images: number;
  audioVisual: number;
  documents: number;
  /** Description languages on the element and its records. */
  descriptionLangs: Set<string>;
}

export const emptyHoldings = (): Holdings => ({ records: 0, images: 0, audioVisual: 0, documents: 0, descriptionLangs: new Set() });

/**
 * The languages each ethnic group's own description is written in (primary subtags): Khmer,
 * the Chinese the Hoa speak (and written Chinese), Cham. A group not listed asks for no
 * language of its own: the rule's `group` condition then holds for it.
 */
export const GROUP_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  khmer: ['km'],
  hoa: ['zh', 'yue', 'nan', 'hak', 'cmn'],
  cham: ['cjm', 'cja'],
  kinh: ['vi'],
};

const primary = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * What the element still lacks under the rule (all zero and empty: the rule holds). The
 * `group` description condition asks for one description in the language of each of the
 * element's groups; a missing one is named by the group's first language tag.
 * @example shortfall({ minImages: 5 }, { records: 1, images: 2, … }, []) // { images: 3, records: 0, … }
 */
export function shortfall(rule: DigitisationRule, held: Holdings, ethnicGroups: readonly string[]): CoverageShortfall {
  const langs = new Set([...held.descriptionLangs].map(primary));
  const missingLangs: string[] = [];
  for (const wanted of rule.descriptionIn ?? []) {
    if (wanted === 'vi' || wanted === 'en') {
      if (!langs.has(wanted)) missingLangs.push(wanted);
      continue;
    }
    for (const group of ethnicGroups) {
      const own = GROUP_LANGUAGES[group];
      if (own && !own.some((lang) => langs.has(lang))) missingLangs.push(own[0]!);
    }
  }
  return {
    records: Math.max(0, (rule.minRecords ?? 1) - held.records),
    images: Math.max(0, (rule.minImages ?? 0) - held.images),
    audioVisual: Math.max(0, (rule.minAudioVisual ?? 0) - held.audioVisual),
    documents: Math.max(0, (rule.minDocuments ?? 0) - held.documents),
    descriptionIn: [...new Set(missingLangs)],
  };
}

export function ruleHolds(missing: CoverageShortfall): boolean {
  return missing.records === 0 && missing.images === 0 && missing.audioVisual === 0 && missing.documents === 0 && missing.descriptionIn.length === 0;
}
