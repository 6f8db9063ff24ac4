/** Every URL the API hands out: root-relative paths on the API's own origin. */
export const mediaUrl = (mediaId: string, rendition: string) => `/api/media/${encodeURIComponent(mediaId)}/${encodeURIComponent(rendition)}`;

/** Search documents store the cover as `{mediaId}/{rendition}`; the API turns it into a URL. */
export function thumbnailUrl(stored: string | null): string | null {
  const [mediaId, rendition] = stored?.split('/') ?? [];
  return mediaId && rendition ? mediaUrl(mediaId, rendition) : null;
}
