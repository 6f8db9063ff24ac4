import type { MediaKind } from '@disan/schemas';
import type { JobType } from '../jobs/types.ts';

/** The first job of each kind's pipeline; it may queue follow-up jobs of its own (follow-ups.ts). */
export const PIPELINE: Partial<Record<MediaKind, JobType>> = {
  image: 'image.derivatives',
  video: 'video.derivatives',
  audio: 'audio.derivatives',
  document: 'document.derivatives',
  captions: 'captions.index',
};

/** The job that starts processing a medium of this kind, or undefined when the archive only keeps such files. */
export const firstJobFor = (kind: MediaKind): JobType | undefined => PIPELINE[kind];
