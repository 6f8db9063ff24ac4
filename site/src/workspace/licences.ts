import type { Translate } from '../i18n/translate.ts';

/** rightsstatements.org statements an archive of this kind uses (the EU- and US-specific ones left out). */
const STATEMENTS = ['InC', 'InC-EDU', 'InC-NC', 'InC-RUU', 'NoC-CR', 'NoC-NC', 'NoC-OKLR', 'CNE', 'UND', 'NKC'] as const;
/** Creative Commons 4.0 licences. */
const CC = ['by', 'by-sa', 'by-nc', 'by-nc-sa', 'by-nd', 'by-nc-nd'] as const;

export interface Licence {
  uri: string;
  label: string;
}

/**
 * The licences and rights statements an editor chooses from, named in the editor's
 * language; a record's own URI that is not listed is kept as a choice of its own.
 * @example licences(t).some((l) => l.uri === 'https://creativecommons.org/licenses/by-sa/4.0/') // true
 */
export function licences(t: Translate, current = ''): Licence[] {
  const list: Licence[] = [
    ...STATEMENTS.map((code) => ({ uri: `http://rightsstatements.org/vocab/${code}/1.0/`, label: t(`licence.rs.${code}`) })),
    { uri: 'https://creativecommons.org/publicdomain/zero/1.0/', label: t('licence.cc0') },
    { uri: 'https://creativecommons.org/publicdomain/mark/1.0/', label: t('licence.pdm') },
    ...CC.map((code) => ({ uri: `https://creativecommons.org/licenses/${code}/4.0/`, label: t('licence.cc', { code: code.toUpperCase() }) })),
  ];
  if (current !== '' && !list.some((l) => l.uri === current)) list.push({ uri: current, label: t('licence.other', { uri: current }) });
  return list;
}
