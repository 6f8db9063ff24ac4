import { openAsBlob } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileTypeFromBlob } from 'file-type';
import type { MediaKind } from '@disan/schemas';
import type { UploadRefusal } from '@disan/schemas';

export interface DetectedType {
  mimeType: string;
  kind: MediaKind;
}

/** What the archive accepts, by MIME type detected from content. */
const ACCEPTED: Record<string, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/tiff': 'image',
  'image/gif': 'image',
  'image/avif': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'video/x-matroska': 'video',
  'video/mpeg': 'video',
  'audio/mpeg': 'audio',
  'audio/wav': 'audio',
  'audio/x-wav': 'audio',
  'audio/flac': 'audio',
  'audio/ogg': 'audio',
  'audio/opus': 'audio',
  // file-type names Ogg Opus with its codec parameter.
  'audio/ogg; codecs=opus': 'audio',
  'audio/webm': 'audio',
  'audio/mp4': 'audio',
  'audio/aac': 'audio',
  'application/pdf': 'document',
};

const SNIFF_BYTES = 4100;

/** A type refused: its kind (worded by the uploader) and the command line's reason. */
export interface TypeRefusal {
  code: Extract<UploadRefusal, 'empty' | 'not-media' | 'unrecognised' | 'unsupported-format'>;
  reason: string;
}

/**
 * Detects the type from the first bytes (magic numbers), never from the name:
 * a text file called photo.jpg is refused, a JPEG called scan.pdf is a JPEG.
 * Returns a reason a person can act on when the type is not accepted.
 */
export async function detectType(path: string | Buffer): Promise<DetectedType | TypeRefusal> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    if (bytesRead === 0) return { code: 'empty', reason: 'the file is empty (0 bytes)' };
    const head = buffer.subarray(0, bytesRead);
    if (isWebVtt(head)) return { mimeType: 'text/vtt', kind: 'captions' };
    // A Blob over the file gives the detector random access: some TIFFs keep their directory at the end.
    const type = await fileTypeFromBlob(await openAsBlob(path));
    if (!type) {
      return looksLikeText(head)
        ? { code: 'not-media', reason: 'not a media file: the content is plain text' }
        : { code: 'unrecognised', reason: 'unrecognised format: the content matches no image, audio, video or PDF signature' };
    }
    const kind = ACCEPTED[type.mime];
    if (!kind) return { code: 'unsupported-format', reason: `${type.mime} (.${type.ext}) is not a format the archive accepts` };
    return { mimeType: type.mime, kind };
  } finally {
    await handle.close();
  }
}

/**
 * WebVTT has no magic number a detector knows: a text file whose first line is
 * `WEBVTT` (optionally after a UTF-8 byte order mark) is one. Full validation is
 * the captions job's, with line numbers.
 */
function isWebVtt(head: Buffer): boolean {
  const text = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0);
  return !head.includes(0) && /^WEBVTT(?:[ \t\r\n]|$)/.test(text.subarray(0, 8).toString('latin1'));
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/[\p{L}\p{N}\p{P}\p{Z}\p{M}\s]/gu, '').length < bytes.length / 20;
}
