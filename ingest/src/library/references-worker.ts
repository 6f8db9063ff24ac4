import { formattedReferences, type CslItem, type FormattedReference } from './citations.ts';

/** Runs in the reference formatter's worker thread (references.ts): citeproc's work, off the API's event loop. */
export default function formatReferences({ item, lang }: { item: CslItem; lang: string }): FormattedReference[] {
  return formattedReferences(item, lang);
}
