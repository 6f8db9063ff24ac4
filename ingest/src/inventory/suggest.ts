import type { Item, LinkSuggestion } from '@disan/schemas';
import { analyze, type Token } from '../analyzer/index.ts';

/** What the suggestions read of a record: its names and its texts. */
type Described = Pick<Item, 'id' | 'kind' | 'title'> & Partial<Pick<Item, 'alternativeNames' | 'description' | 'subjects' | 'elements'>>;

/** Characters of context shown on each side of the name found. */
const CONTEXT = 60;
/** A one-word name ("Chol", "Lễ") matches far too much: names need two words, or one Khmer or Han word. */
const isSpecific = (tokens: readonly Token[]): boolean => tokens.length >= 2 || (tokens.length === 1 && (tokens[0]!.script === 'khmer' || tokens[0]!.script === 'han'));

/** Every name of a record in any script: its titles and other names (Khmer, Chinese, romanised). */
export const namesOf = (item: Described): string[] => [...new Set([...item.title.map((t) => t.value), ...(item.alternativeNames ?? []).map((n) => n.value)])];

/** The texts a record's names are looked for in: titles, other names, descriptions and subjects. */
const textsOf = (item: Described): string[] => [...namesOf(item), ...(item.description ?? []).map((t) => t.value), ...(item.subjects ?? []).map((t) => t.value)];

/**
 * Where a name occurs in a text, word for word after the shared analyzer's folding (tones
 * off, đ as d, traditional Han as simplified, Khmer split by ICU's dictionary), or null.
 * @example findName('Lễ Ok Om Bok', 'Người Khmer mừng le ok om bok mỗi năm') // { matched: 'le ok om bok', … }
 */
export function findName(name: string, text: string): { matched: string; excerpt: string } | null {
  const wanted = analyze(name);
  if (!isSpecific(wanted)) return null;
  const words = analyze(text);
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (!wanted.every((token, k) => token.key === words[i + k]!.key)) continue;
    const start = words[i]!.start;
    const end = words[i + wanted.length - 1]!.end;
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(text.length, end + CONTEXT);
    const excerpt = `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
    return { matched: text.slice(start, end), excerpt };
  }
  return null;
}

/** The first of a record's texts that names one of the names, with the passage. */
function firstMention(names: readonly string[], texts: readonly string[]): { matched: string; excerpt: string } | null {
  for (const name of names) {
    for (const text of texts) {
      const found = findName(name, text);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The elements a documentary record's text names (any of an element's names, in any
 * script), those it already links first marked so; the record's own id is never suggested.
 */
export function suggestElementsFor(record: Described, elements: readonly Described[]): LinkSuggestion[] {
  const linked = new Set(record.elements ?? []);
  const texts = textsOf(record);
  return elements.flatMap((element) => {
    if (element.id === record.id) return [];
    const found = firstMention(namesOf(element), texts);
    return found ? [{ id: element.id, kind: element.kind, title: element.title, ...found, alreadyLinked: linked.has(element.id) }] : [];
  });
}

/** The documentary records whose text names this element, marked when they already link it. */
export function suggestRecordsFor(element: Described, records: readonly Described[]): LinkSuggestion[] {
  const names = namesOf(element);
  return records.flatMap((record) => {
    if (record.id === element.id) return [];
    const found = firstMention(names, textsOf(record));
    return found ? [{ id: record.id, kind: record.kind, title: record.title, ...found, alreadyLinked: (record.elements ?? []).includes(element.id) }] : [];
  });
}
