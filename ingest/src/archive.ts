import type { Config } from './config.ts';
import { createCatalog, type Catalog } from './catalog/catalog.ts';
import type { Database } from './database/database.ts';
import { openDatabase } from './database/open.ts';
import { createJobQueue, type JobQueue } from './jobs/queue.ts';
import { createImageAdapter, type ImageAdapter } from './media/image.ts';
import { createAvAdapter, type AvAdapter } from './media/ffmpeg.ts';
import { createOcrAdapter, type OcrAdapter } from './media/ocr.ts';
import { createPdfAdapter, type PdfAdapter } from './media/pdf.ts';
import { createPopplerAdapter, type PopplerAdapter } from './media/poppler.ts';
import { createSearchEngine } from './search/create.ts';
import type { SearchEngine } from './search/engine.ts';
import { createStorage } from './storage/create.ts';
import type { ObjectStorage } from './storage/storage.ts';
import { createIndexer, type Indexer } from './indexing/indexer.ts';
import { createAccounts } from './accounts/accounts.ts';
import type { MailFailure } from './accounts/notify.ts';
import type { Accounts } from './accounts/types.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createWorkspace } from './workspace/workspace.ts';
import type { Workspace } from './workspace/types.ts';

/**
 * The composition root: opens one adapter per external system from the config and
 * hands them to the services. Tests pass their own adapters (a temp folder, an
 * s3rver, a throwaway PostgreSQL) through `overrides`.
 */
export interface Archive {
  config: Config;
  db: Database;
  catalog: Catalog;
  storage: ObjectStorage;
  search: SearchEngine;
  jobs: JobQueue;
  images: ImageAdapter;
  /** ffmpeg/ffprobe: probes, transcodes, posters, waveforms. */
  av: AvAdapter;
  /** pdfjs: PDF facts and text layers. */
  pdf: PdfAdapter;
  /** poppler's pdftoppm: page images. */
  poppler: PopplerAdapter;
  /** tesseract: text of scans. */
  ocr: OcrAdapter;
  indexer: Indexer;
  /** Accounts, communities, sessions, tokens and one-time links, in the catalog database. */
  accounts: Accounts;
  /** Sends invitations, password resets and security notices; undefined without DISAN_SMTP_URL (the admin copies links). */
  mailer: Mailer | undefined;
  /** The archivists' workspace: records' heads, versions, review and publication, their files. */
  workspace: Workspace;
  /**
   * The embedded catalog (PGlite) belongs to this one process: no other worker can
   * exist, so a job still "running" was cut off by a crash, and follow-up jobs are
   * finished here. With PostgreSQL, `disan worker` processes share the queue.
   */
  singleProcess: boolean;
  /** Items put back into an empty search index at opening (new engine, new index format, lost file). */
  reindexedAtOpen: number;
  close(): Promise<void>;
}

export interface ArchiveOverrides {
  db?: Database;
  storage?: ObjectStorage;
  search?: SearchEngine;
  av?: AvAdapter;
  pdf?: PdfAdapter;
  poppler?: PopplerAdapter;
  ocr?: OcrAdapter;
  /** Where a security notice that could not be mailed is logged; default: one line on stderr. */
  onMailFailed?: (failure: MailFailure) => void;
}

const logMailFailure = (failure: MailFailure) => {
  process.stderr.write(`disan: could not mail the ${failure.event} notice to account ${failure.userId} (audited as mail.failed): ${failure.error}\n`);
};

export async function openArchive(config: Config, overrides: ArchiveOverrides = {}): Promise<Archive> {
  const opened: { close(): Promise<void> }[] = [];
  try {
    const db = overrides.db ?? (await openDatabase(config.database));
    opened.push(db);
    const storage = overrides.storage ?? (await createStorage(config.storage));
    opened.push(storage);
    const search = overrides.search ?? createSearchEngine(config.search);
    opened.push(search);
    const mailer = config.accounts.smtpUrl === undefined ? undefined : createMailer({ smtpUrl: config.accounts.smtpUrl, from: config.accounts.mailFrom });
    if (mailer) opened.push(mailer);
    const catalog = createCatalog(db);
    // Entries written before the chain existed (or by an older Disan) join it now.
    await catalog.audit.seal();
    const indexer = createIndexer(catalog, search);
    const accounts = createAccounts(db, { config: config.accounts, mailer, onMailFailed: overrides.onMailFailed ?? logMailFailure });
    // Closed first (the list closes in reverse): notices still on their way reach the mailer and the catalog before those close.
    opened.push({ close: () => accounts.notifications.settled() });
    // The index is derived from the catalog: if it is empty while the catalog is not, rebuild it.
    const reindexedAtOpen = (await search.count()) === 0 && (await catalog.items.count()) > 0 ? await indexer.reindexAll() : 0;
    const jobs = createJobQueue(db);
    return {
      config,
      db,
      catalog,
      storage,
      search,
      jobs,
      images: createImageAdapter({ maxPixels: config.ingest.maxImagePixels }),
      av: overrides.av ?? createAvAdapter(config.av),
      pdf: overrides.pdf ?? createPdfAdapter(),
      poppler: overrides.poppler ?? createPopplerAdapter(),
      ocr: overrides.ocr ?? createOcrAdapter(),
      indexer,
      accounts,
      mailer,
      workspace: createWorkspace({ db, indexer, accounts, jobs }),
      singleProcess: db.driver === 'pglite',
      reindexedAtOpen,
      async close() {
        // Close in reverse order of opening; keep going if one fails so nothing is left open.
        const results = await Promise.allSettled([...opened].reverse().map((resource) => resource.close()));
        const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
      },
    };
  } catch (error) {
    await Promise.allSettled(opened.map((resource) => resource.close()));
    throw error;
  }
}
