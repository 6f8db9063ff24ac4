import type { Archive } from '../archive.ts';
import type { JobHandlers } from '../jobs/worker.ts';
import { createImageJobHandler } from './image-job.ts';

/** Exactly one handler per job type; the worker checks this at start-up. */
export function createJobHandlers(archive: Archive): JobHandlers {
  return {
    'image.derivatives': createImageJobHandler(archive),
  };
}
