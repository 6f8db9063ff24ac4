import { Type } from 'typebox';
import { IdParams, WordListSummary, WordListView, WordOfTheDay } from '@disan/schemas';
import { ValidationError } from '@disan/ingest';
import { todayInVietnam } from '../../services/next-occurrence.ts';
import { wordLists, wordListView, wordOfTheDay } from '../../services/dictionary/word-lists.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

const WordOfTheDayQuery = Type.Object({ date: Type.Optional(Type.String({ format: 'date', description: "A day (YYYY-MM-DD); default: today in Viet Nam (UTC+7)" })) }, { additionalProperties: false });

/** Seconds until the next day begins in Viet Nam, when the word of the day changes. */
function secondsToNextVietnamDay(now: Date): number {
  const vietnam = now.getTime() + 7 * 3_600_000;
  return Math.max(60, Math.ceil((86_400_000 - (vietnam % 86_400_000)) / 1000));
}

/** Word lists (collections of type `word-list`) and the word of the day. */
export const wordListRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/word-lists',
    {
      config: { publicCache: true, access: 'canReadCollection' },
      schema: { operationId: 'listWordLists', summary: 'The word lists you may see, with the number of their entries you may read', tags: ['dictionary'], response: { 200: Type.Array(WordListSummary), ...ERRORS } },
    },
    async (request) => wordLists(archive, request.viewer),
  );

  app.get(
    '/word-lists/:id',
    {
      config: { publicCache: true, access: 'canReadCollection' },
      schema: { operationId: 'getWordList', summary: "One word list's entries in its curated order", tags: ['dictionary'], params: IdParams, response: { 200: WordListView, ...ERRORS } },
    },
    async (request) => wordListView(archive, request.viewer, request.params.id),
  );

  app.get(
    '/word-of-the-day',
    {
      config: { publicCache: true, access: 'anyone' },
      schema: {
        operationId: 'getWordOfTheDay',
        summary: 'One published public entry a day, the same for everyone',
        description: "Chosen among the entries the public may read (those with a recording first) by a hash of the date over their ids, so adding entries rarely changes a day's word. Cacheable until the next day in Viet Nam.",
        tags: ['dictionary'],
        querystring: WordOfTheDayQuery,
        response: { 200: WordOfTheDay, ...ERRORS },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const date = request.query.date ?? todayInVietnam(now);
      if (Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new ValidationError(`date ${date} is not a day of the calendar`);
      reply.header('cache-control', `public, max-age=${secondsToNextVietnamDay(now)}`);
      return wordOfTheDay(archive, date, now);
    },
  );
  done();
};
