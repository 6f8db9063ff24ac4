import type { Archive } from '../archive.ts';
import { runWorker } from '../jobs/worker.ts';
import { createJobHandlers } from '../processing/handlers.ts';
import { takeBackInterruptedJobs } from './background.ts';
import { PIPELINE } from '../processing/first-job.ts';
import { emptyReport, registerFiles, type IngestOptions, type IngestReport, type Recorder } from '../registration/files.ts';

/**
 * `disan ingest` end to end: registers the files (originals stored, jobs queued)
 * while an in-process worker makes the derivatives, and returns once every file
 * this run queued has settled. In production the same jobs are run by
 * `disan worker` processes instead; the registration step is the same.
 */
export async function ingest(archive: Archive, options: IngestOptions): Promise<IngestReport> {
  const report = emptyReport();
  const emit = options.onEvent ?? (() => undefined);
  const record: Recorder = (file, outcome, reason) => {
    report.outcomes[outcome]++;
    if (outcome === 'failed') report.failures.push({ file, reason: reason ?? 'unknown error' });
    emit({ type: 'file', file, outcome, ...(reason ? { reason } : {}) });
  };

  const waiting = new Map<string, string>();
  const settled = new Map<string, string>();
  /** Items of the files this run settled: where warnings are looked for at the end. */
  const settledItems = new Set<string>();
  let registering = true;
  let allSettled: () => void = () => undefined;
  const settle = async (mediaId: string, jobError?: string) => {
    const file = waiting.get(mediaId);
    if (file === undefined) return;
    waiting.delete(mediaId);
    settled.set(mediaId, file);
    const media = await archive.catalog.media.get(mediaId);
    if (media) settledItems.add(media.itemId);
    if (media?.status === 'ready') record(file, 'ingested');
    else record(file, 'failed', media?.error ?? jobError ?? 'the derivative job did not finish');
    if (!registering && waiting.size === 0) allSettled();
  };

  await takeBackInterruptedJobs(archive);
  const controller = new AbortController();
  // A run must end and report: a full disk fails its files (the next run takes them again).
  const workerOptions = {
    queue: archive.jobs,
    handlers: createJobHandlers(archive),
    concurrency: archive.config.ingest.concurrency,
    leaseMs: archive.config.ingest.jobLeaseMs,
    pollMs: 1_000,
    outOfSpace: 'retry',
  } as const;
  const worker = runWorker({
    ...workerOptions,
    signal: controller.signal,
    onEvent: (event) => {
      const mediaId = event.type === 'completed' || event.type === 'failed' ? (event.job.payload as { mediaId?: string }).mediaId : undefined;
      if (mediaId) void settle(mediaId, event.type === 'failed' ? event.error : undefined).catch((error: unknown) => { emit({ type: 'file', file: waiting.get(mediaId) ?? mediaId, outcome: 'failed', reason: String(error) }); });
    },
  });
  // With PostgreSQL, `disan worker` processes may run this run's jobs: their completions
  // raise no event here, so the job table is read as well, once a second.
  let polling = false;
  const pollOthers = async () => {
    if (polling) return;
    polling = true;
    try {
      for (const mediaId of [...waiting.keys()]) {
        const media = await archive.catalog.media.get(mediaId);
        const type = media ? PIPELINE[media.kind] : undefined;
        const job = type ? await archive.jobs.get(`${type}:${mediaId}`) : null;
        if (job?.status === 'done' || job?.status === 'failed') await settle(mediaId, job.lastError ?? undefined);
      }
    } finally {
      polling = false;
    }
  };
  const poller = setInterval(() => {
    // A failed check (database busy, restarting) is simply tried again at the next tick.
    pollOthers().catch(() => undefined);
  }, 1_000);
  try {
    await registerFiles(archive, options, report, record, waiting);
    registering = false;
    if (waiting.size > 0) await new Promise<void>((resolve) => (allSettled = resolve));
  } finally {
    clearInterval(poller);
    controller.abort();
    await worker;
  }
  // Follow-up jobs (OCR of scans, captions linked to a recording...) were queued by the
  // first ones. In single-process mode no other process can run them, so finish them
  // here; with PostgreSQL the `disan worker` processes take them.
  if (archive.singleProcess) {
    await runWorker({ ...workerOptions, stopWhenIdle: true });
  }
  // Read last, and for every file of the items this run touched: a follow-up (captions
  // fitted to a recording processed after them, even in an earlier run) may have added
  // a warning to a file that had already settled.
  report.warnings.push(...(await warningsOf(archive, settledItems, settled)));
  return report;
}

async function warningsOf(archive: Archive, items: ReadonlySet<string>, settled: ReadonlyMap<string, string>): Promise<IngestReport['warnings']> {
  const warnings: IngestReport['warnings'] = [];
  for (const itemId of items) {
    for (const media of await archive.catalog.media.listForItem(itemId, 'all')) {
      const warning = media.technical?.warning;
      if (typeof warning === 'string') warnings.push({ file: settled.get(media.id) ?? media.originalName, warning });
    }
  }
  return warnings.sort((a, b) => a.file.localeCompare(b.file));
}
