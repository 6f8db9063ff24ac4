import { accountRoutes } from './account/index.ts';
import { secondFactorRoutes } from './account/second-factor.ts';
import { tokenRoutes } from './account/tokens.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes } from './auth/index.ts';
import { backupRoutes } from './backup/index.ts';
import { communityRoutes } from './communities/index.ts';
import { linkRoutes } from './links/index.ts';
import { passwordResetRoutes } from './password-resets/index.ts';
import { userRoutes } from './users/index.ts';
import { browseRoutes } from './browse/index.ts';
import { calendarRoutes } from './calendar/index.ts';
import { dictionaryRoutes } from './dictionary/index.ts';
import { collectionRoutes } from './collections/index.ts';
import type { RoutePlugin } from './context.ts';
import { healthRoutes } from './health/index.ts';
import { itemRoutes } from './items/index.ts';
import { jobRoutes } from './jobs/index.ts';
import { mediaRoutes } from './media/index.ts';
import { mediaReaderRoutes } from './media/reader.ts';
import { mediaTextRoutes } from './media/text.ts';
import { oaiRoutes } from './oai/index.ts';
import { sruRoutes } from './sru/index.ts';
import { searchRoutes } from './search/index.ts';
import { workspaceRoutes } from './workspace/index.ts';
import { uploadRoutes } from './uploads/index.ts';
import { workspaceBulkRoutes } from './workspace-bulk/index.ts';
import { harvestSourceRoutes } from './harvest-sources/index.ts';
import { libraryImportRoutes } from './library-import/index.ts';
import { citationRoutes } from './citations/index.ts';
import { exportRoutes } from './exports/index.ts';
import { coverageRoutes } from './coverage/index.ts';
import { dictionaryExchangeRoutes } from './dictionary-exchange/index.ts';
import { recordWordRoutes } from './dictionary/record-words.ts';
import { wordLinkRoutes } from './dictionary/word-links.ts';
import { inventoryRoutes } from './inventory/index.ts';

/**
 * Every route under /api, with its prefix set here: items, collections, search, media
 * (files in media/index.ts, words in media/text.ts), jobs, auth, account (with its
 * tokens and second factor), links, password-resets, users and communities sit under
 * their folder's name; browse (/places, /ethnic-groups), health (/health, /ready) and
 * audit (/audit, /audit.csv) serve top-level paths of their own; workspace (/workspace/…)
 * is the archivists' workspace, its records' routes in workspace/ and sheets, exports,
 * collections and places in workspace-bulk/; uploads (/uploads) takes resumable uploads;
 * oai (/oai) is the door other libraries harvest; sru (/sru) the one their catalogues search; harvest-sources (/harvest-sources) are the
 * OAI-PMH repositories harvested on a schedule; library-import (/workspace/library/marc) takes MARC files;
 * dictionary-exchange (/workspace/dictionary/import, /export) takes and gives LIFT, CSV and XLSX;
 * citations (/items/:id/cite, /items/:id/citations) and exports (/search/export, /collections/:id/export) are the downloads;
 * calendar (/calendar, /calendar.ics) is the public's festival calendar; dictionary (/dictionary/…, /items/:id/words,
 * /workspace/records/:id/word-links) finds words and serves the dictionary's entries, browse orders, word lists and link
 * suggestions (issue 14); coverage (/coverage/…) holds the digitisation targets, their figures, gaps and yearly reports (issue 15).
 * calendar (/calendar, /calendar.ics) is the public's festival calendar; inventory
 * (/items/:id/documented-by, /workspace/records/:id/element-links) the inventory's links.
 */
export const routes: RoutePlugin = (app, { archive, config }, done) => {
  const options = { archive, config };
  app.register(itemRoutes, { ...options, prefix: '/items' });
  app.register(collectionRoutes, { ...options, prefix: '/collections' });
  app.register(browseRoutes, options);
  app.register(searchRoutes, { ...options, prefix: '/search' });
  app.register(mediaRoutes, { ...options, prefix: '/media' });
  app.register(mediaTextRoutes, { ...options, prefix: '/media' });
  app.register(mediaReaderRoutes, { ...options, prefix: '/media' });
  app.register(jobRoutes, { ...options, prefix: '/jobs' });
  app.register(backupRoutes, { ...options, prefix: '/backup' });
  app.register(healthRoutes, options);
  app.register(authRoutes, { ...options, prefix: '/auth' });
  app.register(accountRoutes, { ...options, prefix: '/account' });
  app.register(tokenRoutes, { ...options, prefix: '/account/tokens' });
  app.register(secondFactorRoutes, { ...options, prefix: '/account/second-factor' });
  app.register(linkRoutes, { ...options, prefix: '/links' });
  app.register(passwordResetRoutes, { ...options, prefix: '/password-resets' });
  app.register(userRoutes, { ...options, prefix: '/users' });
  app.register(communityRoutes, { ...options, prefix: '/communities' });
  app.register(auditRoutes, options);
  app.register(workspaceRoutes, { ...options, prefix: '/workspace' });
  app.register(uploadRoutes, { ...options, prefix: '/uploads' });
  app.register(workspaceBulkRoutes, { ...options, prefix: '/workspace' });
  app.register(oaiRoutes, { ...options, prefix: '/oai' });
  app.register(sruRoutes, { ...options, prefix: '/sru' });
  app.register(harvestSourceRoutes, { ...options, prefix: '/harvest-sources' });
  app.register(libraryImportRoutes, { ...options, prefix: '/workspace/library' });
  app.register(dictionaryExchangeRoutes, { ...options, prefix: '/workspace/dictionary' });
  app.register(citationRoutes, { ...options, prefix: '/items' });
  app.register(exportRoutes, options);
  app.register(calendarRoutes, options);
  app.register(coverageRoutes, options);
  app.register(dictionaryRoutes, { ...options, prefix: '/dictionary' });
  app.register(recordWordRoutes, { ...options, prefix: '/items' });
  app.register(wordLinkRoutes, { ...options, prefix: '/workspace/records' });
  app.register(inventoryRoutes, options);
  done();
};
