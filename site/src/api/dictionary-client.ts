import { Type } from 'typebox';
import { DictionaryBrowsePage, DictionarySearchResult, EntryView, RecordWords, WordListSummary, WordListView, WordOfTheDay, type BrowseOrder } from '@disan/schemas';
import type { Transport } from './transport.ts';

/** `GET /api/dictionary/word-lists` answers the lists themselves, as an array. */
const WordListSummaries = Type.Array(WordListSummary);

export interface DictionarySearchParams {
  q: string;
  language?: readonly string[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface DictionaryBrowseParams {
  order: BrowseOrder;
  from?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** The dictionary's routes (issue 14), called as the visitor: every answer holds only what they may read. */
export interface DictionaryClient {
  search(params: DictionarySearchParams): Promise<DictionarySearchResult>;
  entry(id: string): Promise<EntryView>;
  browse(params: DictionaryBrowseParams): Promise<DictionaryBrowsePage>;
  wordLists(): Promise<WordListSummary[]>;
  wordList(id: string): Promise<WordListView>;
  /** `date` is Vietnam's day (YYYY-MM-DD); the API picks today's when it is left out. */
  wordOfTheDay(date?: string): Promise<WordOfTheDay>;
  /** The entries that name a record, for its page. */
  recordWords(itemId: string): Promise<RecordWords>;
}

export function dictionaryClient({ get }: Transport): DictionaryClient {
  const segment = (id: string): string => encodeURIComponent(id);
  return {
    search: (params) => get(DictionarySearchResult, '/api/dictionary/search', { ...params }),
    entry: (id) => get(EntryView, `/api/dictionary/entries/${segment(id)}`),
    browse: (params) => get(DictionaryBrowsePage, '/api/dictionary/browse', { ...params }),
    wordLists: () => get(WordListSummaries, '/api/dictionary/word-lists'),
    wordList: (id) => get(WordListView, `/api/dictionary/word-lists/${segment(id)}`),
    wordOfTheDay: (date) => get(WordOfTheDay, '/api/dictionary/word-of-the-day', { date }),
    recordWords: (itemId) => get(RecordWords, `/api/items/${segment(itemId)}/words`),
  };
}
