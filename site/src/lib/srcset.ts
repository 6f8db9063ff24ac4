/** A rendition as the API lists it (RenditionView), reduced to what a srcset needs. */
export interface SizedRendition {
  name: string;
  url: string;
  mimeType: string;
  width?: number | undefined;
  height?: number | undefined;
}

export interface ResponsiveImage {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/**
 * The `src`, `srcset` and intrinsic size of an image from its renditions of one
 * format (WebP by default). `src` is the rendition closest to `preferredWidth`, so
 * browsers without srcset get a sensible size; width/height keep the layout from
 * jumping while the image loads.
 * @example responsiveImage([{ name: 'webp-480', url: '/a/480', mimeType: 'image/webp', width: 480, height: 320 }])
 *   // { src: '/a/480', srcset: '/a/480 480w', width: 480, height: 320 }
 */
export function responsiveImage(renditions: readonly SizedRendition[], mimeType = 'image/webp', preferredWidth = 1024): ResponsiveImage | null {
  const usable = renditions
    .filter((r): r is SizedRendition & { width: number; height: number } => r.mimeType === mimeType && r.width !== undefined && r.height !== undefined)
    .sort((a, b) => a.width - b.width);
  const unique = usable.filter((r, i) => i === 0 || r.width !== usable[i - 1]!.width);
  if (unique.length === 0) return null;
  const src = unique.reduce((best, r) => (Math.abs(r.width - preferredWidth) < Math.abs(best.width - preferredWidth) ? r : best));
  return {
    src: src.url,
    srcset: unique.map((r) => `${r.url} ${r.width}w`).join(', '),
    width: src.width,
    height: src.height,
  };
}

/** The first image rendition in the formats a sharing card accepts, largest first up to `maxWidth`. */
export function shareImage(renditions: readonly SizedRendition[], maxWidth = 1280): SizedRendition | null {
  const candidates = renditions
    .filter((r) => (r.mimeType === 'image/webp' || r.mimeType === 'image/jpeg') && r.width !== undefined && r.width <= maxWidth)
    .sort((a, b) => (b.width ?? 0) - (a.width ?? 0) || (a.mimeType === 'image/jpeg' ? -1 : 1));
  return candidates[0] ?? null;
}

/** The gallery's layout: one column on phones, the main column on wider screens. */
export const GALLERY_SIZES = '(min-width: 60rem) 40rem, 100vw';
export const CARD_SIZES = '(min-width: 40rem) 16rem, 50vw';
