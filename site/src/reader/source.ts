import type { MediaView } from '@disan/schemas';

/**
 * The PDF the reader opens for a document, or null when there is none the visitor may
 * read (a metadata-only record's media carry no files, so it gets no reader).
 * @example readerSource({ mimeType: 'application/pdf', original: '/api/media/d1/original', renditions: [] }) // '/api/media/d1/original'
 */
export function readerSource(doc: Pick<MediaView, 'mimeType' | 'original' | 'renditions'>): string | null {
  const rendition = doc.renditions.find((r) => r.mimeType === 'application/pdf');
  if (rendition) return rendition.url;
  return doc.mimeType === 'application/pdf' ? doc.original : null;
}
