/**
 * The image renditions every photo gets: responsive WebP and AVIF sizes for
 * srcset, and a small JPEG thumbnail for places that cannot show either (OAI-PMH
 * harvesters, e-mail, old phones). The bench gives vipsthumbnail the same list.
 */
export interface ImageRendition {
  name: string;
  format: 'webp' | 'avif' | 'jpeg';
  /** Longest edge in pixels; images are never enlarged. */
  size: number;
  quality: number;
}

export const IMAGE_RENDITIONS: readonly ImageRendition[] = [
  { name: 'webp-480', format: 'webp', size: 480, quality: 78 },
  { name: 'webp-1024', format: 'webp', size: 1024, quality: 80 },
  { name: 'webp-2048', format: 'webp', size: 2048, quality: 80 },
  { name: 'avif-480', format: 'avif', size: 480, quality: 50 },
  { name: 'avif-1024', format: 'avif', size: 1024, quality: 50 },
  { name: 'thumb', format: 'jpeg', size: 320, quality: 80 },
];

export const RENDITION_MIME: Record<ImageRendition['format'], string> = {
  webp: 'image/webp',
  avif: 'image/avif',
  jpeg: 'image/jpeg',
};

export const RENDITION_EXTENSION: Record<ImageRendition['format'], string> = {
  webp: 'webp',
  avif: 'avif',
  jpeg: 'jpg',
};
